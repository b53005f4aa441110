import type { DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import { DomainState, ShutoffReason } from '../../../api/domain.js';
import { addObj, findByName, findByUUID, isActive, type DomainObj, type DomainsState } from './state.js';

/**
 * virDomainObjListAdd, split in two so callers validate before they mutate: `checkAdd` finds
 * the existing object (same uuid) or refuses a clash; `commitAdd` installs the definition.
 * `live` = the definition starts running now (create, restore).
 */
export function checkAdd(s: DomainsState, def: DomainDef, live: boolean): DomainObj | undefined {
  const same = findByUUID(s, def.uuid);
  if (same) {
    if (same.def.name !== def.name)
      throw virErr('OPERATION_FAILED', `domain '${same.def.name}' is already defined with uuid ${same.def.uuid}`);
    if (live) {
      if (isActive(same)) throw virErr('OPERATION_INVALID', `domain '${same.def.name}' is already active`);
      if (!same.persistent) throw virErr('OPERATION_INVALID', `domain '${same.def.name}' is already being started`);
    }
    return same;
  }
  const named = findByName(s, def.name);
  if (named) throw virErr('OPERATION_FAILED', `domain '${def.name}' already exists with uuid ${named.def.uuid}`);
  return undefined;
}

/** virDomainObjAssignDef (existing object) or a new object appended to the list. */
export function commitAdd(s: DomainsState, existing: DomainObj | undefined, def: DomainDef, live: boolean): DomainObj {
  if (!existing) {
    const obj: DomainObj = {
      def,
      persistent: false,
      state: DomainState.SHUTOFF,
      reason: ShutoffReason.UNKNOWN,
      id: -1,
      autostart: false,
      hasManagedSave: false,
      time: { seconds: 627319920, nseconds: 0 },
    };
    addObj(s, obj);
    return obj;
  }
  if (isActive(existing)) existing.newDef = def;
  else if (live) {
    existing.newDef ??= existing.def;
    existing.def = def;
  } else existing.def = def;
  return existing;
}
