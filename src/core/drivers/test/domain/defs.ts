import { assignTestIfnames, type DomainDef } from '../../../xml/domain/index.js';

/** virDomainDefCopy: an independent deep copy (the live definition of a started domain). */
export function copyDef(def: DomainDef): DomainDef {
  return structuredClone(def);
}

/** testDomainGenerateIfnames: interfaces without a target device get `testnetN`. */
export const generateIfnames = assignTestIfnames;
