/** <virtualport> of a network or portgroup (netdev_vport_profile_conf.c). */
import { virErr } from '../../errors.js';
import { parseUUID } from '../ids.js';
import type { XNode } from '../tree.js';
import { localChildren } from './document.js';
import { unescaped, type XmlWriter } from '../writer.js';

const VPORT_TYPES = ['none', '802.1Qbg', '802.1Qbh', 'openvswitch', 'midonet'] as const;
type VPortType = (typeof VPORT_TYPES)[number];

export interface VirtualPort {
  type: VPortType;
  managerid?: number;
  typeid?: number;
  typeidversion?: number;
  instanceid?: string;
  interfaceid?: string;
  profileid?: string;
}

/** Which types print (and accept) each parameter; 'none' takes them all. */
const PARAM_TYPES: Record<Exclude<keyof VirtualPort, 'type'>, readonly VPortType[]> = {
  managerid: ['802.1Qbg', 'none'],
  typeid: ['802.1Qbg', 'none'],
  typeidversion: ['802.1Qbg', 'none'],
  instanceid: ['802.1Qbg', 'none'],
  interfaceid: ['midonet', 'openvswitch', 'none'],
  profileid: ['openvswitch', '802.1Qbh', 'none'],
};

/** virStrToLong_ui with base 0: hex, octal or decimal; a leading '-' wraps as C's strtoul. */
function strToUInt(s: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2];
  const v = /^0[xX]/.test(digits) ? parseInt(digits, 16) : digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  if (v > 0xffffffff) return undefined;
  return m[1] === '-' && v !== 0 ? 0x100000000 - v : v;
}

function numberParam(raw: string | undefined, name: string, max: number, rangeText: string): number | undefined {
  if (raw === undefined) return undefined;
  const v = strToUInt(raw);
  if (v === undefined) throw virErr('XML_ERROR', `cannot parse value of ${name} parameter`);
  if (v > max) throw virErr('XML_ERROR', rangeText);
  return v;
}

function uuidParam(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined) return undefined;
  const uuid = parseUUID(raw);
  if (uuid === undefined) throw virErr('XML_ERROR', `cannot parse ${name} parameter as a uuid`);
  return uuid;
}

/** virNetDevVPortProfileParse; `requireType` as VIR_VPORT_XML_REQUIRE_TYPE (the network's own). */
export function parseVirtualPort(node: XNode, requireType: boolean): VirtualPort {
  const typeText = node.attrs.type;
  const type = (typeText === undefined ? 'none' : typeText) as VPortType;
  if (typeText !== undefined && (!VPORT_TYPES.includes(type) || type === 'none')) {
    throw virErr('CONFIG_UNSUPPORTED', `unknown virtualport type ${typeText}`);
  }
  if (type === 'none' && requireType) throw virErr('XML_ERROR', 'missing required virtualport type');
  const p = localChildren(node, 'parameters')[0]?.attrs ?? {};
  const vp: VirtualPort = {
    type,
    managerid: numberParam(p.managerid, 'managerid', 0xff, 'value of managerid out of range'),
    typeid: numberParam(p.typeid, 'typeid', 0xffffff, 'value for typeid out of range'),
    typeidversion: numberParam(p.typeidversion, 'typeidversion', 0xff, 'value of typeidversion out of range'),
    instanceid: uuidParam(p.instanceid, 'instanceid'),
  };
  // libvirt keeps the profile in a 40-byte buffer, terminator included.
  if (p.profileid !== undefined && Buffer.byteLength(p.profileid) >= 40) {
    throw virErr('XML_ERROR', 'profileid parameter too long');
  }
  if (p.profileid) vp.profileid = p.profileid;
  vp.interfaceid = uuidParam(p.interfaceid, 'interfaceid');
  checkNoExtras(vp);
  return vp;
}

/** virNetDevVPortProfileCheckNoExtras: the first parameter this type cannot take. */
function checkNoExtras(vp: VirtualPort): void {
  if (vp.type === 'none' || vp.type === 'midonet') return;
  const order: (keyof typeof PARAM_TYPES)[] =
    vp.type === '802.1Qbg' ? ['profileid', 'interfaceid'] : ['managerid', 'typeid', 'typeidversion', 'instanceid', 'interfaceid'];
  const extra = order.find((k) => vp[k] !== undefined && !PARAM_TYPES[k].includes(vp.type));
  if (extra) throw virErr('XML_ERROR', `extra ${extra} unsupported in <virtualport type='${vp.type}'>`);
}

/** virNetDevVPortProfileFormat. */
export function writeVirtualPort(w: XmlWriter, vp: VirtualPort | undefined): void {
  if (!vp) return;
  const keys = Object.keys(PARAM_TYPES) as (keyof typeof PARAM_TYPES)[];
  const given = keys.filter((k) => vp[k] !== undefined);
  const typeAttr: [string, string | undefined] = ['type', vp.type === 'none' ? undefined : vp.type];
  if (given.length === 0) {
    if (vp.type !== 'none') w.leaf('virtualport', [typeAttr]);
    return;
  }
  w.open('virtualport', [typeAttr]);
  w.leaf(
    'parameters',
    // virNetDevVPortProfileFormat prints profileid without escaping it.
    given.filter((k) => PARAM_TYPES[k].includes(vp.type)).map((k) => [k, k === 'profileid' ? unescaped(vp[k]) : String(vp[k])] as const),
  );
  w.close('virtualport');
}
