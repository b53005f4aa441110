/** The test driver's virInterface* calls (test_driver.c semantics). */
import type { InterfaceHandle } from '../../../api/handles.js';
import { InterfaceDefineFlags, ListInterfacesFlags as L, type InterfaceApi } from '../../../api/interface.js';
import { virErr } from '../../../errors.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import { formatInterfaceXML, parseInterfaceXML } from '../../../xml/interface/index.js';
import type { TestNode } from '../node.js';
import { checkFlags } from '../../check-flags.js';
import { assignDef, cloneList, interfacesOf, type InterfaceObj } from './state.js';

const handle = (o: InterfaceObj): InterfaceHandle => ({ name: o.def.name, mac: o.def.mac ?? '' });

export function interfaceOps(node: TestNode): InterfaceApi {
  const state = interfacesOf(node);

  const byName = (name: string): InterfaceObj => {
    const o = state.objs.get(name);
    if (!o) throw virErr('NO_INTERFACE', `no interface with matching name '${name}'`, 'INTERFACE');
    return o;
  };

  return {
    async listAllInterfaces(flags) {
      checkFlags(flags, L.ACTIVE | L.INACTIVE, 'testConnectListAllInterfaces', 'INTERFACE');
      const both = !(flags & (L.ACTIVE | L.INACTIVE));
      return [...state.objs.values()]
        .filter((o) => both || (flags & L.ACTIVE && o.active) || (flags & L.INACTIVE && !o.active))
        .map(handle);
    },
    async interfaceLookupByName(name) {
      return handle(byName(name));
    },
    async interfaceLookupByMACString(mac) {
      // An interface without a MAC (a bridge, a bond) compares equal to any string here:
      // glib's strcasecmp treats the missing side as a match.
      const found = [...state.objs.values()]
        .filter((o) => o.def.mac === undefined || o.def.mac.toLowerCase() === mac.toLowerCase())
        .slice(0, 2);
      if (found.length === 0) throw virErr('NO_INTERFACE', `no interface with matching mac '${mac}'`, 'INTERFACE');
      if (found.length > 1) throw virErr('MULTIPLE_INTERFACES', undefined, 'INTERFACE');
      return { name: found[0].def.name, mac };
    },
    async interfaceGetXMLDesc(iface, flags) {
      checkFlags(flags, 0, 'testInterfaceGetXMLDesc', 'INTERFACE');
      return formatInterfaceXML(byName(iface.name).def);
    },
    async interfaceDefineXML(xml, flags) {
      checkFlags(flags, InterfaceDefineFlags.VALIDATE, 'testInterfaceDefineXML', 'INTERFACE');
      if (flags & InterfaceDefineFlags.VALIDATE) await schemaCheck(xml, 'interface.rng', 'interface');
      return handle(assignDef(state.objs, parseInterfaceXML(xml)));
    },
    async interfaceUndefine(iface) {
      byName(iface.name);
      state.objs.delete(iface.name);
    },
    async interfaceCreate(iface, flags) {
      checkFlags(flags, 0, 'testInterfaceCreate', 'INTERFACE');
      const o = byName(iface.name);
      if (o.active) throw virErr('OPERATION_INVALID', undefined, 'INTERFACE');
      o.active = true;
    },
    async interfaceDestroy(iface, flags) {
      checkFlags(flags, 0, 'testInterfaceDestroy', 'INTERFACE');
      const o = byName(iface.name);
      if (!o.active) throw virErr('OPERATION_INVALID', undefined, 'INTERFACE');
      o.active = false;
    },
    async interfaceIsActive(iface) {
      return byName(iface.name).active;
    },
    async interfaceChangeBegin(flags) {
      checkFlags(flags, 0, 'testInterfaceChangeBegin', 'INTERFACE');
      if (state.backup) throw virErr('OPERATION_INVALID', 'there is another transaction running.', 'INTERFACE');
      state.backup = cloneList(state.objs);
    },
    async interfaceChangeCommit(flags) {
      checkFlags(flags, 0, 'testInterfaceChangeCommit', 'INTERFACE');
      if (!state.backup) throw virErr('OPERATION_INVALID', 'no transaction running, nothing to be committed.', 'INTERFACE');
      state.backup = undefined;
    },
    async interfaceChangeRollback(flags) {
      checkFlags(flags, 0, 'testInterfaceChangeRollback', 'INTERFACE');
      if (!state.backup) throw virErr('OPERATION_INVALID', 'no transaction running, nothing to rollback.', 'INTERFACE');
      state.objs = state.backup;
      state.backup = undefined;
    },
  };
}
