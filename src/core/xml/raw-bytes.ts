/**
 * Text that is not valid UTF-8, kept byte for byte. virsh hands a file's bytes to libxml2
 * unchanged, and libxml2 reports the first bad sequence with its bytes and prints the line
 * around it raw. A JavaScript string can carry those bytes losslessly the way Python's
 * "surrogateescape" does: each byte of an ill-formed sequence becomes the lone surrogate
 * U+DC00 + byte, which well-formed UTF-8 can never produce.
 */

const ESCAPE_BASE = 0xdc00;

/** A lone escape surrogate (the `u` flag keeps real surrogate pairs whole). */
const ESCAPED = /[\uDC80-\uDCFF]/u;

export const hasRawBytes = (text: string): boolean => ESCAPED.test(text);

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is ill-formed. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const second = b[i + 1];
    if (c === 0xe0 && second < 0xa0) return 0; // overlong
    if (c === 0xed && second >= 0xa0) return 0; // a UTF-16 surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const second = b[i + 1];
    if (c === 0xf0 && second < 0x90) return 0; // overlong
    if (c === 0xf4 && second >= 0x90) return 0; // beyond U+10FFFF
    return 4;
  }
  return 0;
}

/** Bytes as text: well-formed UTF-8 decoded, every other byte escaped. */
export function decodeRawBytes(b: Uint8Array): string {
  let out = '';
  let start = 0;
  let i = 0;
  while (i < b.length) {
    const n = sequenceLength(b, i);
    if (n) {
      i += n;
      continue;
    }
    out += Buffer.from(b.subarray(start, i)).toString('utf8') + String.fromCharCode(ESCAPE_BASE + b[i]);
    start = ++i;
  }
  return out + Buffer.from(b.subarray(start)).toString('utf8');
}

/** The bytes `decodeRawBytes` read: escaped bytes restored, the rest as UTF-8. */
export function encodeRawBytes(text: string): Buffer {
  if (!hasRawBytes(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let plain = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      parts.push(Buffer.from(plain, 'utf8'), Buffer.of(code - ESCAPE_BASE));
      plain = '';
    } else plain += ch;
  }
  parts.push(Buffer.from(plain, 'utf8'));
  return Buffer.concat(parts);
}
