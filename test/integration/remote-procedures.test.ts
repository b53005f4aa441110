// Live comparison of the procedures behind guest-agent, block-job, migration-knob and QEMU
// passthrough commands: real virsh 9.0 and virsh-ts against one private libvirtd's test
// driver over its unix socket; and real virsh against virtd-ts, which shares the table,
// compared with real virsh against libvirtd. Each case runs in one process per program, on
// a fresh node.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, runInSandbox, virshTs } from '../helpers/compare-runs.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { makeSandbox } from '../helpers/sandbox.mjs';
import { startVirtd, type Virtd } from '../daemon/virtd.js';

const sandbox = makeSandbox('virsh-procs-');
const cases = loadCases(join(import.meta.dirname, 'remote-procedures.cases'));
const run = (program: string, args: string[], uri: string) => runInSandbox(sandbox, program, args, uri);

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
