import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { matchPatternList } from './ssh-config.js';

/** How a host's key stands against known_hosts files (ssh's check_host_in_hostfile). */
export type HostKeyStatus = 'ok' | 'new' | 'changed' | 'revoked';

/** The name a host is recorded under: `host`, or `[host]:port` off port 22. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `|1|salt|hmac` entries hash the name with HMAC-SHA1 keyed by the salt. */
function hostMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  return matchPatternList(name, field.split(','));
}

/** Looks `key` (the raw public key blob) up for `name` in each file in turn. */
export function checkHostKey(files: string[], name: string, key: Buffer): HostKeyStatus {
  const blob = key.toString('base64');
  let known = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const fields = line.trim().split(/\s+/);
      if (!fields[0] || fields[0].startsWith('#')) continue;
      const marker = fields[0].startsWith('@') ? fields.shift() : undefined;
      if (fields.length < 3 || !hostMatches(fields[0], name)) continue;
      if (marker === '@revoked' && fields[2] === blob) return 'revoked';
      if (marker) continue;
      if (fields[2] === blob) return 'ok';
      known = true;
    }
  }
  return known ? 'changed' : 'new';
}
