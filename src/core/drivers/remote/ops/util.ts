import type { Connection } from '../../../api/connection.js';

/** The calls one ops file contributes to the remote Connection. */
export type Ops = Partial<Connection>;

/** `char x<N>` text from a 4-byte-per-character array, cut at the first NUL. */
export function charsToText(chars: number[]): string {
  const end = chars.indexOf(0);
  return Buffer.from((end < 0 ? chars : chars.slice(0, end)).map((c) => c & 0xff)).toString('utf8');
}

/** libvirt's unpacked bitmaps: bit i of byte i/8 → entry i. */
export function unpackBits(map: Uint8Array, count: number): boolean[] {
  return Array.from({ length: count }, (_, i) => (map[i >> 3] & (1 << (i & 7))) !== 0);
}
