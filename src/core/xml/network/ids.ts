/** UUID and MAC address text forms, as libvirt's viruuid.c and virmacaddr.c read and print them. */
import { randomBytes } from 'node:crypto';

/** virUUIDParse: 32 hex digits, '-' and ' ' ignored between them, surrounding blanks allowed. */
export function parseUUID(text: string): string | undefined {
  const s = text.replace(/^\s+|\s+$/g, '');
  let hex = '';
  for (let i = 0; i < s.length && hex.length < 32; i++) {
    const c = s[i];
    if (c === '-' || c === ' ') continue;
    if (!/[0-9a-fA-F]/.test(c) || !/[0-9a-fA-F]/.test(s[i + 1] ?? '')) return undefined;
    hex += (c + s[i + 1]).toLowerCase();
    i++;
    if (hex.length === 32 && s.slice(i + 1) !== '') return undefined;
  }
  if (hex.length !== 32) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** virUUIDGenerate: a random version-4 UUID. */
export function generateUUID(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** virMacAddrParse: six 1–2 digit hex groups joined by ':'; returns the canonical form. */
export function parseMac(text: string): string | undefined {
  const m = /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})(?:[\x00-\x20].*)?$/s.exec(
    text,
  );
  if (!m) return undefined;
  return m
    .slice(1, 7)
    .map((g) => g.toLowerCase().padStart(2, '0'))
    .join(':');
}

export function isMulticastMac(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1;
}
