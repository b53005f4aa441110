/**
 * Numeric socket addresses as libvirt's virSocketAddr handles them: parsed the way
 * getaddrinfo(AI_NUMERICHOST) does (inet_aton forms for IPv4) and printed as inet_ntop.
 */
import { virErr } from '../../errors.js';

export interface IpAddr {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

function parseAtonPart(s: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]*$/.test(s)) return s.length === 2 ? 0 : parseInt(s.slice(2), 16);
  if (/^0[0-7]*$/.test(s)) return parseInt(s, 8);
  if (/^[1-9][0-9]*$/.test(s)) return parseInt(s, 10);
  return undefined;
}

/** inet_aton: 1 to 4 parts, each decimal, octal or hex; the last part fills the rest. */
function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    const n = parseAtonPart(p);
    if (n === undefined) return undefined;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255)) return undefined;
  const restBytes = 4 - nums.length;
  if (last >= 2 ** (8 * restBytes)) return undefined;
  const out = [...nums];
  for (let i = restBytes - 1; i >= 0; i--) out.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return out;
}

function parseIPv6(s: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const words: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (i === items.length - 1 && it.includes('.')) {
        if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(it)) return undefined;
        const b = it.split('.').map(Number);
        if (b.some((x) => x > 255)) return undefined;
        words.push(b[0] * 256 + b[1], b[2] * 256 + b[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(it)) return undefined;
        words.push(parseInt(it, 16));
      }
    }
    return words;
  };
  let words: number[];
  if (dbl >= 0) {
    const head = groupsOf(s.slice(0, dbl));
    const tail = groupsOf(s.slice(dbl + 2));
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    words = [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = groupsOf(s);
    if (!all || all.length !== 8) return undefined;
    words = all;
  }
  return words.flatMap((w) => [w >> 8, w & 255]);
}

/** Parses without reporting; undefined when the text is not a numeric address. */
export function tryParseIp(text: string, family?: 4 | 6): IpAddr | undefined {
  if (family !== 6) {
    const v4 = parseIPv4(text);
    if (v4) return { family: 4, bytes: v4 };
  }
  if (family !== 4) {
    const v6 = parseIPv6(text);
    if (v6) return { family: 6, bytes: v6 };
  }
  return undefined;
}

/** virSocketAddrParse: reports libvirt's getaddrinfo failure text. */
export function parseIp(text: string, family?: 4 | 6): IpAddr {
  const a = tryParseIp(text, family);
  if (!a) {
    const why = family === 4 && tryParseIp(text, 6) ? 'Address family for hostname not supported' : 'Name or service not known';
    throw virErr('SYSTEM_ERROR', `Cannot parse socket address '${text}': ${why}`);
  }
  return a;
}

export function formatIp(a: IpAddr): string {
  if (a.family === 4) return a.bytes.join('.');
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push(a.bytes[i] * 256 + a.bytes[i + 1]);
  // Longest run of zero words (at least two) is compressed, the first one on ties.
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    // IPv4-compatible and IPv4-mapped forms print their tail dotted, as glibc does.
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += a.bytes.slice(12).join('.');
      return out;
    }
    out += words[i].toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLen === 8) out += ':';
  return out;
}

export function ipEqual(a: IpAddr, b: IpAddr): boolean {
  return a.family === b.family && a.bytes.every((x, i) => x === b.bytes[i]);
}

export function prefixToMask(prefix: number, family: 4 | 6): IpAddr | undefined {
  const bits = family === 4 ? 32 : 128;
  if (prefix < 0 || prefix > bits) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < bits / 8; i++) {
    const n = Math.max(0, Math.min(8, prefix - i * 8));
    bytes.push((0xff << (8 - n)) & 0xff);
  }
  return { family, bytes };
}

/** virSocketAddrGetNumNetmaskBits: -1 when the mask is not contiguous. */
export function maskBits(mask: IpAddr): number {
  let n = 0;
  let i = 0;
  for (; i < mask.bytes.length && mask.bytes[i] === 0xff; i++) n += 8;
  if (i < mask.bytes.length) {
    let b = mask.bytes[i];
    while (b & 0x80) {
      n++;
      b = (b << 1) & 0xff;
    }
    if (b !== 0) return -1;
    for (i++; i < mask.bytes.length; i++) if (mask.bytes[i] !== 0) return -1;
  }
  return n;
}

export function applyMask(a: IpAddr, mask: IpAddr): IpAddr {
  return { family: a.family, bytes: a.bytes.map((b, i) => b & mask.bytes[i]) };
}

/** virSocketAddrGetIPPrefix: explicit prefix, else netmask bits, else the classful default. */
export function ipPrefix(address: IpAddr | undefined, netmask: IpAddr | undefined, prefix: number): number {
  if (prefix > 0) return prefix;
  if (netmask) return maskBits(netmask);
  if (address?.family === 4) {
    const o = address.bytes[0];
    if (address.bytes.every((b) => b === 0)) return 0;
    if ((o & 0x80) === 0) return 8;
    if ((o & 0xc0) === 0x80) return 16;
    if ((o & 0xe0) === 0xc0) return 24;
    return -1;
  }
  if (address?.family === 6) return address.bytes.every((b) => b === 0) ? 0 : 64;
  return 0;
}
