/**
 * InterfaceDef → libvirt's interface XML (virInterfaceDefDevFormat). libvirt prints an IP
 * address, route gateway, bridge delay, MAC, VLAN tag and device and ARP target as they were
 * given, without escaping them.
 */
import { escapeXml, unescaped, XmlWriter } from '../writer.js';
import type { InterfaceDef } from './model.js';

function writeProtocols(w: XmlWriter, def: InterfaceDef): void {
  for (const p of def.protocols) {
    w.open('protocol', [['family', p.family]]);
    if (p.autoconf) w.leaf('autoconf');
    if (p.dhcp) w.leaf('dhcp', [['peerdns', p.peerdns]]);
    for (const ip of p.ips) {
      if (ip.address !== '') w.leaf('ip', [['address', unescaped(ip.address)], ['prefix', ip.prefix !== 0 ? ip.prefix : undefined]]);
    }
    if (p.gateway !== undefined) w.leaf('route', [['gateway', unescaped(p.gateway)]]);
    w.close('protocol');
  }
}

function writeDev(w: XmlWriter, def: InterfaceDef, topLevel: boolean): void {
  w.raw(`<interface type='${def.type}' name='${escapeXml(def.name)}'>`);
  const inner = new XmlWriter(1);
  if (topLevel) {
    if (def.startMode) inner.leaf('start', [['mode', def.startMode]]);
    if (def.mtu) inner.leaf('mtu', [['size', def.mtu]]);
    writeProtocols(inner, def);
  }
  if (def.type !== 'bridge' && (def.link.speed || def.link.state)) {
    inner.leaf('link', [['speed', def.link.speed || undefined], ['state', def.link.state]]);
  }
  if (def.type === 'ethernet' && def.mac !== undefined) inner.leaf('mac', [['address', unescaped(def.mac)]]);
  if (def.bridge) {
    const stp = def.bridge.stp === undefined ? undefined : def.bridge.stp ? 'on' : 'off';
    inner.open('bridge', [['stp', stp], ['delay', unescaped(def.bridge.delay)]]);
    for (const i of def.bridge.itfs) writeDev(inner, i, false);
    inner.close('bridge');
  }
  if (def.bond) {
    const b = def.bond;
    inner.open('bond', [['mode', b.mode]]);
    if (b.monitor === 'mii') {
      inner.leaf('miimon', [
        ['freq', b.frequency],
        ['downdelay', b.downdelay > 0 ? b.downdelay : undefined],
        ['updelay', b.updelay > 0 ? b.updelay : undefined],
        ['carrier', b.carrier],
      ]);
    } else if (b.monitor === 'arp') {
      inner.leaf('arpmon', [['interval', b.interval], ['target', unescaped(b.target)], ['validate', b.validate]]);
    }
    for (const i of b.itfs) writeDev(inner, i, false);
    inner.close('bond');
  }
  if (def.vlan) {
    inner.open('vlan', [['tag', unescaped(def.vlan.tag)]]);
    inner.leaf('interface', [['name', unescaped(def.vlan.dev)]]);
    inner.close('vlan');
  }
  w.raw(inner.toString());
  w.raw('</interface>');
}

export function formatInterfaceXML(def: InterfaceDef): string {
  const w = new XmlWriter();
  writeDev(w, def, true);
  return w.toString();
}
