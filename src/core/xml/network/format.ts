/** NetworkDef → libvirt's canonical network XML (virNetworkDefFormatBuf). */
import { XmlWriter, unescaped, type Attrs } from '../writer.js';
import { formatIp } from './ipaddr.js';
import type { DnsDef, ForwardDef, IpDef, Lease, NetworkDef, PortGroupDef, RouteDef } from './model.js';
import { NETWORK_XML_INACTIVE } from './model.js';
import { writeRaw } from './raw.js';
import { writeBandwidth, writeVlan } from './netdev.js';
import { writeVirtualPort } from './vport.js';

const hex = (n: number, w: number) => '0x' + n.toString(16).padStart(w, '0');

function writeForward(w: XmlWriter, f: ForwardDef, flags: number): void {
  const dev = f.pf === undefined && f.ifs[0]?.type === 'netdev' ? f.ifs[0].dev : undefined;
  const attrs: [string, string | undefined][] = [
    ['dev', dev],
    ['mode', f.mode],
    ['managed', f.mode === 'hostdev' ? (f.managed ? 'yes' : 'no') : undefined],
  ];
  const short = !(
    f.ifs.length ||
    f.pf !== undefined ||
    f.natStart ||
    f.natEnd ||
    f.portStart ||
    f.portEnd ||
    f.driverName ||
    f.natIPv6
  );
  if (short) {
    w.leaf('forward', attrs);
    return;
  }
  w.open('forward', attrs);
  if (f.driverName) w.leaf('driver', [['name', f.driverName]]);
  if (f.mode === 'nat' && (f.natStart || f.natEnd || f.portStart || f.portEnd || f.natIPv6)) {
    const natAttrs: [string, string | undefined][] = [['ipv6', f.natIPv6]];
    if (!f.natStart && !f.natEnd && !f.portStart && !f.portEnd) w.leaf('nat', natAttrs);
    else {
      w.open('nat', natAttrs);
      if (f.natStart) w.leaf('address', [['start', formatIp(f.natStart)], ['end', f.natEnd && formatIp(f.natEnd)]]);
      if (f.portStart || f.portEnd) w.leaf('port', [['start', f.portStart], ['end', f.portEnd || undefined]]);
      w.close('nat');
    }
  }
  if (f.pf !== undefined) w.leaf('pf', [['dev', f.pf]]);
  if (f.ifs.length && (f.pf === undefined || !(flags & NETWORK_XML_INACTIVE))) {
    for (const i of f.ifs) {
      if (i.type === 'netdev') w.leaf('interface', [['dev', i.dev]]);
      else {
        w.leaf('address', [
          ['type', 'pci'],
          ['domain', hex(i.pci.domain, 4)],
          ['bus', hex(i.pci.bus, 2)],
          ['slot', hex(i.pci.slot, 2)],
          ['function', '0x' + i.pci.function.toString(16)],
        ]);
      }
    }
  }
  w.close('forward');
}

function writeDns(w: XmlWriter, d: DnsDef): void {
  const records = d.forwarders.length || d.hosts.length || d.srvs.length || d.txts.length;
  if (!(d.enable || d.forwardPlainNames || records)) return;
  const attrs: [string, string | undefined][] = [
    ['enable', d.enable],
    ['forwardPlainNames', d.forwardPlainNames],
  ];
  if (!records) {
    w.leaf('dns', attrs);
    return;
  }
  w.open('dns', attrs);
  for (const f of d.forwarders) w.leaf('forwarder', [['domain', f.domain], ['addr', f.addr && formatIp(f.addr)]]);
  for (const t of d.txts) w.leaf('txt', [['name', t.name], ['value', t.value]]);
  for (const s of d.srvs) {
    if (s.service === undefined || s.protocol === undefined) continue;
    w.leaf('srv', [
      ['service', s.service],
      ['protocol', s.protocol],
      ['domain', s.domain],
      ['target', s.target],
      ['port', s.port || undefined],
      ['priority', s.priority || undefined],
      ['weight', s.weight || undefined],
    ]);
  }
  for (const h of d.hosts) {
    w.open('host', [['ip', h.ip ? formatIp(h.ip) : '']]);
    for (const n of h.names) w.leaf('hostname', [], n);
    w.close('host');
  }
  w.close('dns');
}

