// virsh-ts against real libvirtd 9.0's QEMU driver (qemu+unix:///system) with a small real
// guest: every command's output is compared with real virsh's against the same daemon in
// the same run. Each tool drives its own guest through the same steps (names of equal
// length, swapped before comparing), and both tools read every guest.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { ensureVirtlogd } from '../helpers/virtlogd.js';
import { guestDomainXml, privateGuestFiles, PTY_CONSOLE } from '../qemu/tiny-guest.js';

const bin = join(__dirname, '../../bin/virsh-ts');
const tag = process.pid.toString(36);
// virsh-ts works on OURS, real virsh on THEIRS; same length, so column widths agree.
const OURS = `vts-a-${tag}`;
const THEIRS = `vts-b-${tag}`;
const NET = `vts-n-${tag}`;
const POOL = `vts-p-${tag}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let daemon: Libvirtd;
let virtlogd: { stop(): Promise<void> };
let uri: string;
let dir: string;

function run(cmd: string, args: string[]): Run {
  const r = spawnSync(cmd, ['-c', uri, ...args], { encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A guest's CPU time and a NUMA cell's memory (this VM's balloon moves it between two calls)
 * change from one call to the next; everything else must match byte for byte.
 */
const mask = (r: Run): Run => ({
  ...r,
  stdout: r.stdout
    .replace(/^(CPU time:\s+)\S+$/m, '$1X')
    .replace(/(<cell id='\d+'>\n\s+<memory unit='KiB'>)\d+(<\/memory>\n\s+<pages unit='KiB' size='4'>)\d+/g, '$1X$2X'),
});
const swap = (r: Run): Run => ({ code: r.code, stdout: r.stdout.replaceAll(THEIRS, OURS), stderr: r.stderr.replaceAll(THEIRS, OURS) });

/** Both tools run the same read-only command; their outputs must be equal. */
function sameRead(args: string[]): Run {
  const ours = mask(run(bin, args));
  expect(ours).toEqual(mask(run('virsh', args)));
  return ours;
}

/** virsh-ts changes its guest, real virsh its own, the same way; outputs equal up to the name. */
function sameStep(args: (name: string) => string[]): Run {
  const ours = run(bin, args(OURS));
  expect(ours).toEqual(swap(run('virsh', args(THEIRS))));
  return ours;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'virsh-ts-remote-qemu-'));
  const guest = await privateGuestFiles(dir);
  for (const name of [OURS, THEIRS]) writeFileSync(join(dir, `${name}.xml`), guestDomainXml(name, guest, { devices: PTY_CONSOLE }));
  writeFileSync(join(dir, 'net.xml'), `<network><name>${NET}</name><bridge name='vtsbr${tag.slice(-6)}'/></network>\n`);
  writeFileSync(join(dir, 'pool.xml'), `<pool type='dir'><name>${POOL}</name><target><path>${dir}</path></target></pool>\n`);
  virtlogd = await ensureVirtlogd();
  daemon = await startLibvirtd({ system: true });
  uri = `qemu+unix:///system?socket=${daemon.socket}`;
}, 300_000);

afterAll(async () => {
  if (daemon) {
    // Guests outlive their daemon: take them down first, whatever state a failed step left.
    for (const name of [OURS, THEIRS]) {
      spawnSync('virsh', ['-c', uri, 'destroy', name], { stdio: 'ignore' });
      spawnSync('virsh', ['-c', uri, 'undefine', name], { stdio: 'ignore' });
    }
    spawnSync('virsh', ['-c', uri, 'net-undefine', NET], { stdio: 'ignore' });
    spawnSync('virsh', ['-c', uri, 'pool-undefine', POOL], { stdio: 'ignore' });
    await daemon.stop();
  }
  await virtlogd?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('virsh-ts vs real virsh on libvirtd\'s QEMU driver (qemu+unix:///system)', () => {
  it('defines, starts, lists, reads, suspends, resumes, destroys and undefines a real guest', () => {
    expect(sameStep((n) => ['define', `${n}.xml`]).code).toBe(0);
    sameRead(['list', '--all']);
    sameRead(['dominfo', OURS]);
    expect(sameStep((n) => ['start', n]).code).toBe(0);
    sameRead(['list']);
    sameRead(['list', '--all']);
    const info = sameRead(['dominfo', OURS]);
    expect(info.stdout).toMatch(/^State:\s+running$/m);
    sameRead(['domstate', THEIRS, '--reason']);
    // The QEMU program's monitor passthrough, each tool on its own guest.
    expect(sameStep((n) => ['qemu-monitor-command', n, '--hmp', 'info status']).code).toBe(0);
    sameStep((n) => ['qemu-agent-command', n, '{"execute":"guest-ping"}']);
    // Peer-to-peer migration: refused by the client library for a local name, by the daemon
    // for its own socket (both after the feature questions over RPC).
    sameStep((n) => ['migrate', n, 'qemu+ssh://localhost/system', '--p2p', '--live']);
    sameStep((n) => ['migrate', n, `qemu+unix:///system?socket=${daemon.socket}`, '--p2p', '--live']);
    expect(sameStep((n) => ['suspend', n]).code).toBe(0);
    expect(sameStep((n) => ['qemu-monitor-command', n, '--hmp', 'info status']).code).toBe(0);
    sameRead(['domstate', OURS, '--reason']);
    sameRead(['list', '--all']);
    expect(sameStep((n) => ['resume', n]).code).toBe(0);
    sameRead(['domstate', OURS, '--reason']);
    expect(sameStep((n) => ['start', n]).code).toBe(1);
    expect(sameStep((n) => ['destroy', n]).code).toBe(0);
    sameRead(['domstate', OURS, '--reason']);
    sameRead(['list', '--all']);
    expect(sameStep((n) => ['undefine', n]).code).toBe(0);
    sameRead(['list', '--all']);
    expect(sameStep((n) => ['dominfo', n]).code).toBe(1);
  }, 180_000);

  it('lists and dumps networks and pools, and prints the host capabilities', () => {
    expect(run('virsh', ['net-define', 'net.xml']).code).toBe(0);
    expect(run('virsh', ['pool-define', 'pool.xml']).code).toBe(0);
    sameRead(['net-list', '--all']);
    sameRead(['net-dumpxml', NET]);
    sameRead(['net-info', NET]);
    sameRead(['pool-list', '--all']);
    sameRead(['pool-dumpxml', POOL]);
    const caps = sameRead(['capabilities']);
    expect(caps.stdout).toContain("<domain type='qemu'/>");
    sameRead(['net-dumpxml', 'no-such-network']);
  });
});
