import type { DomainDef } from '../../../xml/domain/index.js';
import type { DomainHandle } from '../../../api/handles.js';
import { DomainState, ShutoffReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';

/**
 * One domain of a test node, shaped like libvirt's virDomainObj: `def` is what runs (or the
 * only definition while inactive); `newDef` is the persistent configuration a running
 * persistent domain will return to when it stops.
 */
export interface DomainObj {
  def: DomainDef;
  newDef?: DomainDef;
  persistent: boolean;
  /** virDomainState */
  state: number;
  /** The state's reason (virDomainRunningReason, virDomainShutoffReason…). */
  reason: number;
  /** Running id; -1 while inactive (libvirt's def->id). */
  id: number;
  autostart: boolean;
  hasManagedSave: boolean;
  /** Guest clock the test driver reports for domtime (testDomainObjPrivate). */
  time: { seconds: number; nseconds: number };
}

/** All domains of one node, in insertion order, plus the id counter (testDriver.nextDomID). */
export interface DomainsState {
  objs: DomainObj[];
  /** objs by lower-case UUID: lookups by handle must not scan a 10,000-domain node. */
  byUUID: Map<string, DomainObj>;
  nextId: number;
}

export const isActive = (obj: DomainObj): boolean => obj.id !== -1;

/** The configuration a change with VIR_DOMAIN_AFFECT_CONFIG edits; a transient domain's
 * running definition (virDomainObjGetPersistentDef). */
export function persistentDef(obj: DomainObj): DomainDef {
  return obj.newDef ?? obj.def;
}

export function handleOf(obj: DomainObj): DomainHandle {
  return { name: obj.def.name, uuid: obj.def.uuid, id: obj.id };
}

export const findByName = (s: DomainsState, name: string) => s.objs.find((o) => o.def.name === name);
export const findByUUID = (s: DomainsState, uuid: string) => s.byUUID.get(uuid.toLowerCase());
export const findByID = (s: DomainsState, id: number) => s.objs.find((o) => o.id === id && id !== -1);

/** testDomObjFromDomain: the object behind a handle, by uuid. */
export function objFromHandle(s: DomainsState, dom: DomainHandle): DomainObj {
  const obj = findByUUID(s, dom.uuid);
  if (!obj) throw virErr('NO_DOMAIN', `no domain with matching uuid '${dom.uuid}' (${dom.name})`);
  return obj;
}

/** virDomainObjCheckActive */
export function checkActive(obj: DomainObj): void {
  if (!isActive(obj)) throw virErr('OPERATION_INVALID', 'domain is not running');
}

export function addObj(s: DomainsState, obj: DomainObj): void {
  s.objs.push(obj);
  s.byUUID.set(obj.def.uuid.toLowerCase(), obj);
}

export function removeObj(s: DomainsState, obj: DomainObj): void {
  const i = s.objs.indexOf(obj);
  if (i >= 0) s.objs.splice(i, 1);
  s.byUUID.delete(obj.def.uuid.toLowerCase());
}

export const AFFECT_CURRENT = 0;
export const AFFECT_LIVE = 1;
export const AFFECT_CONFIG = 2;

/**
 * virDomainObjUpdateModificationImpact + virDomainObjGetDefs: resolves CURRENT to LIVE or
 * CONFIG and returns the definitions a change must edit (throws libvirt's errors for a live
 * change on an inactive domain or a config change on a transient one).
 */
export function modificationDefs(obj: DomainObj, flags: number): { live?: DomainDef; config?: DomainDef; flags: number } {
  let f = flags;
  if ((f & (AFFECT_LIVE | AFFECT_CONFIG)) === AFFECT_CURRENT) f |= isActive(obj) ? AFFECT_LIVE : AFFECT_CONFIG;
  if (!isActive(obj) && f & AFFECT_LIVE) throw virErr('OPERATION_INVALID', 'domain is not running');
  if (!obj.persistent && f & AFFECT_CONFIG)
    throw virErr('OPERATION_INVALID', 'transient domains do not have any persistent config');
  return {
    live: f & AFFECT_LIVE ? obj.def : undefined,
    config: f & AFFECT_CONFIG ? persistentDef(obj) : undefined,
    flags: f,
  };
}

/** testDomainStartState: gives the domain an id and a live copy of its definition. */
export function startState(s: DomainsState, obj: DomainObj, reason: number, copy: (d: DomainDef) => DomainDef): void {
  obj.state = DomainState.RUNNING;
  obj.reason = reason;
  obj.id = s.nextId++;
  if (obj.persistent && !obj.newDef) {
    // libvirt keeps the definition it has as the live one and makes the persistent one a copy.
    let persistent: DomainDef;
    try {
      persistent = copy(obj.def);
    } catch (e) {
      // libvirt gave the id to the one definition it has; without a live copy to drop, the id
      // outlives the failed start, and the domain stays active though shut off.
      shutdownState(obj, ShutoffReason.FAILED);
      throw e;
    }
    obj.newDef = persistent;
  }
  obj.hasManagedSave = false;
}

/** testDomainShutdownState: drops the live definition and marks the domain shut off. */
export function shutdownState(obj: DomainObj, reason: number): void {
  // The id belongs to the live definition: it goes with it (a persistent domain whose start
  // failed has none to drop, and keeps its id).
  if (obj.newDef || !obj.persistent) obj.id = -1;
  if (obj.newDef) {
    obj.def = obj.newDef;
    obj.newDef = undefined;
  }
  obj.state = DomainState.SHUTOFF;
  obj.reason = reason;
}
