// Monitoring a running guest under qemu:///embed against real virsh 9.0 on libvirt's embedded
// driver, same XML and same steps in one run: the live XML (guest CPU as QEMU runs it, disk
// source indexes), statistics, vCPU and pinning queries, job and control state, and the QEMU
// monitor passthrough with its taint. What a guest's run changes from one run to the next
// (CPU times, I/O counters, resident size) is compared by its keys, checked as numbers, and
// checked against QEMU's own answer on the same side; everything else byte for byte.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_MARKER } from '../helpers/guest.js';
import type { Result } from './embed.js';
import { GuestPair, qemuPidsUnder, type Side } from './guest-pair.js';
import { waitUntil } from './tiny-guest.js';

/** Whether a process holds a connection to a QEMU monitor under `root`. */
function monitorConnected(root: string): boolean {
  return execFileSync('ss', ['-x'], { encoding: 'utf8' })
    .split('\n')
    .some((l) => l.startsWith('u_str') && l.includes('ESTAB') && l.includes(`${root}/lib/qemu/`) && l.includes('monitor.sock'));
}

let pair: GuestPair;
const LONG = 300_000;
const MAC = '52:54:00:6d:6f:6e';

beforeAll(async () => {
  pair = new GuestPair();
  for (const root of Object.values(pair.roots)) {
    for (const img of ['run.img', 'off.img']) execFileSync('qemu-img', ['create', '-q', '-f', 'raw', join(root, img), '16M']);
  }
  const nic = `<interface type='user'><mac address='${MAC}'/><model type='virtio'/></interface>`;
  await pair.writeGuest('mon', { read: true, disk: { path: 'ROOT/run.img', format: 'raw' }, devices: nic });
  await pair.writeGuest('idle', { disk: { path: 'ROOT/off.img', format: 'raw' } });
  // A balloon asked to hold the guest below its memory, with statistics every second.
  await pair.writeGuest('bal', { memoryMiB: 96, devices: "<memballoon model='virtio'><stats period='1'/></memballoon>" });
  for (const root of Object.values(pair.roots)) {
    const file = join(root, 'bal.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</memory>', "</memory>\n  <currentMemory unit='MiB'>80</currentMemory>"));
  }
  const { real, ts } = await pair.both('define ROOT/mon.xml; define ROOT/idle.xml; start mon');
  expect(ts).toEqual(real);
  expect(real.code).toBe(0);
  await Promise.all([pair.waitSerial('real', 'mon', READY_MARKER), pair.waitSerial('ts', 'mon', READY_MARKER)]);
}, LONG);
afterAll(() => pair?.remove());

/** The QMP command ids libvirt numbers per monitor connection. */
const maskIds = (r: Result): Result => ({ ...r, stdout: r.stdout.replace(/"libvirt-\d+"/g, '"libvirt-N"') });

/** Lines ending in `KEY<sep>NUMBER` (domstats' `k=v`, `name field n`, `Label:   n`) whose key matches `volatile` get N. */
function maskValues(text: string, volatile: RegExp): string {
  return text
    .split('\n')
    .map((l) => {
      const m = /^(.*?)([\w.\-()]+)(=|:?\s+)(\d+(?:\.\d+)?s?)$/.exec(l);
      return m && volatile.test(m[2]) ? `${m[1]}${m[2]}${m[3]}N` : l;
    })
    .join('\n');
}

/** Counters and sizes that move with the guest's run (times, I/O, resident memory, image allocation). */
const RUN_VALUES = /^(cpu\.(time|user|system)|balloon\.rss|vcpu\.\d+\.(time|wait|delay)|block\.\d+\.(rd|wr|fl)\.\w+|block\.\d+\.(allocation|physical)|rss|vda|Allocation|Physical)$/;

/** Runs one command on both sides and compares the output with the run-to-run values masked. */
async function sameShape(args: string, volatile = RUN_VALUES): Promise<Record<Side, Result>> {
  const out = await pair.both(args);
  const masked = (r: Result) => ({ ...r, stdout: maskValues(r.stdout, volatile) });
  expect(masked(out.ts)).toEqual(masked(out.real));
  return out;
}

