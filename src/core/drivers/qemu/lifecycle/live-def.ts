import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, type Elem } from '../../../xml/domain/elem.js';
import type { QemuDriver } from '../driver.js';

/**
 * What the running copy of a definition gains at start-up beyond aliases and ptys: the cgroup
 * partition a privileged driver places it in (virDomainCgroupSetupCgroup) and the DAC label
 * the security driver generates from qemu.conf's user and group (virSecurityDACGenLabel).
 */
export function prepareLiveDef(drv: QemuDriver, def: DomainDef): void {
  if (process.getuid?.() === 0 && !def.resource) def.resource = elem('resource', [], [elem('partition', [], [], '/machine')]);
  const label = `+${drv.caps.conf.uid}:+${drv.caps.conf.gid}`;
  const dac = def.seclabels.find((s) => attr(s, 'model') === 'dac');
  if (!dac) {
    const seclabel = elem('seclabel', [['type', 'dynamic'], ['model', 'dac'], ['relabel', 'yes']], [elem('label', [], [], label), elem('imagelabel', [], [], label)]);
    implicitSeclabels.add(seclabel);
    def.seclabels.push(seclabel);
  } else if (attr(dac, 'type') === 'dynamic') {
    // A dynamic label is made anew at every start (a restored image's XML carries none).
    const image = dac.children.find((c) => c.name === 'imagelabel') ?? elem('imagelabel', [], [], label);
    dac.children = [elem('label', [], [], label), image, ...dac.children.filter((c) => !isGenerated(c))];
  }
}

const isGenerated = (c: Elem) => c.name === 'label' || c.name === 'imagelabel';

/** A dynamic label's generated values are runtime state: inactive XML leaves them out. */
export function dropGeneratedLabels(seclabels: readonly Elem[]): void {
  for (const s of seclabels) if (attr(s, 'type') === 'dynamic') s.children = s.children.filter((c) => !isGenerated(c));
}

/**
 * The labels generated above in this process (virSecurityLabelDef.implicit): migratable XML
 * leaves them out. One read back from a status file is no longer implicit, as in libvirt.
 */
export const implicitSeclabels = new WeakSet<Elem>();
