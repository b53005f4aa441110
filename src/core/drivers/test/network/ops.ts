/** The test driver's virNetwork* calls (test_driver.c semantics). */
import type { NetworkHandle } from '../../../api/handles.js';
import {
  ListNetworksFlags as L,
  NetworkCreateFlags,
  NetworkEventID,
  NetworkEventLifecycle as Ev,
  NetworkUpdateFlags as U,
  type NetworkApi,
} from '../../../api/network.js';
import { ErrorCodes, ErrorDomains } from '../../../error-codes.js';
import { unsupported, VirError, virErr } from '../../../errors.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import {
  copyNetworkDef,
  formatNetworkXML,
  NETWORK_XML_INACTIVE,
  parseNetworkXML,
  updateNetworkSection,
} from '../../../xml/network/index.js';
import { parseUUID } from '../../../xml/ids.js';
import type { TestNode } from '../node.js';
import { checkFlags } from '../../check-flags.js';
import { assignDef, findByName, networksOf, removeObj, type NetworkObj } from './state.js';

const handle = (o: NetworkObj): NetworkHandle => ({ name: o.def.name, uuid: o.def.uuid });

/** virConnectListAllNetworks' filter groups: a group only filters when one of its bits is set. */
function matches(o: NetworkObj, flags: number): boolean {
  const group = (a: number, b: number, isA: boolean) => !(flags & (a | b)) || (!!(flags & a) && isA) || (!!(flags & b) && !isA);
  return (
    group(L.ACTIVE, L.INACTIVE, o.active) &&
    group(L.PERSISTENT, L.TRANSIENT, o.persistent) &&
    group(L.AUTOSTART, L.NO_AUTOSTART, o.autostart)
  );
}

