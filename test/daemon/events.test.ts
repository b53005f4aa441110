// Events across the RPC layer: real virsh and virsh-ts listen with `event --all --loop` on
// the same daemon (a real libvirtd serving test:///default, then virtd-ts) while a third
// client (real virsh) defines, starts, pauses, resumes, destroys and undefines a domain.
// Both listeners must print the same lines, and virtd-ts must deliver what libvirtd does.
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
async function listenWhile(uri: string, listen: string): Promise<{ virsh: Run; ts: Run; actor: Run }> {
  const want = run('virsh', ['-c', uri, listen]);
  const got = run(virshTs, ['-c', uri, listen]);
  await new Promise((r) => setTimeout(r, 2500));
  const actor = await run('virsh', ['-c', uri, ACTIONS]).done;
  return { virsh: await want.done, ts: await got.done, actor };
}

const LISTEN = 'event --all --loop --timeout 6';

describe('domain events over RPC', () => {
  let fromLibvirtd: Run | undefined;

  it('real libvirtd: virsh-ts prints what virsh prints', async () => {
    const d = await startLibvirtd();
    try {
      const { virsh, ts, actor } = await listenWhile(d.unixURI, LISTEN);
      expect(actor.code).toBe(0);
      expect(virsh.stdout).toContain("event 'lifecycle' for domain 'ev1': Started Booted");
      expect(ts).toEqual(virsh);
      fromLibvirtd = virsh;
    } finally {
      await d.stop();
    }
  });

  it('virtd-ts: real virsh and virsh-ts print what libvirtd made virsh print', async () => {
    const d = await startVirtd();
    try {
      const { virsh, ts, actor } = await listenWhile(d.unixURI, LISTEN);
      expect(actor.code).toBe(0);
      expect(virsh).toEqual(fromLibvirtd);
      expect(ts).toEqual(virsh);
    } finally {
      await d.stop();
    }
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
});
