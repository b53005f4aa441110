import { P } from '../../core/rpc/procedures/index.js';
import { listed, serve } from './serve.js';

/** Virtual network calls. */
export const networkServed = [
  serve(P.networkLookupByName, async (c, a) => ({ net: await c.networkLookupByName(a.name) })),
  serve(P.networkLookupByUUID, async (c, a) => ({ net: await c.networkLookupByUUID(a.uuid) })),
  serve(P.connectListAllNetworks, async (c, a) => {
    const { items, ret } = listed(a.need_results, await c.listAllNetworks(a.flags));
    return { nets: items, ret };
  }),
  serve(P.networkCreateXML, async (c, a) => ({ net: await c.networkCreateXML(a.xml, 0) })),
  serve(P.networkCreateXMLFlags, async (c, a) => ({ net: await c.networkCreateXML(a.xml, a.flags) })),
  serve(P.networkDefineXML, async (c, a) => ({ net: await c.networkDefineXML(a.xml, 0) })),
  serve(P.networkDefineXMLFlags, async (c, a) => ({ net: await c.networkDefineXML(a.xml, a.flags) })),
  serve(P.networkUndefine, (c, a) => c.networkUndefine(a.net)),
  serve(P.networkCreate, (c, a) => c.networkCreate(a.net)),
  serve(P.networkDestroy, (c, a) => c.networkDestroy(a.net)),
  serve(P.networkUpdate, (c, a) => c.networkUpdate(a.net, a.command, a.section, a.parentIndex, a.xml, a.flags)),
  serve(P.networkGetXMLDesc, async (c, a) => ({ xml: await c.networkGetXMLDesc(a.net, a.flags) })),
  serve(P.networkGetBridgeName, async (c, a) => ({ name: await c.networkGetBridgeName(a.net) })),
  serve(P.networkGetAutostart, async (c, a) => ({ autostart: await c.networkGetAutostart(a.net) })),
  serve(P.networkSetAutostart, (c, a) => c.networkSetAutostart(a.net, a.autostart)),
  serve(P.networkIsActive, async (c, a) => ({ active: await c.networkIsActive(a.net) })),
  serve(P.networkIsPersistent, async (c, a) => ({ persistent: await c.networkIsPersistent(a.net) })),
  serve(P.networkGetDHCPLeases, async (c, a) => {
    const leases = await c.networkGetDHCPLeases(a.net, a.mac, a.flags);
    const wire = leases.map((l) => ({
      iface: l.iface,
      expirytime: BigInt(l.expirytime),
      type: l.type,
      mac: l.mac || undefined,
      iaid: l.iaid,
      ipaddr: l.ipaddr,
      prefix: l.prefix,
      hostname: l.hostname,
      clientid: l.clientid,
    }));
    const { items, ret } = listed(a.need_results, wire);
    return { leases: items, ret };
  }),
];
