import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirError, virErr } from '../../errors.js';
import { userConfigDir } from '../../uri/index.js';

/**
 * libvirt's client credentials file (auth.conf): `[auth-SERVICE-HOST]` (or
 * `[auth-SERVICE-default]`) names a `credentials=` set, whose `[credentials-NAME]` group
 * holds username= and password=. Consulted before any prompt is shown.
 */

/** virAuthGetConfigFilePathURI: $LIBVIRT_AUTH_FILE, the URI's authfile=, then the user's and the system's file if readable. */
export function authConfigPath(authfile: string | undefined): string | undefined {
  if (process.env.LIBVIRT_AUTH_FILE) return process.env.LIBVIRT_AUTH_FILE;
  if (authfile !== undefined) return authfile;
  for (const path of [join(userConfigDir(), 'auth.conf'), '/etc/libvirt/auth.conf']) {
    try {
      accessSync(path, constants.R_OK);
      return path;
    } catch {
      // not readable: the next candidate
    }
  }
  return undefined;
}

type KeyFile = Map<string, Map<string, string>>;

/** The glib key-file subset auth.conf uses: groups, key=value lines, `#` comments. */
function parseKeyFile(path: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // libvirt gives up on an unloadable file without setting an error.
    throw new VirError(0, 'An error occurred, but the cause is unknown');
  }
  const groups: KeyFile = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const group = /^\[(.+)\]$/.exec(line);
    if (group) {
      current = groups.get(group[1]) ?? new Map();
      groups.set(group[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0) current.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return groups;
}

/** virAuthConfigLookup: one credential (username, password) for a service on a host, if configured. */
export function authCredential(path: string | undefined, service: string, hostname: string, credname: string): string | undefined {
  if (path === undefined) return undefined;
  const file = parseKeyFile(path);
  let authgroup = `auth-${service}-${hostname || 'localhost'}`;
  if (!file.has(authgroup)) authgroup = `auth-${service}-default`;
  const auth = file.get(authgroup);
  if (!auth) return undefined;
  const cred = auth.get('credentials');
  if (cred === undefined) throw virErr('CONF_SYNTAX', `Missing item 'credentials' in group '${authgroup}' in '${path}'`);
  const group = file.get(`credentials-${cred}`);
  if (!group) throw virErr('CONF_SYNTAX', `Missing group 'credentials-${cred}' referenced from group '${authgroup}' in '${path}'`);
  return group.get(credname);
}
