import { virErr } from '../../errors.js';
import { child, type XNode } from '../tree.js';

/** Readers with the error texts of node_device_conf.c's virNodeDevCapsDefParse* helpers. */

/** virXPathString: the text of the first child, undefined when missing or empty. */
export function str(node: XNode | undefined, name: string): string | undefined {
  const t = child(node, name)?.text;
  return t === undefined || t === '' ? undefined : t;
}

/** virXPathUInt: undefined when absent, NaN when not an unsigned 32-bit number. */
export function uint(node: XNode, name: string): number | undefined {
  const t = str(node, name);
  if (t === undefined) return undefined;
  return /^\s*\+?\d+$/.test(t) && Number(t) <= 0xffffffff ? Number(t) : NaN;
}

/** virNodeDevCapsDefParseUInt with libvirt's own missing/invalid texts for one field. */
export function requiredUIntMsg(node: XNode, name: string, missing: string, invalid: string, devName: string): number {
  const v = uint(node, name);
  if (v === undefined) throw virErr('INTERNAL_ERROR', `${missing} supplied for '${devName}'`);
  if (Number.isNaN(v)) throw virErr('INTERNAL_ERROR', `${invalid} supplied for '${devName}'`);
  return v;
}

/** virNodeDevCapsDefParseHexId: a base-16 unsigned id (an optional 0x prefix, as strtoul). */
export function requiredHexId(text: string | undefined, what: string, devName: string): number {
  if (text === undefined || text === '') throw virErr('INTERNAL_ERROR', `no ${what} supplied for '${devName}'`);
  const m = /^\s*\+?(?:0[xX])?([0-9a-fA-F]+)$/.exec(text);
  const v = m ? parseInt(m[1], 16) : NaN;
  if (!(v <= 0xffffffff)) throw virErr('INTERNAL_ERROR', `invalid ${what} supplied for '${devName}'`);
  return v;
}

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** virUUIDParse + virUUIDFormat: canonical lower-case dashed form, or undefined. */
export function canonicalUuid(text: string): string | undefined {
  const t = text.trim();
  if (!UUID_RE.test(t)) return undefined;
  const hex = t.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
