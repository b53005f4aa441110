/** virMacAddrParse: six hex octets separated by ':'; the canonical lower-case form. */
export function parseMAC(s: string): string | undefined {
  const parts = s.split(':');
  if (parts.length !== 6) return undefined;
  const out: string[] = [];
  for (const p of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return undefined;
    out.push(p.toLowerCase().padStart(2, '0'));
  }
  return out.join(':');
}
