import { invalidArg, overflowError, xmlError } from './errors.js';

const LLONG_MAX = (1n << 63n) - 1n;

/** strtoull with libvirt's virStrToLong_ullp rules: no sign, whole string, base 10. */
export function parseULL(s: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*\+?(\d+)$/.exec(s);
  if (!m) return undefined;
  const v = BigInt(m[1]);
  return v > 0xffffffffffffffffn ? undefined : v;
}

/** virScaleInteger: multiplies by the unit's scale, or throws libvirt's suffix/overflow errors. */
export function scaleInteger(value: bigint, suffix: string | undefined, scale: bigint, limit: bigint): bigint {
  let sfx = suffix ?? '';
  if (sfx === '') sfx = '';
  else if (/^(b|bytes?)$/i.test(sfx)) scale = 1n;
  else {
    let base: bigint;
    if (sfx.length === 1 || sfx.slice(1).toLowerCase() === 'ib') base = 1024n;
    else if (sfx[1].toLowerCase() === 'b' && sfx.length === 2) base = 1000n;
    else throw invalidArg(`unknown suffix '${sfx}'`);
    const power = 'kmgtpe'.indexOf(sfx[0].toLowerCase());
    if (power < 0) throw invalidArg(`unknown suffix '${sfx}'`);
    scale = base ** BigInt(power + 1);
  }
  if (value && value > limit / scale) throw overflowError(`value too large: ${value}${sfx}`);
  return value * scale;
}

/**
 * virDomainParseMemory for an element's text and unit attribute: returns KiB (rounded up),
 * or undefined when absent and not required. `where` is the XPath libvirt names in errors.
 */
export function parseMemoryKiB(text: string | undefined, unit: string | undefined, where: string, required = false, max = LLONG_MAX): number | undefined {
  if (text === undefined) {
    if (required) throw xmlError(`missing element or attribute '${where}'`);
    return undefined;
  }
  const v = parseULL(text);
  if (v === undefined) throw xmlError(`Invalid value '${text}' for element or attribute '${where}'`);
  const bytes = scaleInteger(v, unit, 1024n, max);
  const kib = (bytes + 1023n) / 1024n;
  if (max === LLONG_MAX && kib >= (LLONG_MAX + 1023n) / 1024n) throw overflowError('size value too large');
  return Number(kib);
}
