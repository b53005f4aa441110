import { assignTestIfnames } from '../../../xml/domain/devices/accessors.js';
import type { DomainDef } from '../../../xml/domain/types.js';

/** virDomainDefCopy: an independent deep copy (the live definition of a started domain). */
export function copyDef(def: DomainDef): DomainDef {
  return structuredClone(def);
}

/** testDomainGenerateIfnames: interfaces without a target device get `testnetN`. */
export const generateIfnames = assignTestIfnames;
