// Live comparison of the procedures behind guest-agent, block-job, migration-knob and QEMU
// passthrough commands: real virsh 9.0 and virsh-ts against one private libvirtd's test
// driver over its unix socket; and real virsh against virtd-ts, which shares the table,
// compared with real virsh against libvirtd. Each case runs in one process per program, on
// a fresh node.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalize, shellSplit } from '../conformance/cases.mjs';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { startVirtd, type Virtd } from '../daemon/virtd.js';

const here = dirname(fileURLToPath(import.meta.url));
const virshTs = join(here, '..', '..', 'bin', 'virsh-ts');
const sandbox = mkdtempSync(join(tmpdir(), 'virsh-procs-'));
for (const d of ['config', 'cache', 'runtime']) mkdirSync(join(sandbox, d));

const cases = readFileSync(join(here, 'remote-procedures.cases'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [name, ...args] = shellSplit(l);
    return { name, args };
  });

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
let virtd: Virtd;
beforeAll(async () => {
  [daemon, virtd] = await Promise.all([startLibvirtd(), startVirtd()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([daemon?.stop(), virtd?.stop()]);
  rmSync(sandbox, { recursive: true, force: true });
});

describe('remote procedures over unix', () => {
  for (const c of cases) {
    it(c.name, () => {
      const want = run('virsh', c.args, daemon.unixURI);
      expect(run(virshTs, c.args, daemon.unixURI), `libvirtd log:\n${daemon.log()}`).toEqual(want);
    });
  }
});

/** The QEMU program's calls, which virtd-ts does not dispatch (it answers another program with an RPC error). */
const qemuProgram = new Set(['qemu-monitor-command', 'qemu-monitor-hmp', 'qemu-monitor-missing', 'qemu-agent-command', 'qemu-attach', 'qemu-monitor-event']);

describe('remote procedures served by virtd-ts', () => {
  for (const c of cases.filter((c) => !qemuProgram.has(c.name))) {
    it(c.name, () => {
      const want = run('virsh', c.args, daemon.unixURI);
      expect(run('virsh', c.args, virtd.unixURI), `virtd-ts log:\n${virtd.log()}`).toEqual(want);
    });
  }
});
