// Differential tester: domain XML documents and command sequences run through real virsh 9.0
// and bin/virsh-ts against test:///default; prints every case whose stdout, stderr or exit
// code differ.
//   node scripts/difftest/run.mjs [--combos N] [--seed S] [--only SUBSTR] [--out DIR] [--schema]
// Each variant of variants.mjs is tried alone on a base domain; --combos adds N documents that
// merge several valid variants (seeded, so a run can be repeated). The failing documents and a
// diff of each are written under --out (default /tmp/difftest) for turning into cases.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runCommand } from './spawn.mjs';
import { variants } from './variants.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const combos = Number(opt('--combos', 40));
let seed = Number(opt('--seed', 1));
const only = opt('--only', '');
const out = resolve(opt('--out', '/tmp/difftest'));

const NAME = 'dt';
const base = {
  attr: "type='test'",
  top: [
    ['name', `<name>${NAME}</name>`],
    ['uuid', `<uuid>4d4dd8ec-aaa6-4faf-88e7-eebbe08add0b</uuid>`],
    ['memory', `<memory unit='KiB'>1048576</memory>`],
    ['currentMemory', `<currentMemory unit='KiB'>1048576</currentMemory>`],
    ['vcpu', `<vcpu>2</vcpu>`],
    ['os', `<os><type arch='i686'>hvm</type><boot dev='hd'/></os>`],
  ],
  devices: [`<disk type='file' device='disk'><source file='/guest/a.img'/><target dev='vda' bus='virtio'/></disk>`],
};

/** Tag name of a fragment's first element, so a 'top' variant replaces the base element. */
const tagOf = (xml) => /^<([\w:-]+)/.exec(xml)?.[1];

function document(picks) {
  let attr = base.attr;
  const top = new Map(base.top);
  const devices = [...base.devices];
  for (const [, where, xml] of picks) {
    if (where === 'attr') attr = xml;
    else if (where === 'devices') devices.push(xml);
    // One fragment per element name: a later pick replaces the base's (or an earlier pick's).
    else top.set(tagOf(xml), xml);
  }
  return `<domain ${attr}>\n  ${[...top.values()].join('\n  ')}\n  <devices>\n    ${devices.join('\n    ')}\n  </devices>\n</domain>\n`;
}

const sequences = [
  (f) => `define ${f}; dumpxml ${NAME}; dumpxml --inactive ${NAME}; dumpxml --migratable ${NAME}; dominfo ${NAME}; start ${NAME}; dumpxml ${NAME}; dumpxml --security-info ${NAME}; dominfo ${NAME}; domstate --reason ${NAME}; list --all`,
  (f) => `create ${f}; dumpxml ${NAME}; dumpxml --inactive ${NAME}; suspend ${NAME}; domstate --reason ${NAME}; destroy ${NAME}; list --all`,
];
// RNG schema validation (define --validate) is not modelled yet; opt in to see those diffs.
if (args.includes('--schema')) sequences.push((f) => `define ${f}; undefine ${NAME}; define --validate ${f}`);

/** Values that are random or clock-driven on both sides. */
const volatile = [
  [/^(CPU time: +)\d+\.\d+s$/gm, '$1<t>'],
  [/52:54:00(:[0-9a-f]{2}){3}/g, '52:54:00:<mac>'],
  [/<genid>[0-9a-f-]{36}<\/genid>/g, '<genid/>'],
  [/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000: \d+: /gm, '<log-time>: <pid>: '],
];
const mask = (t) => volatile.reduce((acc, [re, to]) => acc.replace(re, to), t);

async function runOnce(program, cmd) {
  const r = await runCommand(program, ['-c', 'test:///default', cmd], {
    cwd: out,
    env: { PATH: process.env.PATH, HOME: out, LANG: 'C', LC_ALL: 'C', TERM: 'dumb' },
  });
  return r.code === undefined ? undefined : { stdout: mask(r.stdout), stderr: mask(r.stderr), code: r.code };
}

/** virsh's job-watching commands can miss their own completion and hang (see cases.mjs). */
async function run(program, cmd) {
  for (let i = 0; i < 5; i++) {
    const r = await runOnce(program, cmd);
    if (r) return r;
  }
  return { stdout: '', stderr: 'TIMEOUT', code: -1 };
}

function rng() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const docs = variants.filter(([n]) => n.includes(only)).map((v) => [v[0], [v]]);
const valid = variants.filter(([n]) => !n.endsWith('!'));
for (let i = 0; i < combos && !only; i++) {
  const picks = [];
  const k = 2 + Math.floor(rng() * 6);
  for (let j = 0; j < k; j++) picks.push(valid[Math.floor(rng() * valid.length)]);
  docs.push([`combo${i}`, picks]);
}

let failed = 0;
const jobs = docs.flatMap(([name, picks]) => {
  const file = `${name.replace(/[^\w.-]/g, '_')}.xml`;
  writeFileSync(join(out, file), document(picks));
  return sequences.map((seq, si) => ({ name, picks, si, cmd: seq(file) }));
});
async function check({ name, picks, si, cmd }) {
  const [a, b] = await Promise.all([run('virsh', cmd), run(join(root, 'bin/virsh-ts'), cmd)]);
  if (a.stdout === b.stdout && a.stderr === b.stderr && a.code === b.code) return;
  failed++;
  const d = spawnSync('bash', ['-c', 'diff -u <(printf %s "$A") <(printf %s "$B")'], {
    encoding: 'utf8',
    env: { A: `${a.stdout}\n--stderr--\n${a.stderr}\n--rc ${a.code}`, B: `${b.stdout}\n--stderr--\n${b.stderr}\n--rc ${b.code}` },
  }).stdout;
  writeFileSync(join(out, `${name}.seq${si}.diff`), `# ${cmd}\n${d}`);
  console.log(`DIFF ${name} seq${si} (${picks.map((p) => p[0]).join(' ')})`);
}
const queue = [...jobs];
await Promise.all(Array.from({ length: 3 }, async () => {
  while (queue.length) await check(queue.shift());
}));
console.log(`${jobs.length - failed} passed, ${failed} failed`);
