import { children, type XNode } from '../tree.js';
import { elem, type Elem } from './elem.js';
import { unsupportedConfig } from './errors.js';

const text = (n: XNode): string => n.text + n.children.map(text).join('');
/** virXPathString("string(./name)"): undefined when absent or empty. */
function str(n: XNode, name: string): string | undefined {
  const c = children(n, name)[0];
  const t = c ? text(c) : '';
  return t === '' ? undefined : t;
}

/**
 * strtoul/strtoull as virStrToLong_ui/_ull use them: leading blanks, an optional sign (a
 * negative value wraps around), the whole string, in range.
 */
function strtou(s: string, bits: 32n | 64n): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([-+]?)(\d+)$/.exec(s);
  if (!m) return undefined;
  const max = (1n << bits) - 1n;
  const v = BigInt(m[2]);
  if (v > max) return undefined;
  return m[1] === '-' && v ? (1n << bits) - v : v;
}

/** The per-device limits in output order: [element, width, how the parse error names it]. */
const LIMITS: Array<[string, 32n | 64n, string]> = [
  ['weight', 32n, 'weight'],
  ['read_iops_sec', 32n, 'read iops sec'],
  ['write_iops_sec', 32n, 'write iops sec'],
  ['read_bytes_sec', 64n, 'read bytes sec'],
  ['write_bytes_sec', 64n, 'write bytes sec'],
];
/** The order virDomainBlkioDeviceParseXML reads (and reports) them in. */
const PARSE_ORDER = ['weight', 'read_bytes_sec', 'write_bytes_sec', 'read_iops_sec', 'write_iops_sec'];

/**
 * virDomainDefTunablesParse's blkio part: a weight that does not parse is dropped, each
 * device needs a path and well-formed numbers; written as virDomainDefFormatBlkiotune does.
 */
export function parseBlkiotune(root: XNode): Elem | undefined {
  const bt = children(root, 'blkiotune')[0];
  if (!bt) return undefined;
  const kids: Elem[] = [];
  const w = str(bt, 'weight');
  const weight = w === undefined ? undefined : strtou(w, 32n);
  if (weight) kids.push(elem('weight', [], [], String(weight)));
  for (const d of children(bt, 'device')) {
    const path = str(d, 'path');
    if (path === undefined) throw unsupportedConfig('missing per-device path');
    const values = new Map<string, bigint>();
    for (const name of PARSE_ORDER) {
      const [, bits, label] = LIMITS.find(([n]) => n === name)!;
      const raw = str(d, name);
      if (raw === undefined) continue;
      const v = strtou(raw, bits);
      if (v === undefined) throw unsupportedConfig(`could not parse ${label} ${raw}`);
      values.set(name, v);
    }
    const set = LIMITS.filter(([n]) => values.get(n));
    if (set.length) kids.push(elem('device', [], [elem('path', [], [], path), ...set.map(([n]) => elem(n, [], [], String(values.get(n))))]));
    else kids.push(elem('device', [], [elem('path', [], [], path)]));
  }
  return elem('blkiotune', [], kids);
}

/** virDomainDefTunablesValidate: one entry per device path. */
export function validateBlkiotune(bt: Elem | undefined): void {
  const paths = (bt?.children ?? []).filter((c) => c.name === 'device').map((d) => d.children[0].text);
  paths.forEach((p, i) => {
    if (paths.indexOf(p) < i) throw unsupportedConfig(`duplicate blkio device path '${p}'`);
  });
}

/** Formatting drops devices with no limit set and an empty <blkiotune>. */
export function blkiotuneShown(bt: Elem | undefined): Elem | undefined {
  if (!bt) return undefined;
  const kids = bt.children.filter((c) => c.name !== 'device' || c.children.length > 1);
  return kids.length ? { ...bt, children: kids } : undefined;
}
