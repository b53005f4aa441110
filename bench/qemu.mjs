// The QEMU driver with real guests: virsh-ts on qemu:///embed against real virsh 9.0 on
// libvirt's own embedded driver, each on a root of its own (as test/qemu/guest-pair.ts), in
// one run: how long from `start` until `domstate` says running (and until the guest prints its
// READY marker), and `list --all` with 20 running guests. The 20 are started paused (TCG on a
// small host would otherwise spend the run booting them); every QEMU under either root is
// killed at the end, whatever happened.
// Alone: `node bench/qemu.mjs` (after `node scripts/build.mjs`); also a section of `npm run bench`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled } from './bundle.mjs';
import { compare, ratio } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'virsh-ts');
const nokvm = join(root, 'test', 'qemu', 'fixtures', 'argv', 'nokvm.sh');
const START_RUNS = Number(process.env.BENCH_QEMU_RUNS ?? 3);
const LIST_RUNS = Number(process.env.BENCH_QEMU_LIST_RUNS ?? 5);
const GUESTS = 20;
const BOOT_TIMEOUT_MS = 180_000;

/**
 * The tiny test guest and its XML, roots and QEMU processes (test/qemu/tiny-guest.ts, as the
 * tests use them), bundled for this process.
 */
const loadTinyGuest = () => importBundled('test/qemu/tiny-guest.ts', 'guest', { external: ['execa'] });

/** One side: its root and how its virsh runs a command line there. */
function side(name, dir) {
  const uri = `qemu:///embed?root=${dir}`;
  const argv = (script) => (name === 'virsh-ts' ? [bin, ['-c', uri, script]] : ['unshare', ['-m', nokvm, 'virsh', '-c', uri, script]]);
  return {
    name,
    dir,
    /** Runs one virsh process; `check` makes a failure fatal. */
    run(script, check = true) {
      const [cmd, args] = argv(script);
      const r = spawnSync(cmd, args, { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C' } });
      if (check && r.status !== 0) throw new Error(`${name}: ${script}: exit ${r.status ?? r.signal}: ${r.stderr}${r.error ?? ""}`);
      return r;
    },
    contender(script) {
      const [cmd, args] = argv(script);
      return { name, cmd, args };
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * start, then domstate until running, then (unless `untilReady` is false) the READY line:
 * [ms to running, ms to READY].
 */
async function startOnce(tiny, s, name, untilReady = true) {
  const serial = join(s.dir, `${name}.serial`);
  rmSync(serial, { force: true });
  const t0 = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
  s.run(`start ${name}`);
  while (!s.run(`domstate ${name}`).stdout.startsWith('running')) if (ms() > BOOT_TIMEOUT_MS) throw new Error(`${s.name}: ${name} never running`);
  const running = ms();
  while (untilReady && !(existsSync(serial) && readFileSync(serial, 'utf8').includes(tiny.READY_MARKER))) {
    if (ms() > BOOT_TIMEOUT_MS) throw new Error(`${s.name}: ${name} never printed ${tiny.READY_MARKER}`);
    await sleep(20);
  }
  const ready = ms();
  // The first change in a new real-virsh process can race libvirt's takeover of the guest:
  // a job first, then the destroy; whatever is left is killed below.
  s.run(`suspend ${name}; destroy ${name}`, false);
  tiny.killQemusUnder([s.dir]);
  return [running, ready];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function qemuBench() {
  const tiny = await loadTinyGuest();
  const guest = await tiny.tinyGuest();
  const sides = [side('virsh-ts', tiny.makeGuestRoot('virsh-bench-qemu-ts-')), side('virsh 9.0', tiny.makeGuestRoot('virsh-bench-qemu-real-'))];
  const dirs = sides.map((s) => s.dir);
  const guestXML = (dir, name, memoryMiB) => tiny.guestDomainXml(name, guest, { memoryMiB, devices: [tiny.fileSerial(join(dir, `${name}.serial`))] });
  // Whatever ends this process, no guest of the bench outlives it.
  const onExit = () => tiny.killQemusUnder(dirs);
  const onSignal = () => process.exit(130);
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const names = Array.from({ length: GUESTS }, (_, i) => `g${String(i).padStart(2, '0')}`);
    for (const s of sides) {
      writeFileSync(join(s.dir, 'boot.xml'), guestXML(s.dir, 'boot', 96));
      for (const n of names) writeFileSync(join(s.dir, `${n}.xml`), guestXML(s.dir, n, 64));
      s.run(['boot', ...names].map((n) => `define ${join(s.dir, `${n}.xml`)}`).join('; '));
    }

    // Start-to-running: one warm-up each (no boot wait), then the two in turn so machine noise
    // hits both alike.
    const samples = Object.fromEntries(sides.map((s) => [s.name, { running: [], ready: [] }]));
    for (const s of sides) await startOnce(tiny, s, 'boot', false);
    for (let i = 0; i < START_RUNS; i++) {
      for (const s of sides) {
        const [running, ready] = await startOnce(tiny, s, 'boot');
        samples[s.name].running.push(running);
        samples[s.name].ready.push(ready);
      }
    }
    console.log(`\n## QEMU guest (TCG, 96 MiB): \`start\` until \`domstate\` says running, and until the guest's READY line (median of ${START_RUNS} runs)`);
    for (const s of sides) {
      const m = samples[s.name];
      console.log(`  ${s.name.padEnd(9)}  ${median(m.running).toFixed(1).padStart(8)} ms running  ${median(m.ready).toFixed(1).padStart(8)} ms READY`);
    }
    const [ts, real] = sides.map((s) => samples[s.name]);
    ratio('virsh-ts / virsh (to running)', median(ts.running), median(real.running));
    ratio('virsh-ts / virsh (to READY)', median(ts.ready), median(real.ready));

    // list --all with 20 guests running (paused right after start-up: their CPUs never run).
    for (const s of sides) s.run(names.map((n) => `start ${n} --paused`).join('; '));
    const listed = compare(
      `\`list --all\` with ${GUESTS} running guests (started --paused) on qemu:///embed`,
      sides.map((s) => s.contender('list --all')),
      LIST_RUNS,
    );
    ratio('virsh-ts / virsh', listed['virsh-ts'], listed['virsh 9.0']);
  } finally {
    for (const s of sides) s.run(['suspend g00', ...Array.from({ length: GUESTS }, (_, i) => `destroy g${String(i).padStart(2, '0')}`)].join('; '), false);
    tiny.killQemusUnder(dirs);
    for (let i = 0; i < 50 && tiny.qemuPidsUnder(dirs).length; i++) await sleep(100);
    const left = tiny.qemuPidsUnder(dirs);
    if (left.length) console.error(`bench/qemu.mjs: QEMU still running after SIGKILL: ${left.join(' ')}`);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await qemuBench();
