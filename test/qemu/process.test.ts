// The QEMU process layer and QMP client against a real QEMU booting the tiny guest under TCG.
import { embedPaths } from '../../src/core/drivers/qemu/config/paths.js';
import { execa } from 'execa';
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirError } from '../../src/core/errors.js';
import {
  launchQemu,
  qemuPaths,
  reconnectQemuByName,
  runningQemuPid,
  terminateOnGuestShutdown,
  type QemuProcess,
} from '../../src/core/drivers/qemu/process/index.js';
import { QmpCommandError } from '../../src/core/drivers/qemu/qmp/index.js';
import { createDiskImage, FILLED_PREFIX, guestCmdline, READ_PREFIX, READY_MARKER, TICK_PREFIX, tinyGuest, WROTE_PREFIX, type Guest } from '../helpers/guest.js';
import { guestArgv, lastTick, serialText, waitForSerial } from './guest-argv.js';

let guest: Guest;
let root: string;
const started: QemuProcess[] = [];
const strayPids: number[] = [];

beforeAll(async () => {
  guest = await tinyGuest();
  root = mkdtempSync(join(tmpdir(), 'virsh-ts-qemu-'));
});

afterAll(async () => {
  for (const proc of started) if (proc.alive) await proc.kill({ force: true });
  for (const pid of strayPids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(root, { recursive: true, force: true });
});

/** Bundles test/qemu/fixtures/NAME.ts into the test root, to run in a separate Node process. */
async function bundleFixture(name: string): Promise<string> {
  const outfile = join(root, `${name}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** A whole heartbeat line (the serial line ends lines with \r\n). */
function tickLine(n: number): RegExp {
  return new RegExp(`${TICK_PREFIX}${n}\r?\n`);
}

/** Pids of processes whose command line mentions `text` (to prove none is left). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('a tiny guest under the process layer', () => {
  const disk = () => join(root, 'disk.qcow2');

  it('boots to its heartbeat, pauses and resumes over QMP, and powers off on ACPI', async () => {
    await createDiskImage(disk(), 'qcow2', 16);
    const serial = join(root, 'a.serial');
    const t0 = Date.now();
    const proc = await launchQemu({
      paths: qemuPaths(embedPaths(root), 'alpha', 1),
      args: guestArgv(guest, { name: 'alpha', serialLog: serial, cmdline: guestCmdline({ write: 'PATTERN-42' }), disk: { path: disk(), format: 'qcow2' } }),
    });
    started.push(proc);
    expect(readFileSync(proc.paths.pidfile, 'utf8').trim()).toBe(String(proc.pid));
    expect(existsSync(proc.paths.monitor)).toBe(true);
    await waitForSerial(serial, READY_MARKER);
    console.log(`tiny guest: READY ${Date.now() - t0} ms after launch (TCG)`);
    expect(serialText(serial)).toContain(`${WROTE_PREFIX}PATTERN-42`);
    await waitForSerial(serial, tickLine(1));

    expect(await proc.qmp.execute('query-status')).toMatchObject({ status: 'running', running: true });

    const stopped = proc.qmp.waitForEvent('STOP', 10_000);
    await proc.qmp.execute('stop');
    await stopped;
    expect(await proc.qmp.execute('query-status')).toMatchObject({ status: 'paused', running: false });
    // A paused guest runs no code, so its heartbeat stands still.
    const frozen = lastTick(serial, TICK_PREFIX);
    await new Promise((r) => setTimeout(r, 1000));
    expect(lastTick(serial, TICK_PREFIX)).toBe(frozen);

    const resumed = proc.qmp.waitForEvent('RESUME', 10_000);
    await proc.qmp.execute('cont');
    await resumed;
    expect(await proc.qmp.execute('query-status')).toMatchObject({ status: 'running' });
    await waitForSerial(serial, tickLine(frozen + 1));

    // With -no-shutdown QEMU only stops when the guest powers off; the driver ends it then.
    terminateOnGuestShutdown(proc);
    const shutdown = proc.qmp.waitForEvent('SHUTDOWN', 30_000);
    await proc.qmp.execute('system_powerdown');
    expect((await shutdown).data).toMatchObject({ guest: true, reason: 'guest-shutdown' });
    await proc.exited;
    await proc.qmp.closed;
    expect(proc.alive).toBe(false);
    await expect(proc.qmp.execute('query-status')).rejects.toThrow("End of file from qemu monitor (vm='alpha')");
    await proc.stop('shutdown');
    expect(existsSync(proc.paths.pidfile)).toBe(false);
    expect(existsSync(proc.paths.domainDir)).toBe(false);
    expect(readFileSync(proc.paths.log, 'utf8')).toMatch(/shutting down, reason=shutdown\n$/);
  }, 120_000);

  it('answers pipelined commands by id and reports QEMU errors as libvirt does', async () => {
    const serial = join(root, 'b.serial');
    const proc = await launchQemu({
      paths: qemuPaths(embedPaths(root), 'bravo', 2),
      args: guestArgv(guest, { name: 'bravo', serialLog: serial, cmdline: guestCmdline({ read: true }), disk: { path: disk(), format: 'qcow2' } }),
      paused: true,
    });
    started.push(proc);
    expect(await proc.qmp.execute('query-status')).toMatchObject({ status: 'prelaunch', running: false });
    // A second start of the same guest is refused and leaves the running one's files alone.
    await expect(launchQemu({ paths: qemuPaths(embedPaths(root), 'bravo', 3), args: [] })).rejects.toThrow(
      'Requested operation is not valid: domain is already running',
    );
    expect(runningQemuPid(proc.paths)).toBe(proc.pid);
    const names = ['query-status', 'query-name', 'query-version', 'query-uuid', 'query-kvm'];
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => proc.qmp.send({ execute: names[i % names.length] })));
    expect(new Set(replies.map((r) => r.id)).size).toBe(40);
    expect(replies[1]).toMatchObject({ return: { name: 'bravo' } });

    const raw = await proc.qmp.send({ execute: 'no-such-command' });
    expect('error' in raw).toBe(true);
    const desc = 'error' in raw ? raw.error.desc : '';
    const err = await proc.qmp.execute('no-such-command').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QmpCommandError);
    expect(err).toBeInstanceOf(VirError);
    expect((err as QmpCommandError).qmpClass).toBe('CommandNotFound');
    expect((err as Error).message).toBe(`internal error: unable to execute QEMU command 'no-such-command': ${desc}`);

    // Events also come as an async iterator; the first after `cont` is RESUME.
    const events = proc.qmp.events();
    const firstEvent = events.next();
    // The disk keeps what the first guest wrote.
    await proc.qmp.execute('cont');
    expect((await firstEvent).value).toMatchObject({ event: 'RESUME' });
    await events.return(undefined);
    await waitForSerial(serial, READY_MARKER);
    expect(serialText(serial)).toContain(`${READ_PREFIX}PATTERN-42`);
    await proc.qmp.execute('quit');
    await proc.exited;
    await proc.stop('destroyed');
  }, 120_000);
});

describe('a guest outliving the process that started it', () => {
  it('is found and quit by another process after the first was killed with SIGKILL', async () => {
    const bundle = await bundleFixture('launcher');
    const statusBundle = await bundleFixture('reconnect-status');
    const serial = join(root, 'c.serial');
    const args = guestArgv(guest, { name: 'charlie', serialLog: serial, cmdline: guestCmdline({ fillMiB: 4 }) });
    // The starter also holds its stdout pipe as fd 99, not close-on-exec, as descriptors a
    // caller passes down are: QEMU must not keep it, or the pipe would not end with the starter.
    const first = execa('bash', ['-c', 'exec node "$@" 99>&1', 'bash', bundle, root, 'charlie', JSON.stringify(args)], {
      reject: false,
      buffer: false,
      stdout: 'pipe',
    });
    const pid = await new Promise<number>((resolve, reject) => {
      first.stdout.once('data', (b: Buffer) => resolve(JSON.parse(b.toString()).pid));
      void first.then((r) => reject(new Error(`launcher exited: ${r.exitCode} ${r.stderr}`)));
    });
    strayPids.push(pid);
    await waitForSerial(serial, READY_MARKER);
    expect(serialText(serial)).toContain(`${FILLED_PREFIX}4`);
    const pipeEnded = new Promise((resolve) => first.stdout.once('end', () => resolve('the pipe ended with the starter')));
    first.stdout.resume();
    first.kill('SIGKILL');
    const ended = await Promise.race([pipeEnded, new Promise((r) => setTimeout(() => r('QEMU kept the pipe open'), 10_000))]);
    expect(ended).toBe('the pipe ended with the starter');

    const paths = qemuPaths(embedPaths(root), 'charlie', 1);
    expect(runningQemuPid(paths)).toBe(pid);
    // A short-lived process can ask the guest something and exit while the guest runs on.
    const asked = await execa('node', [statusBundle, root, 'charlie'], { timeout: 30_000 });
    expect(asked.stdout).toBe('running');
    const proc = await reconnectQemuByName(embedPaths(root), 'charlie');
    started.push(proc);
    expect(proc.pid).toBe(pid);
    expect(await proc.qmp.execute('query-status')).toMatchObject({ status: 'running' });
    // Still running guest code after its starter died.
    const tick = lastTick(serial, TICK_PREFIX);
    await waitForSerial(serial, tickLine(tick + 2));

    await proc.qmp.execute('quit');
    await proc.exited;
    await proc.stop('destroyed');
    expect(runningQemuPid(paths)).toBeUndefined();
    await expect(reconnectQemuByName(embedPaths(root), 'charlie')).rejects.toThrow("no running QEMU for domain 'charlie'");
  }, 120_000);
});

describe('a QEMU that fails to start', () => {
  // One embed root for real libvirt, so it probes QEMU's capabilities once.
  let embed: string;
  beforeAll(() => {
    embed = mkdtempSync(join(tmpdir(), 'virsh-ts-embed-'));
    chmodSync(embed, 0o755);
    mkdirSync(join(embed, 'root', 'etc'), { recursive: true });
    // No virtlogd here: QEMU's output goes straight to its log file.
    writeFileSync(join(embed, 'root', 'etc', 'qemu.conf'), 'stdio_handler = "file"\n');
  });
  afterAll(() => rmSync(embed, { recursive: true, force: true }));

  /** The last error line real libvirt (qemu:///embed) prints for `commands` (XML: a file holding `xml`). */
  async function libvirtError(xml: string, commands: string): Promise<string> {
    const file = join(embed, `${Math.random().toString(36).slice(2)}.xml`);
    writeFileSync(file, xml);
    const r = await execa('virsh', ['-c', `qemu:///embed?root=${join(embed, 'root')}`, `${commands.replace('XML', file)}; undefine bad`], {
      reject: false,
      timeout: 90_000,
    });
    const line = r.stderr.split('\n').filter((l) => l.startsWith('error: ') && !l.includes("'bad'")).pop();
    if (!line) throw new Error(`real virsh gave no error:\n${r.stderr}`);
    return line;
  }

  const badDomain = (inner: string) =>
    `<domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>bad</name>` +
    `<memory unit='MiB'>64</memory><os><type arch='x86_64' machine='pc'>hvm</type></os>${inner}</domain>`;

  it("reports QEMU's stderr in libvirt's words and leaves nothing behind", async () => {
    const paths = qemuPaths(embedPaths(root), 'delta', 4);
    const err = await launchQemu({ paths, args: ['-name', 'guest=delta', '-display', 'none', '-bogus'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirError);
    const real = await libvirtError(badDomain(`<qemu:commandline><qemu:arg value='-bogus'/></qemu:commandline>`), 'define XML; start bad');
    expect(`error: ${(err as Error).message}`).toBe(real);
    expect(existsSync(paths.pidfile)).toBe(false);
    expect(existsSync(paths.domainDir)).toBe(false);
    expect(processesMentioning(paths.monitor)).toEqual([]);
    expect(readFileSync(paths.log, 'utf8')).toMatch(/-bogus: invalid option\n.*shutting down, reason=failed\n$/);
  }, 120_000);

  it('reports a missing QEMU binary as libvirt does and leaves nothing behind', async () => {
    const paths = qemuPaths(embedPaths(root), 'echo', 5);
    const binary = join(root, 'no-such-qemu');
    const err = await launchQemu({ paths, binary, args: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirError);
    const real = await libvirtError(badDomain(`<devices><emulator>${binary}</emulator></devices>`), 'define XML');
    expect(`error: ${(err as Error).message}`).toBe(real);
    expect(existsSync(paths.pidfile)).toBe(false);
    expect(existsSync(paths.domainDir)).toBe(false);
  }, 120_000);
});
