import type { XNode } from '../tree.js';
import { xmlError } from './errors.js';

/** strtoul-style parse for virStrToLong_uip: base 0 (0x, leading 0 = octal) or 10, no sign. */
export function parseUInt(s: string, base: 0 | 10 | 16): number | undefined {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '').replace(/^\+/, '');
  let m: RegExpExecArray | null;
  let v: number;
  if ((base === 0 || base === 16) && (m = /^0[xX]([0-9a-fA-F]+)$/.exec(t))) v = parseInt(m[1], 16);
  else if (base === 16 && /^[0-9a-fA-F]+$/.test(t)) v = parseInt(t, 16);
  else if (base === 0 && /^0[0-7]*$/.test(t)) v = parseInt(t, 8);
  else if (/^\d+$/.test(t)) v = parseInt(t, 10);
  else return undefined;
  return v > 0xffffffff ? undefined : v;
}

/** An attribute's raw value; a missing one is libvirt's error when `required` (VIR_XML_PROP_REQUIRED). */
export function prop(n: XNode, name: string, required = false): string | undefined {
  const raw = n.attrs[name];
  if (raw === undefined && required) throw xmlError(`Missing required attribute '${name}' in element '${n.name}'`);
  return raw;
}

/** virXMLPropUInt: undefined when absent, libvirt's errors when malformed. */
export function propUInt(n: XNode, name: string, base: 0 | 10 | 16, opts: { required?: boolean; nonzero?: boolean } = {}): number | undefined {
  const raw = prop(n, name, opts.required);
  if (raw === undefined) return undefined;
  const v = parseUInt(raw, base);
  if (v === undefined)
    throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${raw}'. Expected non-negative integer value`);
  if (opts.nonzero && v === 0) throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': Zero is not permitted`);
  return v;
}

/** virXMLPropInt (signed). */
export function propInt(n: XNode, name: string, opts: { required?: boolean; nonnegative?: boolean } = {}): number | undefined {
  const raw = prop(n, name, opts.required);
  if (raw === undefined) return undefined;
  const t = raw.replace(/^[ \t\n\v\f\r]+/, '');
  if (!/^[+-]?\d+$/.test(t) || Math.abs(Number(t)) > 0x7fffffff)
    throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${raw}'. Expected integer value`);
  const v = Number(t);
  if (opts.nonnegative && v < 0)
    throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${raw}'. Expected non-negative value`);
  return v;
}

/** virXMLPropEnum: a value from `values` (index > 0 unless allowFirst). */
export function propEnum<T extends string>(n: XNode, name: string, values: readonly T[], opts: { required?: boolean; nonzero?: boolean } = {}): T | undefined {
  const raw = prop(n, name, opts.required);
  if (raw === undefined) return undefined;
  const i = values.indexOf(raw as T);
  if (i < 0 || (opts.nonzero && i === 0))
    throw xmlError(`Invalid value for attribute '${name}' in element '${n.name}': '${raw}'.`);
  return raw as T;
}

export const TRISTATE_SWITCH = ['absent', 'on', 'off'] as const;
export const TRISTATE_BOOL = ['absent', 'yes', 'no'] as const;

export const hex = (v: number, width: number): string => '0x' + v.toString(16).padStart(width, '0');

/** VIR_DOMAIN_CPUMASK_LEN: the bit count of the CPU and node sets domain XML parses. */
export const CPUMASK_LEN = 16384;
