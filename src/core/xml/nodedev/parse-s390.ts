import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import { parseUInt } from '../domain/numbers.js';
import { str } from './parse-helpers.js';
import { parseMdevTypes } from './parse-pci.js';
import type { ApCardCap, ApMatrixCap, ApQueueCap, CcwAddress, CcwCap, CssCap, MdevType } from './types.js';

const unsupportedConfig = (msg: string) => virErr('CONFIG_UNSUPPORTED', msg);

/** A required virStrToLong_uip value with the s390 parsers' "missing"/"invalid" texts. */
function requiredValue(node: XNode, name: string, base: 0 | 16, devName: string): number {
  const text = str(node, name);
  if (text === undefined) throw unsupportedConfig(`missing ${name} value for '${devName}'`);
  const v = parseUInt(text, base);
  if (v === undefined) throw unsupportedConfig(`invalid ${name} value '${text}' for '${devName}'`);
  return v;
}

/** virNodeDevCCWDeviceAddressParseXML: cssid and ssid in any base, devno in hex. */
function parseCcwAddress(node: XNode, devName: string): CcwAddress {
  return {
    cssid: requiredValue(node, 'cssid', 0, devName),
    ssid: requiredValue(node, 'ssid', 0, devName),
    devno: requiredValue(node, 'devno', 16, devName),
  };
}

/** Nested capabilities of a css or ap_matrix device: only mdev_types counts; a type is required. */
function nestedMdevTypes(node: XNode): MdevType[] | undefined {
  let types: MdevType[] | undefined;
  for (const sub of children(node, 'capability')) {
    const type = sub.attrs.type;
    if (type === undefined) throw virErr('XML_ERROR', 'Missing capability type');
    if (type === 'mdev_types') types = [...(types ?? []), ...parseMdevTypes(sub)];
  }
  return types;
}

export function parseCcw(node: XNode, devName: string): CcwCap {
  return { type: 'ccw', ...parseCcwAddress(node, devName) };
}

/** virNodeDevCapCSSParseXML: a subchannel, its mdev types and its optional channel device. */
export function parseCss(node: XNode, devName: string): CssCap {
  const cap: CssCap = { type: 'css', ...parseCcwAddress(node, devName), mdevTypes: nestedMdevTypes(node) };
  const channel = child(node, 'channel_dev_addr');
  if (channel) cap.channelDevAddr = parseCcwAddress(channel, devName);
  return cap;
}

export function parseApCard(node: XNode, devName: string): ApCardCap {
  return { type: 'ap_card', adapter: requiredValue(node, 'ap-adapter', 0, devName) };
}

/** virNodeDevCapAPQueueParseXML: the domain must fit in 0..255. */
export function parseApQueue(node: XNode, devName: string): ApQueueCap {
  const adapter = requiredValue(node, 'ap-adapter', 0, devName);
  const domain = requiredValue(node, 'ap-domain', 0, devName);
  if (domain > 255) throw unsupportedConfig(`ap-domain value '${str(node, 'ap-domain')}' is out of range for '${devName}'`);
  return { type: 'ap_queue', adapter, domain };
}

export function parseApMatrix(node: XNode): ApMatrixCap {
  return { type: 'ap_matrix', mdevTypes: nestedMdevTypes(node) };
}
