// Daemon throughput: one call mix (list, define, lookup, dumpxml, undefine) from 8 concurrent
// clients of our RPC client in this process, against virtd-ts and against a real libvirtd
// 9.0, both serving test:///default on a unix socket; calls per second side by side.
// Alone: `node bench/daemon-mix.mjs` (after `node scripts/build.mjs`); also the last
// section of `npm run bench`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled } from './bundle.mjs';
import { ratio } from './lib.mjs';
import { daemonReady, startLibvirtd } from './libvirtd.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = 8;
const ROUNDS = Number(process.env.BENCH_MIX_ROUNDS ?? 250);
const REPEATS = Number(process.env.BENCH_MIX_REPEATS ?? 5);
const CALLS_PER_ROUND = 5;

/** The project's own client (src/core/open.ts), bundled for this process. */
export const loadClient = () =>
  importBundled('src/core/open.ts', 'client', {
    external: ['ssh2', 'cpu-features', 'ink', 'react', 'execa'],
    banner: { js: "import { createRequire as benchRequire } from 'node:module'; const require = benchRequire(import.meta.url);" },
  });

async function startVirtd() {
  const dir = mkdtempSync(join(tmpdir(), 'virsh-bench-virtd-'));
  mkdirSync(join(dir, 'run'));
  const conf = join(dir, 'virtd-ts.conf');
  writeFileSync(conf, `listen_tls = 0\nlisten_tcp = 0\nunix_sock_dir = "${join(dir, 'run')}"\n`);
  const child = spawn(process.execPath, [join(root, 'bin', 'virtd-ts'), '-f', conf, '-p', join(dir, 'virtd-ts.pid')], {
    cwd: dir,
    // qemu:///system's state (taken over at daemon start) private to this daemon, never the host's.
    env: { PATH: process.env.PATH, HOME: dir, XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C', VIRTD_TS_QEMU_ROOT: join(dir, 'qemu') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const socket = join(dir, 'run', 'libvirt-sock');
  const stop = await daemonReady('virtd-ts', child, dir, socket, 50);
  return { socket, stop };
}

const xml = (name) => `<domain type='test'><name>${name}</name><memory>8192</memory><os><type>hvm</type></os></domain>`;

/** One client's share: ROUNDS rounds of the five calls on its own domain names. */
async function oneClient(openConnection, socket, k, tag) {
  const conn = await openConnection(`test+unix:///default?socket=${socket}`, { readonly: false, warn: () => undefined });
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `mix-${tag}-${k}-${round}`;
      await conn.listAllDomains(0);
      await conn.domainDefineXML(xml(name), 0);
      const dom = await conn.domainLookupByName(name);
      await conn.domainGetXMLDesc(dom, 0);
      await conn.domainUndefine(dom, 0);
    }
  } finally {
    await conn.close();
  }
}

/** Calls per second of the whole mix from CLIENTS clients at once. */
export async function measure(openConnection, socket, tag) {
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => oneClient(openConnection, socket, k, tag)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return (CLIENTS * ROUNDS * CALLS_PER_ROUND) / seconds;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function daemonMix() {
  const { openConnection } = await loadClient();
  const [ours, theirs] = await Promise.all([startVirtd(), startLibvirtd()]);
  try {
    const rates = { 'virtd-ts': [], 'libvirtd 9.0': [] };
    // One warm-up each, then the two daemons in turn so machine noise hits both alike.
    await measure(openConnection, ours.socket, 'warm');
    await measure(openConnection, theirs.socket, 'warm');
    for (let i = 0; i < REPEATS; i++) {
      rates['virtd-ts'].push(await measure(openConnection, ours.socket, `r${i}`));
      rates['libvirtd 9.0'].push(await measure(openConnection, theirs.socket, `r${i}`));
    }
    const calls = CLIENTS * ROUNDS * CALLS_PER_ROUND;
    console.log(`\n## daemon call mix: ${CLIENTS} clients × ${ROUNDS} rounds of list/define/lookup/dumpxml/undefine (${calls} calls, median of ${REPEATS})`);
    const med = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)]));
    for (const [name, rate] of Object.entries(med)) console.log(`  ${name.padEnd(12)}  ${rate.toFixed(0).padStart(8)} calls/s`);
    ratio('virtd-ts / libvirtd (calls/s)', med['virtd-ts'], med['libvirtd 9.0'], '> 1.00×');
  } finally {
    await Promise.all([ours.stop(), theirs.stop()]);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await daemonMix();
