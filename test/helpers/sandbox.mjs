// A private HOME and XDG tree for runs of real virsh and virsh-ts, and the scrubbed
// environment they run in, so no user's libvirt.conf, auth.conf or history leaks into a run.
// Plain JavaScript so that node scripts (conformance/record.mjs) share it with the tests.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the system temp dir, with the config/, cache/ and runtime/ the XDG variables name. */
export function makeSandbox(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const d of ['config', 'cache', 'runtime']) mkdirSync(join(dir, d));
  return dir;
}

/** The environment of a run in sandbox `dir`: C locale, a dumb terminal, and `uri` as the default URI when given. */
export function sandboxEnv(dir, uri) {
  return {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_RUNTIME_DIR: join(dir, 'runtime'),
    LANG: 'C',
    LC_ALL: 'C',
    TERM: 'dumb',
    ...(uri === undefined ? {} : { LIBVIRT_DEFAULT_URI: uri }),
  };
}