export function networkOps(node: TestNode): NetworkApi {
  const state = networksOf(node);

  const byName = (name: string): NetworkObj => {
    const o = findByName(state, name);
    if (!o) throw virErr('NO_NETWORK', `no network with matching name '${name}'`, 'NETWORK');
    return o;
  };
  const byUUID = (uuid: string): NetworkObj => {
    const o = state.objs.get(uuid);
    if (!o) throw virErr('NO_NETWORK', `no network with matching uuid '${uuid}'`, 'NETWORK');
    return o;
  };
  const emit = (o: NetworkObj, ev: number) => state.events.emit(handle(o), ev);

  return {
    async networkLookupByName(name) {
      return handle(byName(name));
    },
    async networkLookupByUUID(uuidText) {
      const uuid = parseUUID(uuidText);
      if (!uuid) {
        throw new VirError(
          ErrorCodes.INVALID_ARG[0],
          'uuidstr in virNetworkLookupByUUIDString must be a valid UUID',
          ErrorDomains.NETWORK,
        );
      }
      return handle(byUUID(uuid));
    },
    async listAllNetworks(flags) {
      checkFlags(flags, 0x3f, 'testConnectListAllNetworks', 'NETWORK');
      return [...state.objs.values()].filter((o) => matches(o, flags)).map(handle);
    },
    async networkCreateXML(xml, flags) {
      checkFlags(flags, NetworkCreateFlags.VALIDATE, 'testNetworkCreateXMLFlags', 'NETWORK');
      if (flags & NetworkCreateFlags.VALIDATE) await schemaCheck(xml, 'network.rng', 'network');
      const def = parseNetworkXML(xml);
      const o = assignDef(state, def, { live: true, checkLive: true });
      o.active = true;
      emit(o, Ev.STARTED);
      return handle(o);
    },
    async networkDefineXML(xml, flags) {
      checkFlags(flags, NetworkCreateFlags.VALIDATE, 'testNetworkDefineXMLFlags', 'NETWORK');
      if (flags & NetworkCreateFlags.VALIDATE) await schemaCheck(xml, 'network.rng', 'network');
      const def = parseNetworkXML(xml);
      const o = assignDef(state, def, { live: false, checkLive: false });
      emit(o, Ev.DEFINED);
      return handle(o);
    },
    async networkUndefine(net) {
      const o = byName(net.name);
      if (o.active) throw virErr('OPERATION_INVALID', `Network '${net.name}' is still running`, 'NETWORK');
      state.events.emit(net, Ev.UNDEFINED);
      removeObj(state, o);
    },
    async networkCreate(net) {
      const o = byName(net.name);
      if (o.active) throw virErr('OPERATION_INVALID', `Network '${net.name}' is already running`, 'NETWORK');
      o.active = true;
      emit(o, Ev.STARTED);
    },
    async networkDestroy(net) {
      // The test driver stops a network whatever its state, and forgets transient ones.
      const o = byName(net.name);
      o.active = false;
      emit(o, Ev.STOPPED);
      if (!o.persistent) removeObj(state, o);
    },
    async networkUpdate(net, command, section, parentIndex, xml, flags) {
      checkFlags(flags, U.AFFECT_LIVE | U.AFFECT_CONFIG, 'testNetworkUpdate', 'NETWORK');
      const o = byUUID(net.uuid);
      if ((flags & (U.AFFECT_LIVE | U.AFFECT_CONFIG)) === U.AFFECT_CURRENT) {
        flags |= o.active ? U.AFFECT_LIVE : U.AFFECT_CONFIG;
      }
      if (!o.active && flags & U.AFFECT_LIVE) throw virErr('OPERATION_INVALID', 'network is not running', 'NETWORK');
      if (flags & U.AFFECT_CONFIG && !o.persistent) {
        throw virErr('OPERATION_INVALID', 'cannot change persistent config of a transient network', 'NETWORK');
      }
      // virNetworkObjSetDefTransient: a running persistent network keeps its config apart.
      if (flags & U.AFFECT_CONFIG && o.active && !o.newDef) o.newDef = copyNetworkDef(o.def, NETWORK_XML_INACTIVE);
      let live;
      let config;
      if (flags & U.AFFECT_LIVE) {
        live = copyNetworkDef(o.def, 0);
        updateNetworkSection(live, command, section, parentIndex, xml);
        copyNetworkDef(live, 0);
      }
      if (flags & U.AFFECT_CONFIG) {
        config = copyNetworkDef(o.newDef ?? o.def, NETWORK_XML_INACTIVE);
        updateNetworkSection(config, command, section, parentIndex, xml);
        config = copyNetworkDef(config, NETWORK_XML_INACTIVE);
      }
      if (config) {
        if (o.active) o.newDef = config;
        else o.def = config;
      }
      if (live) o.def = live;
    },
    async networkGetXMLDesc(net, flags) {
      checkFlags(flags, 0, 'testNetworkGetXMLDesc', 'NETWORK');
      return formatNetworkXML(byName(net.name).def, flags);
    },
    async networkGetBridgeName(net) {
      const o = byName(net.name);
      if (o.def.bridge === undefined) {
        throw virErr('INTERNAL_ERROR', `network '${o.def.name}' does not have a bridge name.`, 'NETWORK');
      }
      return o.def.bridge;
    },
    async networkGetAutostart(net) {
      return byName(net.name).autostart;
    },
    async networkSetAutostart(net, autostart) {
      byName(net.name).autostart = autostart;
    },
    async networkIsActive(net) {
      return byUUID(net.uuid).active;
    },
    async networkIsPersistent(net) {
      return byUUID(net.uuid).persistent;
    },
    async networkGetDHCPLeases() {
      throw unsupported('virNetworkGetDHCPLeases');
    },
    async networkEventRegisterAny(net, eventID, cb) {
      if (eventID !== NetworkEventID.LIFECYCLE) {
        throw virErr('INVALID_ARG', `eventID must be less than 1`);
      }
      return state.events.register(net, cb);
    },
    async networkEventDeregisterAny(id) {
      if (!state.events.deregister(id)) {
        throw virErr('INVALID_ARG', `callback ID ${id} not found`);
      }
    },
    async networkListAllPorts() {
      throw unsupported('virNetworkListAllPorts');
    },
    async networkPortLookupByUUID() {
      throw unsupported('virNetworkPortLookupByUUID');
    },
    async networkPortCreateXML() {
      throw unsupported('virNetworkPortCreateXML');
    },
    async networkPortGetXMLDesc() {
      throw unsupported('virNetworkPortGetXMLDesc');
    },
    async networkPortDelete() {
      throw unsupported('virNetworkPortDelete');
    },
  };
}
