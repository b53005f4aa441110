import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * What ~/.ssh/config (then /etc/ssh/ssh_config) says about one host, as ssh reads it;
 * like ssh, `~` is the passwd entry's home, not $HOME.
 */
export interface SshHostConfig {
  hostname?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  proxyJump?: string;
  userKnownHostsFiles?: string[];
  globalKnownHostsFiles?: string[];
  strictHostKeyChecking?: string;
  batchMode?: boolean;
  hostKeyAlias?: string;
}

/** ssh's glob: `*` and `?`, a leading `!` negates; a host matches when no negation hits and one pattern does. */
export function matchPatternList(name: string, list: string[]): boolean {
  let matched = false;
  for (const raw of list) {
    const negate = raw.startsWith('!');
    const pattern = negate ? raw.slice(1) : raw;
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    if (re.test(name)) {
      if (negate) return false;
      matched = true;
    }
  }
  return matched;
}

function words(value: string): string[] {
  return (value.match(/"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^"|"$/g, ''));
}

/** The lines that apply to `host` (Host blocks; Match blocks are not evaluated and skipped). */
function applicable(text: string, host: string): [string, string][] {
  const out: [string, string][] = [];
  let active = true;
  for (const line of text.split('\n')) {
    const m = /^\s*(\w+)\s*(?:=\s*|\s+)(.*?)\s*$/.exec(line);
    if (!m || line.trim().startsWith('#')) continue;
    const key = m[1].toLowerCase();
    if (key === 'host') {
      active = matchPatternList(host, words(m[2]));
    } else if (key === 'match') {
      active = words(m[2])[0]?.toLowerCase() === 'all';
    } else if (active) {
      out.push([key, m[2]]);
    }
  }
  return out;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** `~` and the %-tokens ssh expands in file names. */
export function expandPath(path: string, tokens: Record<string, string>): string {
  const home = userInfo().homedir;
  const tilde = path.startsWith('~/') ? join(home, path.slice(2)) : path;
  return tilde.replace(/%(.)/g, (all, c: string) => (c === '%' ? '%' : (tokens[c] ?? all)));
}

/** First value wins, as in ssh; IdentityFile accumulates. */
export function sshHostConfig(host: string): SshHostConfig {
  const home = userInfo().homedir;
  const lines = [...applicable(readOr(join(home, '.ssh', 'config')), host), ...applicable(readOr('/etc/ssh/ssh_config'), host)];
  const cfg: SshHostConfig = { identityFiles: [] };
  const tokens = { d: home, u: userInfo().username, h: host, n: host };
  for (const [key, value] of lines) {
    const first = words(value)[0] ?? '';
    switch (key) {
      case 'hostname':
        cfg.hostname ??= first.replace(/%h/g, host);
        break;
      case 'user':
        cfg.user ??= first;
        break;
      case 'port':
        cfg.port ??= Number(first);
        break;
      case 'identityfile':
        cfg.identityFiles.push(expandPath(first, tokens));
        break;
      case 'proxyjump':
        cfg.proxyJump ??= first;
        break;
      case 'userknownhostsfile':
        cfg.userKnownHostsFiles ??= words(value).map((w) => expandPath(w, tokens));
        break;
      case 'globalknownhostsfile':
        cfg.globalKnownHostsFiles ??= words(value).map((w) => expandPath(w, tokens));
        break;
      case 'stricthostkeychecking':
        cfg.strictHostKeyChecking ??= first.toLowerCase();
        break;
      case 'batchmode':
        cfg.batchMode ??= first.toLowerCase() === 'yes';
        break;
      case 'hostkeyalias':
        cfg.hostKeyAlias ??= first;
        break;
    }
  }
  return cfg;
}
