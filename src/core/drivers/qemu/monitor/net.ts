// Interface statistics (qemuDomainInterfaceStats, virNetDevTapInterfaceStats): a guest NIC's
// host-side device counters from /proc/net/dev, seen from the guest (a tap's receive is the
// guest's transmit) unless the NIC shares the host's view (macvtap).
import { readFileSync } from 'node:fs';
import type { InterfaceStats } from '../../../api/domain-devices.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { virErr } from '../../../errors.js';

export const netDevices = (def: DomainDef): DeviceDef[] => def.devices.filter((d) => d.kind === 'interface');
/** The host-side device name (net->ifname), as the live definition's <target dev>. */
export const netIfname = (d: DeviceDef): string | undefined => attr(sub(d.el, 'target'), 'dev');
const netMac = (d: DeviceDef): string | undefined => attr(sub(d.el, 'mac'), 'address')?.toLowerCase();

/** virDomainNetFind: by MAC address when the name parses as one, else by host device name. */
export function findNet(def: DomainDef, device: string): DeviceDef {
  const isMac = /^[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}$/i.test(device);
  const norm = (m: string) => m.split(':').map((b) => b.padStart(2, '0')).join(':').toLowerCase();
  const net = isMac ? netDevices(def).find((d) => netMac(d) === norm(device)) : netDevices(def).find((d) => netIfname(d) === device);
  if (!net) throw virErr('INVALID_ARG', `'${device}' is not a known interface`);
  return net;
}

/** virNetDevTapInterfaceStats */
export function tapStats(ifname: string | undefined, swapped: boolean): InterfaceStats {
  if (!ifname) throw virErr('INTERNAL_ERROR', 'Interface name not provided');
  for (const line of readFileSync('/proc/net/dev', 'utf8').split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim() !== ifname) continue;
    const v = line.slice(colon + 1).trim().split(/\s+/).map(BigInt);
    if (v.length !== 16) continue;
    const [rx, tx] = swapped ? [v.slice(8, 12), v.slice(0, 4)] : [v.slice(0, 4), v.slice(8, 12)];
    return { rxBytes: rx[0], rxPackets: rx[1], rxErrs: rx[2], rxDrop: rx[3], txBytes: tx[0], txPackets: tx[1], txErrs: tx[2], txDrop: tx[3] };
  }
  throw virErr('INTERNAL_ERROR', '/proc/net/dev: Interface not found');
}

/** virDomainNetTypeSharesHostView: only macvtap (direct) sees traffic as the guest does. */
export const sharesHostView = (d: DeviceDef): boolean => attr(d.el, 'type') === 'direct';

export function interfaceStats(def: DomainDef, device: string): InterfaceStats {
  const net = findNet(def, device);
  return tapStats(netIfname(net), !sharesHostView(net));
}
