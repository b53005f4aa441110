import { assignTestIfnames } from '../../../xml/domain/devices/accessors.js';
import { postParseVcpuStates } from '../../../xml/domain/vcpus.js';
import type { DomainDef } from '../../../xml/domain/types.js';

/**
 * virDomainDefCopy: an independent deep copy (the live definition of a started domain). libvirt
 * copies by formatting and parsing again, so post-parse defaults reach vCPUs added since.
 */
export function copyDef(def: DomainDef): DomainDef {
  const copy = structuredClone(def);
  postParseVcpuStates(copy.vcpuStates);
  return copy;
}

/** testDomainGenerateIfnames: interfaces without a target device get `testnetN`. */
export const generateIfnames = assignTestIfnames;