/** `KEY=VALUE` lines of domstats as a map. */
function statsOf(stdout: string): Map<string, string> {
  return new Map([...stdout.matchAll(/^ {2}([^=\n]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
}

/** QEMU's own answer to a QMP command on one side (through the passthrough, which taints). */
async function qmp<T>(side: Side, command: string): Promise<T> {
  const r = await pair.run(side, 'qemu-monitor-command', 'mon', '--return-value', command);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('qemu:///embed monitoring of a running guest', () => {
  it('shows the live XML as libvirt does: the CPU QEMU runs (check=full, added features) and disk source indexes', async () => {
    const xml = await pair.same('dumpxml', 'mon');
    expect(xml.stdout).toContain("<cpu mode='custom' match='exact' check='full'>");
    expect(xml.stdout).toContain("index='1'/>\n      <backingStore/>");
    await pair.same('dumpxml', 'mon', '--inactive');
    await pair.same('dumpxml', 'idle');
  }, LONG);

  it('answers the deterministic queries byte for byte', async () => {
    // Calls that take no job start with one that does (domjobinfo): a real virsh process that
    // only reads can exit while libvirt still takes the guest over in the background, and crash.
    await pair.same('domjobinfo mon; vcpucount mon; vcpucount mon --maximum --live; vcpucount mon --config; vcpucount idle');
    await pair.same('domjobinfo mon; vcpupin mon; vcpupin mon --config; vcpupin mon --vcpu 0; emulatorpin mon; emulatorpin mon --config; emulatorpin idle');
    // The table's rule is as wide as its longest source path, which holds each side's root
    // (their names differ in length): the rule's width is left out, every cell compared.
    const rule = (r: Result) => ({ ...r, stdout: r.stdout.replace(/^-+$/gm, '-') });
    const tables = await pair.both('domjobinfo mon; domblklist mon --details; domiflist mon; domblklist idle --details; domblklist mon');
    expect(rule(tables.ts)).toEqual(rule(tables.real));
    // domcontrol after a call that takes a job: as the first call of a process, libvirt's
    // background takeover of the guest may still hold the monitor ("occupied").
    await pair.same('domjobinfo mon; domcontrol mon; domjobinfo mon --completed; domjobinfo mon --rawstats; domjobinfo mon --completed --keep-completed');
    await pair.same('domjobinfo mon; domblkinfo idle vda; domblkinfo idle --all; domblkinfo idle --all --human');
  }, LONG);

  it('passes QMP and HMP through, taints the guest, and shows the taint', async () => {
    const both = async (args: string) => {
      const { real, ts } = await pair.both(args);
      expect(maskIds(ts)).toEqual(maskIds(real));
    };
    // The first passthrough warns about the new taint on stderr; later ones do not.
    await both('qemu-monitor-command mon {"execute":"query-status"}');
    await both('qemu-monitor-command mon --pretty query-status; qemu-monitor-command mon --return-value query-name; qemu-monitor-command mon --return-value --pretty query-iothreads');
    await both(`qemu-monitor-command mon qom-get '"path":"/machine/peripheral/balloon0"' '"property":"guest-stats-polling-interval"'`);
    await both('qemu-monitor-command mon {"execute":"no-such-command"}; qemu-monitor-command mon --return-value {"execute":"no-such-command"}');
    await both('qemu-monitor-command mon --hmp info status; qemu-monitor-command mon --hmp no-such-command');
    // Arguments virsh cannot wrap into a command: its wording and the JSON parser's report of
    // where it stopped. One process, after a call that takes a job: a real virsh that fails
    // this early can exit while libvirt is still taking the guest over, and crash.
    const unwrappable = ['query-status x', 'query-status a b', `query-status '"a":1 "b"'`, `query-status '"a":[1,' '2'`, `query-status '"a":tru'`, `query-status '"a":"x' 'y"'`];
    await both(['qemu-monitor-command mon --return-value query-name', ...unwrappable.map((a) => `qemu-monitor-command mon ${a}`)].join('; '));
    await pair.same('dominfo', 'mon');
  }, LONG);

  it('reports domstats in libvirt’s groups and keys, per group and all at once', async () => {
    const all = await sameShape('domstats mon');
    const stats = statsOf(all.ts.stdout);
    for (const key of ['cpu.time', 'balloon.rss', 'vcpu.0.time', 'block.0.rd.bytes']) expect(Number(stats.get(key)), key).toBeGreaterThan(0);
    // Groups that need no monitor take no job: a real virsh whose only call they are can exit
    // while libvirt still takes the guest over in the background, and crash. Each process
    // here starts with a call that waits for that takeover.
    const groups = ['--state', '--cpu-total', '--balloon', '--vcpu', '--interface', '--block', '--perf', '--iothread', '--memory', '--dirtyrate'];
    await sameShape(['domjobinfo mon', ...groups.map((g) => `domstats mon ${g}`)].join('; '));
    await sameShape('domjobinfo mon; domstats --raw --enforce --state --vcpu mon; domstats --backing --block mon; domstats --nowait --balloon mon');
    // With several domains libvirt lists them in its hash table's order, which changes from
    // run to run: each filter selects one domain here.
    const filters = ['--list-active', '--list-running', '--list-persistent --list-running', '--list-transient', '--list-paused --list-shutoff --state'];
    await sameShape(['domjobinfo mon', ...filters.map((f) => `domstats ${f}`)].join('; '));
    // A shut-off domain: sizes from the image, no runtime groups (cpu.* is libvirt's own process).
    await sameShape('domjobinfo mon; domstats idle; domstats --list-inactive --block --balloon --vcpu --interface');
  }, LONG);

  it('agrees with QEMU’s own numbers: block reads, balloon size, vCPUs', async () => {
    for (const side of ['real', 'ts'] as const) {
      const blk = await pair.run(side, 'domblkstat', 'mon', 'vda');
      const rd = Number(/^vda rd_bytes (\d+)$/m.exec(blk.stdout)?.[1]);
      const qemu = await qmp<Array<{ qdev: string; stats: { rd_bytes: number } }>>(side, 'query-blockstats');
      // The guest read its disk at boot and is idle since: QEMU's counter and libvirt's agree.
      expect(rd).toBeGreaterThan(0);
      expect(rd).toBe(qemu.find((d) => d.qdev.includes('virtio-disk0'))!.stats.rd_bytes);
      const balloon = await qmp<{ actual: number }>(side, 'query-balloon');
      const mem = await pair.run(side, 'dommemstat', 'mon');
      expect(mem.stdout).toContain(`actual ${balloon.actual / 1024}\n`);
      const cpus = await qmp<unknown[]>(side, 'query-cpus-fast');
      const info = await pair.run(side, 'vcpuinfo', 'mon');
      expect(info.stdout.match(/^VCPU:/gm)?.length).toBe(cpus.length);
    }
  }, LONG);

  it('prints block, memory and vCPU statistics in virsh’s layouts', async () => {
    // Every number domblkstat prints is an I/O counter or time.
    await sameShape('domblkstat mon vda; domblkstat mon vda --human; domblkstat mon; domblkstat mon ROOT/run.img', /./);
    await sameShape('dommemstat mon');
    // The vCPU's host CPU is wherever the scheduler last ran it; its time is how long it ran.
    await sameShape('domjobinfo mon; vcpuinfo mon; vcpuinfo mon --pretty', /^(CPU|time)$/);
    await sameShape('domblkinfo mon vda');
  }, LONG);

  it('sets the balloon statistics period live and in the config', async () => {
    await pair.same('dommemstat mon --period 2 --live; dommemstat idle --period 3 --config; dommemstat idle --period 4');
    await pair.same('domjobinfo mon; dumpxml mon');
    await pair.same('domjobinfo mon; dumpxml idle');
    await pair.same('dommemstat mon --period 0; dumpxml mon --inactive');
  }, LONG);

  it('sizes the balloon at start; the live current memory is what QEMU reports', async () => {
    // One process from start to destroy: the guest never runs unwatched.
    const r = await sameShape('define ROOT/bal.xml; start bal; dominfo bal; dumpxml bal; domstats bal --balloon; destroy bal; undefine bal', /^(rss|balloon\.rss|last-update|time)$/);
    expect(r.ts.stdout).toContain("<currentMemory unit='KiB'>98304</currentMemory>");
    expect(r.ts.stdout).toContain("<stats period='1'/>");
  }, LONG);

  it('pins vCPU and emulator threads as <cputune> and <vcpu cpuset> say; vcpuinfo shows the threads’ affinity', async () => {
    for (const root of Object.values(pair.roots)) {
      const base = readFileSync(join(root, 'idle.xml'), 'utf8').replace(/<disk[\s\S]*?<\/disk>/, '');
      const two = (name: string, vcpu: string) => base.replace('<name>idle</name>', `<name>${name}</name>`).replace('<vcpu>1</vcpu>', vcpu);
      writeFileSync(join(root, 'pin1.xml'), two('pin1', "<vcpu>2</vcpu><cputune><vcpupin vcpu='1' cpuset='0'/><emulatorpin cpuset='1'/></cputune>"));
      writeFileSync(join(root, 'pin2.xml'), two('pin2', "<vcpu cpuset='1'>2</vcpu><cputune><vcpupin vcpu='0' cpuset='0'/></cputune>"));
    }
    // Which host CPU a vCPU last ran on, and whether it ran at all yet (virsh prints its CPU
    // time only when not zero), change from run to run.
    const runtime = (r: Result) => ({ ...r, stdout: r.stdout.replace(/^CPU time: .*\n/gm, '').replace(/^(CPU: +)\d+$/gm, '$1N') });
    for (const name of ['pin1', 'pin2']) {
      const { real, ts } = await pair.both(`define ROOT/${name}.xml; start ${name}; vcpuinfo ${name}; vcpupin ${name}; emulatorpin ${name}; destroy ${name}; undefine ${name}`);
      expect(runtime(ts)).toEqual(runtime(real));
    }
  }, LONG);

  it('refuses bad input as libvirt does', async () => {
    await pair.same('domblkstat mon vdz; domblkinfo mon vdz; domblkinfo mon ROOT/nothere.img');
    await pair.same(`domifstat mon vnet9; domifstat mon ${MAC}; domifstat mon 52:54:00:00:00:01`);
    await pair.same('dommemstat mon --period -1; vcpupin mon --live --config; emulatorpin mon --live --config; vcpucount mon --guest');
    await pair.same('domtime mon; domtime mon --now; domjobinfo mon --keep-completed');
    await pair.same('domblkstat idle vda; dommemstat idle; domifstat idle vnet0; domcontrol idle; domtime idle; domjobinfo idle; vcpucount idle --live');
    // After a call that takes a job, like the passthrough's refusals above.
    await pair.same('domjobinfo mon; domstats nosuch; domblkstat nosuch vda; vcpuinfo nosuch; qemu-monitor-command nosuch query-status');
    await pair.same('qemu-monitor-command idle query-status; qemu-monitor-command mon --hmp --pretty info status; qemu-monitor-command mon --hmp --return-value info');
    // A shut-off domain's vCPU view has no runtime; its affinity is every host CPU.
    await pair.same('domjobinfo mon; vcpuinfo idle; vcpuinfo idle --pretty');
  }, LONG);


  it('listens for QEMU monitor events: refusals, a timeout, and the SHUTDOWN QEMU reports when signalled', async () => {
    await pair.same('domjobinfo mon; qemu-monitor-event --timeout 0; qemu-monitor-event --domain nosuch --timeout 1');
    await pair.same('qemu-monitor-event', '--domain', 'idle', '--timeout', '1');
    // One listener per side (a real virsh process locks its root while it runs); once each
    // holds its guest's monitor, QEMU is told to quit and reports a host-requested SHUTDOWN.
    const listening = pair.both('qemu-monitor-event --domain mon --event shutdown --no-case --timeout 120');
    await waitUntil(() => Object.values(pair.roots).every((root) => monitorConnected(root)), 120_000, 200, () => 'the listeners never connected to the monitors');
    // The listener registers right after it has taken the guest over.
    await new Promise((r) => setTimeout(r, 2000));
    for (const pid of qemuPidsUnder(Object.values(pair.roots))) process.kill(pid, 'SIGTERM');
    const { real, ts } = await listening;
    const when = (r: Result) => ({ ...r, stdout: r.stdout.replace(/ at \d+\.\d{6} /, ' at TIME ') });
    expect(when(ts)).toEqual(when(real));
    expect(real.stdout).toContain(`event SHUTDOWN at`);
  }, LONG);
});

