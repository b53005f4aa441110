import type { Connection } from '../../../api/connection.js';
import { Feature } from '../../../rpc/constants.js';
import type { Session } from '../session.js';

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

/**
 * The client library's absolute form of a file the daemon opens (g_canonicalize_filename
 * against the client's cwd): `.` and `..` folded lexically, symlinks left alone, runs of
 * slashes made one except a leading pair, which POSIX lets mean something else.
 */
export function absolutePath(file: string): string {
  const full = file.startsWith('/') ? file : `${process.cwd()}/${file}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const root = /^\/\/(?!\/)/.test(full) ? '//' : '/';
  return root + parts.join('/');
}

/** VIR_TYPED_PARAM_STRING_OKAY */
const STRING_OKAY = 4;

/** The typed-parameter getters' flags as libvirt's public API sends them: it asks the daemon,
 * each call, whether it passes string parameters, and says it reads them if so. */
export async function stringsOkay(s: Session, flags: number): Promise<number> {
  return (await s.supports(Feature.TYPED_PARAM_STRING)) ? flags | STRING_OKAY : flags;
}
