import { randomBytes } from 'node:crypto';

/**
 * virUUIDParse: 32 hex digits, optionally split by '-' or ' ', surrounded by optional spaces.
 * Returns the canonical 8-4-4-4-12 lower-case form, or undefined when malformed.
 */
export function parseUuid(text: string): string | undefined {
  let s = text.replace(/^\s+/, '');
  let hex = '';
  while (hex.length < 32) {
    while (s[0] === '-' || s[0] === ' ') s = s.slice(1);
    if (!/^[0-9a-fA-F]{2}/.test(s)) return undefined;
    hex += s.slice(0, 2).toLowerCase();
    s = s.slice(2);
  }
  if (s.trim() !== '') return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random version-4 UUID, as virUUIDGenerate makes. */
export function generateUuid(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