function writeLeaseHolder(w: XmlWriter, name: string, attrs: Attrs, lease: Lease | undefined): void {
  if (!lease) {
    w.leaf(name, attrs);
    return;
  }
  w.open(name, attrs);
  if (lease.expiry === 0n) w.leaf('lease', [['expiry', '0']]);
  else w.leaf('lease', [['expiry', lease.expiry.toString()], ['unit', lease.unit]]);
  w.close(name);
}

export function writeIp(w: XmlWriter, ip: IpDef): void {
  w.open('ip', [
    ['family', ip.family],
    ['address', formatIp(ip.address)],
    ['netmask', ip.netmask && formatIp(ip.netmask)],
    ['prefix', ip.prefix > 0 ? ip.prefix : undefined],
    ['localPtr', ip.localPtr],
  ]);
  if (ip.tftpRoot !== undefined) w.leaf('tftp', [['root', ip.tftpRoot]]);
  if (ip.ranges.length || ip.hosts.length) {
    w.open('dhcp');
    for (const r of ip.ranges) writeLeaseHolder(w, 'range', [['start', formatIp(r.start)], ['end', formatIp(r.end)]], r.lease);
    for (const h of ip.hosts) {
      // virNetworkIPDefFormat prints a host's mac, id and name without escaping them.
      writeLeaseHolder(w, 'host', [['mac', unescaped(h.mac)], ['id', unescaped(h.id)], ['name', unescaped(h.name)], ['ip', h.ip && formatIp(h.ip)]], h.lease);
    }
    if (ip.bootFile !== undefined) w.leaf('bootp', [['file', ip.bootFile], ['server', ip.bootServer && formatIp(ip.bootServer)]]);
    w.close('dhcp');
  }
  w.close('ip');
}

function writeRoute(w: XmlWriter, r: RouteDef): void {
  w.leaf('route', [
    ['family', r.family],
    ['address', formatIp(r.address)],
    ['netmask', r.netmask && formatIp(r.netmask)],
    ['prefix', r.prefix],
    ['gateway', formatIp(r.gateway)],
    ['metric', r.metric || undefined],
  ]);
}

export function writePortGroup(w: XmlWriter, pg: PortGroupDef): void {
  // virPortGroupDefFormat prints the name without escaping it.
  w.open('portgroup', [
    ['name', unescaped(pg.name)],
    ['default', pg.isDefault ? 'yes' : undefined],
    ['trustGuestRxFilters', pg.trustGuestRxFilters],
  ]);
  writeVlan(w, pg.vlan);
  writeVirtualPort(w, pg.virtualport);
  writeBandwidth(w, pg.bandwidth);
  w.close('portgroup');
}

const HAS_BRIDGE_MODES = ['none', 'nat', 'route', 'open'];

export function formatNetworkXML(def: NetworkDef, flags = 0): string {
  const w = new XmlWriter();
  w.open('network', [
    ['ipv6', def.ipv6nogw ? 'yes' : undefined],
    ['trustGuestRxFilters', def.trustGuestRxFilters],
  ]);
  w.leaf('name', [], def.name);
  w.leaf('uuid', [], def.uuid);
  writeRaw(w, def.metadata, true);
  if (def.forward.mode !== 'none') writeForward(w, def.forward, flags);
  const hasBridge = HAS_BRIDGE_MODES.includes(def.forward.mode);
  if (hasBridge || def.bridge !== undefined || def.macTableManager) {
    w.leaf('bridge', [
      ['name', def.bridge],
      ['zone', def.bridgeZone],
      ['stp', hasBridge ? (def.stp ? 'on' : 'off') : undefined],
      ['delay', hasBridge ? def.delay : undefined],
      ['macTableManager', def.macTableManager],
    ]);
  }
  if (def.mtu) w.leaf('mtu', [['size', def.mtu]]);
  if (def.mac) w.leaf('mac', [['address', def.mac]]);
  // The domain name is printed without escaping, as libvirt does.
  if (def.domain !== undefined) w.leaf('domain', [['name', unescaped(def.domain)], ['localOnly', def.domainLocalOnly]]);
  writeDns(w, def.dns);
  writeVlan(w, def.vlan);
  writeBandwidth(w, def.bandwidth);
  if (def.isolatedPort) w.leaf('port', [['isolated', def.isolatedPort]]);
  for (const ip of def.ips) writeIp(w, ip);
  for (const r of def.routes) writeRoute(w, r);
  writeVirtualPort(w, def.virtualport);
  for (const pg of def.portGroups) writePortGroup(w, pg);
  w.close('network');
  return w.toString();
}
