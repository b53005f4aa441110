import type { DomainDef } from '../../../xml/domain/index.js';

/** virDomainDefCopy: an independent deep copy (the live definition of a started domain). */
export function copyDef(def: DomainDef): DomainDef {
  return structuredClone(def);
}

interface NetLike {
  ifname?: string;
}

function nets(def: DomainDef): NetLike[] {
  const devices = (def as { devices?: { interfaces?: NetLike[] } }).devices;
  return devices?.interfaces ?? [];
}

/** testDomainGenerateIfnames: every interface without a target device gets `testnetN`, the
 * lowest N no interface of the domain uses yet. */
export function generateIfnames(def: DomainDef): void {
  const all = nets(def);
  for (const net of all) {
    if (net.ifname) continue;
    let n = 0;
    while (all.some((x) => x.ifname === `testnet${n}`)) n++;
    net.ifname = `testnet${n}`;
  }
}
