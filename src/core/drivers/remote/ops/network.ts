import type { NetworkHandle } from '../../../api/handles.js';
import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import type { Ops } from './util.js';

/** virNetwork* over RPC. */
export function networkOps(s: Session): Ops {
  const net = async (p: Promise<{ net: NetworkHandle }>) => (await p).net;
  return {
    networkLookupByName: (name) => net(s.call(P.networkLookupByName, { name })),
    networkLookupByUUID: (uuid) => net(s.call(P.networkLookupByUUID, { uuid })),
    listAllNetworks: async (flags) => (await s.call(P.connectListAllNetworks, { need_results: 1, flags })).nets,
    networkCreateXML: (xml, flags) => net(flags ? s.call(P.networkCreateXMLFlags, { xml, flags }) : s.call(P.networkCreateXML, { xml })),
    networkDefineXML: (xml, flags) => net(flags ? s.call(P.networkDefineXMLFlags, { xml, flags }) : s.call(P.networkDefineXML, { xml })),
    networkUndefine: (n) => s.call(P.networkUndefine, { net: n }),
    networkCreate: (n) => s.call(P.networkCreate, { net: n }),
    networkDestroy: (n) => s.call(P.networkDestroy, { net: n }),
    networkUpdate: (n, command, section, parentIndex, xml, flags) => s.call(P.networkUpdate, { net: n, command, section, parentIndex, xml, flags }),
    networkGetXMLDesc: async (n, flags) => (await s.call(P.networkGetXMLDesc, { net: n, flags })).xml,
    networkGetBridgeName: async (n) => (await s.call(P.networkGetBridgeName, { net: n })).name,
    networkGetAutostart: async (n) => (await s.call(P.networkGetAutostart, { net: n })).autostart,
    networkSetAutostart: (n, autostart) => s.call(P.networkSetAutostart, { net: n, autostart }),
    networkIsActive: async (n) => (await s.call(P.networkIsActive, { net: n })).active,
    networkIsPersistent: async (n) => (await s.call(P.networkIsPersistent, { net: n })).persistent,
    networkGetDHCPLeases: async (n, mac, flags) =>
      (await s.call(P.networkGetDHCPLeases, { net: n, mac, need_results: 1, flags })).leases.map((l) => ({
        iface: l.iface,
        expirytime: Number(l.expirytime),
        type: l.type,
        mac: l.mac ?? '',
        iaid: l.iaid,
        ipaddr: l.ipaddr,
        prefix: l.prefix,
        hostname: l.hostname,
        clientid: l.clientid,
      })),
  };
}
