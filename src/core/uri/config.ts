import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { virErr } from '../errors.js';
import { readFileAll } from '../read-file.js';
import { confString, confStringList, parseConf, type Conf } from './conf.js';

/** 10 MiB: libvirt's sanity limit on configuration files. */
const MAX_CONFIG_FILE_SIZE = 10 * 1024 * 1024;

/** virGetUserConfigDirectory: $XDG_CONFIG_HOME/libvirt, else ~/.config/libvirt. */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg ? xdg : join(env.HOME || homedir(), '.config'), 'libvirt');
}

/** virConfLoadConfigPath: root reads the system file, anyone else their own. */
export function clientConfigPath(name = 'libvirt.conf', env: NodeJS.ProcessEnv = process.env): string {
  return process.geteuid?.() === 0 ? join('/etc/libvirt', name) : join(userConfigDir(env), name);
}

/** virConfLoadConfig: no file is no configuration; a bad file is an error. */
export function loadClientConfig(path = clientConfigPath()): Conf | undefined {
  if (!existsSync(path)) return undefined;
  return parseConf(path, readFileAll(path, MAX_CONFIG_FILE_SIZE));
}

/** virConnectGetDefaultURI: LIBVIRT_DEFAULT_URI, then `uri_default` from the config. */
export function defaultURI(conf: Conf | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.LIBVIRT_DEFAULT_URI;
  if (fromEnv) return fromEnv;
  return confString(conf, 'uri_default');
}

const ALIAS_CHARS = /^[A-Za-z0-9_-]*/;

/**
 * virURIResolveAlias: `uri_aliases = [ "name=uri", … ]`. Entries are checked in order up
 * to the match, so a malformed entry before it is an error.
 */
export function resolveAlias(conf: Conf | undefined, alias: string): string | undefined {
  const aliases = confStringList(conf, 'uri_aliases');
  if (!aliases) return undefined;
  for (const entry of aliases) {
    const eq = entry.indexOf('=');
    if (eq < 0) {
      throw virErr('CONF_SYNTAX', `Malformed 'uri_aliases' config entry '${entry}', expected 'alias=uri://host/path'`, 'URI');
    }
    if (ALIAS_CHARS.exec(entry)![0].length < eq) {
      throw virErr('CONF_SYNTAX', `Malformed 'uri_aliases' config entry '${entry}', aliases may only contain 'a-Z, 0-9, _, -'`, 'URI');
    }
    if (entry.slice(0, eq) === alias) return entry.slice(eq + 1);
  }
  return undefined;
}
