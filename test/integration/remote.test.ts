// Live comparison: real virsh 9.0 and virsh-ts, each run against the same private libvirtd
// (test/helpers/libvirtd.ts), over the unix socket and over TCP. Each case runs once per
// program in one process, so the daemon's test:///default node is fresh for each run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalize, shellSplit } from '../conformance/cases.mjs';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';

const here = dirname(fileURLToPath(import.meta.url));
const virshTs = join(here, '..', '..', 'bin', 'virsh-ts');

const cases = readFileSync(join(here, 'remote.cases'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [name, ...args] = shellSplit(l);
    return { name, args };
  });

const sandbox = mkdtempSync(join(tmpdir(), 'virsh-remote-'));
for (const d of ['config', 'cache', 'runtime']) mkdirSync(join(sandbox, d));

function run(program: string, args: string[], uri: string) {
  const r = spawnSync(program, args, {
    cwd: sandbox,
    env: {
      PATH: process.env.PATH,
      HOME: sandbox,
      XDG_CONFIG_HOME: join(sandbox, 'config'),
      XDG_CACHE_HOME: join(sandbox, 'cache'),
      XDG_RUNTIME_DIR: join(sandbox, 'runtime'),
      LANG: 'C',
      LC_ALL: 'C',
      TERM: 'dumb',
      LIBVIRT_DEFAULT_URI: uri,
    },
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
  if (r.error) throw r.error;
  return { stdout: normalize(r.stdout), stderr: normalize(r.stderr), code: r.status };
}

let daemon: Libvirtd;
beforeAll(async () => {
  daemon = await startLibvirtd();
});
afterAll(async () => {
  await daemon?.stop();
  rmSync(sandbox, { recursive: true, force: true });
});

for (const transport of ['unix', 'tcp'] as const) {
  describe(`remote driver over ${transport}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const uri = transport === 'unix' ? daemon.unixURI : daemon.tcpURI;
        const want = run('virsh', c.args, uri);
        const got = run(virshTs, c.args, uri);
        expect(got, `libvirtd log:\n${daemon.log()}`).toEqual(want);
      });
    }
  });
}

describe('remote driver failures', () => {
  const failures = [
    ['no daemon on the socket', () => `test+unix:///default?socket=${join(sandbox, 'missing-sock')}`],
    ['nothing listening on the port', () => 'test+tcp://127.0.0.1:1/default'],
    ['unknown driver on the daemon', () => daemon.unixURI.replace('test+unix', 'foo+unix')],
  ] as const;
  for (const [name, uri] of failures) {
    it(name, () => {
      expect(run(virshTs, ['list'], uri())).toEqual(run('virsh', ['list'], uri()));
    });
  }
});
