import type { DomainHandle } from '../../../api/handles.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { ErrorCodes } from '../../../error-codes.js';
import { invalidArg, VirError, virErr } from '../../../errors.js';
import type { TestNode } from '../node.js';
import { isActive, objFromHandle, persistentDef, type DomainObj } from '../domain/state.js';

export const AFFECT_LIVE = 1;
export const AFFECT_CONFIG = 2;

/** What virsh reports when a driver fails without setting an error. */
export function unknownError(): VirError {
  return new VirError(ErrorCodes.INTERNAL_ERROR[0], 'An error occurred, but the cause is unknown');
}

export function objOf(node: TestNode, dom: DomainHandle): DomainObj {
  return objFromHandle(node.domains, dom);
}

/** virDomainObjCheckActive */
export function checkActive(obj: DomainObj): void {
  if (!isActive(obj)) throw virErr('OPERATION_INVALID', 'domain is not running');
}

/**
 * virDomainObjGetOneDefState: resolves AFFECT_CURRENT, refuses LIVE together with CONFIG, a
 * live change on an inactive domain and a config change on a transient one.
 */
export function oneDefState(obj: DomainObj, flags: number): { def: DomainDef; live: boolean } {
  if (flags & AFFECT_LIVE && flags & AFFECT_CONFIG) {
    throw invalidArg("Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
  }
  let f = flags;
  if ((f & (AFFECT_LIVE | AFFECT_CONFIG)) === 0) f |= isActive(obj) ? AFFECT_LIVE : AFFECT_CONFIG;
  if (!isActive(obj) && f & AFFECT_LIVE) throw virErr('OPERATION_INVALID', 'domain is not running');
  if (!obj.persistent && f & AFFECT_CONFIG) {
    throw virErr('OPERATION_INVALID', 'transient domains do not have any persistent config');
  }
  const live = (f & AFFECT_LIVE) !== 0;
  return { def: isActive(obj) && f & AFFECT_CONFIG ? persistentDef(obj) : obj.def, live };
}

export function oneDef(obj: DomainObj, flags: number): DomainDef {
  return oneDefState(obj, flags).def;
}

/**
 * virDomainObjGetDefs: the live and/or persistent definitions a change must edit (the test
 * driver always keeps a separate persistent definition while running).
 */
export function defsFor(obj: DomainObj, flags: number): { live?: DomainDef; config?: DomainDef } {
  let f = flags;
  if ((f & (AFFECT_LIVE | AFFECT_CONFIG)) === 0) f |= isActive(obj) ? AFFECT_LIVE : AFFECT_CONFIG;
  if (!isActive(obj) && f & AFFECT_LIVE) throw virErr('OPERATION_INVALID', 'domain is not running');
  if (!obj.persistent && f & AFFECT_CONFIG) {
    throw virErr('OPERATION_INVALID', 'transient domains do not have any persistent config');
  }
  return {
    live: f & AFFECT_LIVE ? obj.def : undefined,
    config: f & AFFECT_CONFIG ? persistentDef(obj) : undefined,
  };
}
