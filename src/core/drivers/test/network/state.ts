/** The test driver's networks: virNetworkObj list semantics (virnetworkobj.c). */
import { virErr } from '../../../errors.js';
import { children, type XNode } from '../../../xml/tree.js';
import { parseNetworkNode, type NetworkDef } from '../../../xml/network/index.js';
import { sliceOf, type LoadContext, type TestNode } from '../node.js';
import { resolveFileRef } from './file-ref.js';
import { NetworkEvents } from './events.js';

export interface NetworkObj {
  /** The live definition (or the only one when inactive). */
  def: NetworkDef;
  /** The persistent definition waiting for the next start, while a live one runs. */
  newDef?: NetworkDef;
  active: boolean;
  persistent: boolean;
  autostart: boolean;
}

export interface NetworksState {
  /** Keyed by UUID, like libvirt's hash table. */
  objs: Map<string, NetworkObj>;
  events: NetworkEvents;
}

/** How a definition is being added (VIR_NETWORK_OBJ_LIST_ADD_*). */
export interface AssignMode {
  live: boolean;
  checkLive: boolean;
}

export function findByName(state: NetworksState, name: string): NetworkObj | undefined {
  for (const o of state.objs.values()) if (o.def.name === name) return o;
  return undefined;
}

/** virNetworkObjUpdateAssignDef: which of def/newDef the new definition replaces. */
function updateAssignDef(obj: NetworkObj, def: NetworkDef, live: boolean): void {
  if (live) {
    if (obj.persistent && !obj.newDef) obj.newDef = obj.def;
    obj.def = def;
    return;
  }
  if (obj.active) obj.newDef = def;
  else if (!obj.persistent) obj.newDef = def;
  else {
    obj.newDef = undefined;
    obj.def = def;
  }
  obj.persistent = true;
}

/**
 * virNetworkObjAssignDef: replace the matching object's definition or add a new object,
 * refusing name/UUID clashes. Validates fully before changing anything.
 */
export function assignDef(state: NetworksState, def: NetworkDef, mode: AssignMode): NetworkObj {
  const existing = state.objs.get(def.uuid);
  if (existing) {
    if (existing.def.name !== def.name) {
      throw virErr('OPERATION_FAILED', `network '${existing.def.name}' is already defined with uuid ${existing.def.uuid}`, 'NETWORK');
    }
    if (mode.checkLive && existing.active) {
      throw virErr('OPERATION_INVALID', `network is already active as '${existing.def.name}'`, 'NETWORK');
    }
    updateAssignDef(existing, def, mode.live);
    return existing;
  }
  const clash = findByName(state, def.name);
  if (clash) {
    throw virErr('OPERATION_FAILED', `network '${def.name}' already exists with uuid ${clash.def.uuid}`, 'NETWORK');
  }
  const obj: NetworkObj = { def, active: false, persistent: !mode.live, autostart: false };
  state.objs.set(def.uuid, obj);
  return obj;
}

export function removeObj(state: NetworksState, obj: NetworkObj): void {
  state.objs.delete(obj.def.uuid);
}

/** testParseNetworks: every /node/network (inline or file='…') is defined and running. */
export function loadNetworks(root: XNode, ctx: LoadContext): NetworksState {
  const state: NetworksState = { objs: new Map(), events: new NetworkEvents() };
  for (const n of children(root, 'network')) {
    const obj = assignDef(state, parseNetworkNode(resolveFileRef(n, ctx)), { live: false, checkLive: false });
    obj.active = true;
  }
  return state;
}

/** The node's networks, read from its file on first use. */
export const networksOf = (node: TestNode): NetworksState => sliceOf(node, 'networks', loadNetworks);
