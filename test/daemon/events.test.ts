// Events across the RPC layer: real virsh and virsh-ts listen with `event --all --loop` on
// the same daemon (a real libvirtd serving test:///default, then virtd-ts) while a third
// client (real virsh) defines, starts, pauses, resumes, destroys and undefines a domain.
// Both listeners must print the same lines, and virtd-ts must deliver what libvirtd does.
// The same for network, pool and node device events, and for a listener whose daemon dies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startLibvirtd } from '../helpers/libvirtd.js';
import { startVirtd } from './virtd.js';

const here = dirname(fileURLToPath(import.meta.url));
const virshTs = join(here, '..', '..', 'bin', 'virsh-ts');
const work = mkdtempSync(join(tmpdir(), 'virsh-events-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DOMAIN = `<domain type='test'>
  <name>ev1</name>
  <uuid>6f627cde-20fd-4c1b-9ee1-8aaafefd3779</uuid>
  <memory>65536</memory>
  <os><type>hvm</type></os>
</domain>
`;
writeFileSync(join(work, 'ev1.xml'), DOMAIN);
writeFileSync(join(work, 'evnet.xml'), "<network>\n  <name>evnet</name>\n  <bridge name='evbr0'/>\n</network>\n");
writeFileSync(
  join(work, 'vhba.xml'),
  "<device>\n  <parent>scsi_host1</parent>\n  <capability type='scsi_host'>\n    <capability type='fc_host'>\n" +
    '      <wwnn>2000000012341234</wwnn>\n      <wwpn>1000000012341234</wwpn>\n    </capability>\n  </capability>\n</device>\n',
);

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function run(program: string, args: string[]): { done: Promise<Run>; out: () => string } {
  const child = spawn(program, args, { cwd: work, env: { PATH: process.env.PATH, HOME: work, LANG: 'C', LC_ALL: 'C' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<Run>((resolve) =>
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ stdout, stderr, code });
    }),
  );
  return { done, out: () => stdout };
}

const ACTIONS = [
  'define ev1.xml',
  'desc ev1 --config --title hello',
  'start ev1',
  'suspend ev1',
  'resume ev1',
  'destroy ev1',
  'define ev1.xml',
  'undefine ev1',
].join('; ');

/**
 * Starts both listeners, lets them register (they print nothing until an event comes, so
 * the only handle on "registered" is a pause), runs the actions with real virsh, and waits
 * for both listeners to time out.
 */
async function listenWhile(uri: string, listen: string, actions = ACTIONS, actorURI = uri): Promise<{ virsh: Run; ts: Run; actor: Run }> {
  const want = run('virsh', ['-c', uri, listen]);
  const got = run(virshTs, ['-c', uri, listen]);
  await new Promise((r) => setTimeout(r, 2500));
  const actor = await run('virsh', ['-c', actorURI, actions]).done;
  return { virsh: await want.done, ts: await got.done, actor };
}

const LISTEN = 'event --all --loop --timeout 6';

describe('domain events over RPC', () => {
  it('virsh-ts prints what virsh prints, against libvirtd and against virtd-ts, which delivers what libvirtd does', async () => {
    const outputs: Run[] = [];
    for (const start of [startLibvirtd, startVirtd]) {
      const d = await start();
      try {
        const { virsh, ts, actor } = await listenWhile(d.unixURI, LISTEN);
        expect(actor.code).toBe(0);
        expect(ts).toEqual(virsh);
        outputs.push(virsh);
      } finally {
        await d.stop();
      }
    }
    expect(outputs[0].stdout).toContain("event 'lifecycle' for domain 'ev1': Started Booted");
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it('save/restore, managed save, snapshots, reboot, shutdown, crash dump, rename, transient', async () => {
    const actions = (dir: string) =>
      [
        'define ev1.xml',
        'start ev1',
        `save ev1 ${dir}/ev1.save`,
        `restore ${dir}/ev1.save`,
        'managedsave ev1',
        'start ev1',
        'snapshot-create-as ev1 s1',
        'snapshot-create-as ev1 s2 --halt',
        'snapshot-revert ev1 s1',
        'snapshot-revert ev1 s2 --running',
        'snapshot-revert ev1 s1 --paused',
        'reboot ev1',
        'shutdown ev1',
        'start ev1',
        `dump ev1 ${dir}/core --crash`,
        'domrename ev1 ev2',
        'undefine ev2 --snapshots-metadata',
        'create ev1.xml',
        'destroy ev1',
      ].join('; ');
    const outputs: Run[] = [];
    for (const start of [startLibvirtd, startVirtd]) {
      const d = await start();
      try {
        const { virsh, ts, actor } = await listenWhile(d.unixURI, 'event --event lifecycle --loop --timeout 6', actions(d.dir));
        expect(actor.stderr).toBe('');
        expect(ts).toEqual(virsh);
        outputs.push(virsh);
      } finally {
        await d.stop();
      }
    }
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it('one-shot listener over tcp: the first event ends the wait', async () => {
    const d = await startVirtd();
    try {
      const { virsh, ts } = await listenWhile(d.tcpURI, 'event --event lifecycle --timeout 6');
      // Exactly one event line, then the count: no "timed out" line.
      expect(virsh.stdout).toMatch(/^event 'lifecycle' for domain 'ev1': .*\nevents received: 1\n/);
      expect(ts).toEqual(virsh);
    } finally {
      await d.stop();
    }
  });

  it('--domain narrows the callbacks to one domain (read-only socket)', async () => {
    const d = await startVirtd();
    try {
      const { virsh, ts, actor } = await listenWhile(d.roURI, 'event --all --loop --domain test --timeout 6', `suspend test; ${ACTIONS}; resume test`, d.unixURI);
      expect(actor.code).toBe(0);
      expect(virsh.stdout).toContain("for domain 'test'");
      expect(virsh.stdout).not.toContain("'ev1'");
      expect(ts).toEqual(virsh);
    } finally {
      await d.stop();
    }
  });

  it('network, pool and node device events through virtd-ts match libvirtd', async () => {
    const actions = [
      'net-define evnet.xml',
      'net-start evnet',
      'net-destroy evnet',
      'net-undefine evnet',
      `pool-define-as evpool dir --target ${work}`,
      'pool-start evpool',
      'pool-destroy evpool',
      'pool-undefine evpool',
      'nodedev-create vhba.xml',
      'nodedev-destroy scsi_host12',
    ].join('; ');
    const listeners = ['net-event --event lifecycle', 'pool-event --event lifecycle', 'nodedev-event --event lifecycle'];
    const outputs: Run[][] = [];
    for (const start of [startLibvirtd, startVirtd]) {
      const d = await start();
      try {
        const runs = await Promise.all(listeners.map((l, i) => listenWhile(d.unixURI, `${l} --loop --timeout 6`, i ? 'uri' : actions)));
        expect(runs[0].actor.code).toBe(0);
        for (const { virsh, ts } of runs) expect(ts).toEqual(virsh);
        outputs.push(runs.map((r) => r.virsh));
      } finally {
        await d.stop();
      }
    }
    const seen = outputs[0].map((o) => o.stdout).join('');
    for (const line of ['for network evnet: Started', 'for storage pool evpool: Started', 'for node device scsi_host12: Created']) {
      expect(seen).toContain(line);
    }
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it('a listener whose daemon dies: the disconnect notice ends the wait', async () => {
    const d = await startLibvirtd();
    const want = run('virsh', ['-k', '0', '-c', d.unixURI, 'event --all --loop --timeout 20']);
    const got = run(virshTs, ['-k', '0', '-c', d.unixURI, 'event --all --loop --timeout 20']);
    await new Promise((r) => setTimeout(r, 2500));
    process.kill(d.pid, 'SIGKILL');
    const [w, g] = [await want.done, await got.done];
    await d.stop();
    expect(w.stderr).toContain('Disconnected from');
    expect(g).toEqual(w);
  });
});
