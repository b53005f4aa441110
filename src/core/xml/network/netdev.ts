/** <bandwidth> and <vlan> (netdev_bandwidth_conf.c, netdev_vlan_conf.c). */
import { virErr } from '../../errors.js';
import { children, type XNode } from '../tree.js';
import type { XmlWriter } from '../writer.js';
import { localChildren } from './document.js';
import { propEnum, propUInt } from './props.js';

export interface BandwidthRate {
  average: bigint;
  peak: bigint;
  burst: bigint;
  floor: bigint;
}

export interface Bandwidth {
  inbound?: BandwidthRate;
  outbound?: BandwidthRate;
}

export interface Vlan {
  trunk: boolean;
  tags: number[];
  nativeMode?: 'tagged' | 'untagged';
  nativeTag?: number;
}

function parseRate(node: XNode): BandwidthRate {
  const num = (name: keyof BandwidthRate): bigint => {
    const v = node.attrs[name];
    if (v === undefined) return 0n;
    if (!/^\s*\+?\d+$/.test(v) || BigInt(v.trim()) > 0xffffffffffffffffn) {
      throw virErr('CONFIG_UNSUPPORTED', `could not convert bandwidth ${name} value '${v}'`);
    }
    return BigInt(v.trim());
  };
  const { average, peak, burst, floor } = node.attrs;
  const rate: BandwidthRate = { average: 0n, peak: 0n, burst: 0n, floor: 0n };
  if (average !== undefined) rate.average = num('average');
  else if (floor === undefined) throw virErr('XML_DETAIL', 'Missing mandatory average or floor attributes');
  if ((peak !== undefined || burst !== undefined) && average === undefined) {
    throw virErr('CONFIG_UNSUPPORTED', "'peak' and 'burst' require 'average' attribute");
  }
  rate.peak = num('peak');
  rate.burst = num('burst');
  rate.floor = num('floor');
  return rate;
}

/** virNetDevBandwidthParse; undefined when neither direction is given. */
export function parseBandwidth(node: XNode, allowFloor: boolean): Bandwidth | undefined {
  if (node.attrs.classID !== undefined) {
    throw virErr('XML_DETAIL', 'classID attribute not supported on <bandwidth> in this usage context');
  }
  const ins = localChildren(node, 'inbound');
  const outs = localChildren(node, 'outbound');
  if (ins.length > 1) throw virErr('XML_DETAIL', 'Only one child <inbound> element allowed');
  if (outs.length > 1) throw virErr('XML_DETAIL', 'Only one child <outbound> element allowed');
  const bw: Bandwidth = {};
  if (ins[0]) {
    bw.inbound = parseRate(ins[0]);
    if (bw.inbound.floor && !allowFloor) throw virErr('CONFIG_UNSUPPORTED', 'floor attribute is not supported for this config');
  }
  if (outs[0]) {
    bw.outbound = parseRate(outs[0]);
    if (bw.outbound.floor) throw virErr('CONFIG_UNSUPPORTED', "'floor' attribute allowed only in <inbound> element");
  }
  return bw.inbound || bw.outbound ? bw : undefined;
}

export function writeBandwidth(w: XmlWriter, bw: Bandwidth | undefined): void {
  if (!bw) return;
  w.open('bandwidth');
  for (const [name, r] of [
    ['inbound', bw.inbound],
    ['outbound', bw.outbound],
  ] as const) {
    if (!r || !(r.average || r.floor)) continue;
    const v = (n: bigint) => (n ? n.toString() : undefined);
    w.leaf(name, [
      ['average', v(r.average)],
      ['peak', v(r.peak)],
      ['floor', v(r.floor)],
      ['burst', v(r.burst)],
    ]);
  }
  w.close('bandwidth');
}

/** virNetDevVlanParse */
export function parseVlan(node: XNode): Vlan {
  const tagNodes = children(node, 'tag');
  if (tagNodes.length === 0) {
    throw virErr('XML_ERROR', "missing tag id - each <vlan> must have at least one <tag id='n'/> subelement");
  }
  const vlan: Vlan = { trunk: tagNodes.length > 1, tags: [] };
  for (const t of tagNodes) {
    if (t.attrs.id === undefined) throw virErr('XML_ERROR', "Missing required attribute 'id' in element 'tag'");
    const id = propUInt(t, 'id')!;
    if (id > 4095) throw virErr('XML_ERROR', `vlan tag id ${id} too large (maximum 4095)`);
    vlan.tags.push(id);
    const mode = propEnum(t, 'nativeMode', ['tagged', 'untagged'] as const);
    if (mode) {
      if (vlan.nativeMode) throw virErr('XML_ERROR', 'duplicate native vlan setting');
      vlan.nativeMode = mode;
      vlan.nativeTag = id;
    }
  }
  const trunk = node.attrs.trunk;
  if (trunk !== undefined && trunk !== '') {
    vlan.trunk = trunk.toLowerCase() === 'yes';
    if (!vlan.trunk) {
      if (tagNodes.length > 1) {
        throw virErr(
          'XML_ERROR',
          `invalid "trunk='${trunk}'" in <vlan> - trunk='yes' is required for more than one vlan tag`,
        );
      }
      if (vlan.nativeMode) {
        throw virErr('XML_ERROR', 'invalid configuration in <vlan> - "trunk=\'no\'" is not allowed with a native vlan id');
      }
      if (trunk.toLowerCase() !== 'no') throw virErr('XML_ERROR', `invalid "trunk='${trunk}'" in <vlan> - must be yes or no`);
    }
  }
  return vlan;
}

export function writeVlan(w: XmlWriter, vlan: Vlan | undefined): void {
  if (!vlan || vlan.tags.length === 0) return;
  w.open('vlan', [['trunk', vlan.trunk ? 'yes' : undefined]]);
  for (const id of vlan.tags) {
    const native = vlan.nativeMode && vlan.nativeTag === id ? vlan.nativeMode : undefined;
    w.leaf('tag', [['id', id], ['nativeMode', native]]);
  }
  w.close('vlan');
}
