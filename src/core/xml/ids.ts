/** UUID and MAC address text forms, as libvirt's viruuid.c and virmacaddr.c read, print and generate them. */


/** virUUIDParse: 32 hex digits, '-' or ' ' allowed between pairs, surrounding blanks. */
export function parseUUID(s: string): string | undefined {
  const t = s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  let hex = '';
  let i = 0;
  while (hex.length < 32) {
    if (i >= t.length) return undefined;
    const c = t[i];
    if (c === '-' || c === ' ') {
      i++;
      continue;
    }
    if (!/[0-9a-fA-F]{2}/.test(t.slice(i, i + 2))) return undefined;
    hex += t.slice(i, i + 2).toLowerCase();
    i += 2;
  }
  if (i !== t.length) return undefined;
  return formatUUIDHex(hex);
}

function formatUUIDHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Random bytes from the global Web Crypto object: it loads node:crypto (≈ 4 ms) on first use
 * only, and most one-shot commands never generate an id.
 */
function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

const hexOf = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

/** virUUIDGenerate: a random version-4 UUID. */
export function generateUUID(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return formatUUIDHex(hexOf(b));
}

/** virMacAddrParse: six 1–2 digit hex octets separated by ':'; returns the canonical form. */
export function parseMAC(s: string): string | undefined {
  const m = /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})(?:[\x00-\x20].*)?$/s.exec(s);
  if (!m) return undefined;
  return m.slice(1).map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

/** A multicast MAC has the low bit of its first octet set. */
export function isMulticastMAC(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1;
}

/** virDomainNetGenerateMAC with the 52:54:00 prefix the test and QEMU drivers use. */
export function generateMAC(): string {
  const b = randomBytes(3);
  return `52:54:00:${hexOf(b).replace(/(..)(?!$)/g, '$1:')}`;
}
