// Differential tester over the whole command table: every virsh 9.0 command bare, with
// test:///default's objects as its data arguments, then with each of its options, run
// through real virsh and bin/virsh-ts; prints each case whose exit code, stdout or stderr
// differ (timestamps and CPU times masked) and writes them all to --out.
//   node scripts/difftest/commands.mjs [--only REGEX] [--out FILE] [--jobs N] [--random N --seed S]
// --random N instead runs N seeded random lines: a command with a random set of its options,
// values drawn from good and bad ones (the conformance fixtures for files), after a random
// change of test:///default's state.
// Needs real virsh (libvirt-clients) and a built dist/ (npm run build).
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runCommand } from './spawn.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const only = opt('--only', '');
const out = resolve(opt('--out', '/tmp/difftest-commands.json'));
const jobs = Number(opt('--jobs', 2));
const random = Number(opt('--random', 0));
let seed = Number(opt('--seed', 1));

/** Commands that wait for a terminal or an event, or leave the shell. */
const skipped = new Set(['console', 'event', 'net-event', 'pool-event', 'nodedev-event', 'secret-event', 'qemu-monitor-event', 'cd', 'connect', 'quit', 'exit', 'self-test']);
/** Options virsh-ts adds beyond virsh (documented in the man page). */
const extensions = new Set(['json']);
/** test:///default's objects, by the name of the data option that takes them. */
const objects = { domain: 'test', network: 'default', pool: 'default-pool', vol: 'disk1.img', interface: 'eth1', device: 'computer', snapshotname: 's1', checkpointname: 'c1' };

const registry = await build({ entryPoints: [join(root, 'src/commands/registry.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' });
const { allCommands } = await import(`data:text/javascript;base64,${Buffer.from(registry.outputFiles[0].text).toString('base64')}`);

const commands = allCommands().filter((c) => !c.aliasOf && !skipped.has(c.name) && new RegExp(only).test(c.name));
const fixtures = join(root, 'test/conformance/fixtures');
const lines = random ? randomLines(random) : tableLines();
if (process.env.SHOW_LINES) console.log(lines.map((l) => l.join(" ")).join("\n"));

function tableLines() {
  const lines = [];
  for (const c of commands) {
    lines.push([c.name]);
    const data = [];
    for (const o of c.opts.filter((o) => o.type === 'data')) {
      if (!(o.name in objects)) break;
      data.push(objects[o.name]);
    }
    if (data.length) lines.push([c.name, ...data]);
    for (const o of c.opts) {
      if (extensions.has(o.name)) continue;
      if (o.type === 'bool') lines.push([c.name, ...data, `--${o.name}`]);
      if (o.type === 'string' || o.type === 'int') lines.push([c.name, ...data, `--${o.name}`, o.type === 'int' ? '-1' : 'x']);
    }
  }
  return lines;
}

/** Fixture XML files of the group a command belongs to. */
function xmlFiles(cmd) {
  const dir = cmd.startsWith('net') ? 'network'
    : /^(pool|vol)/.test(cmd) ? 'storage'
    : cmd.startsWith('iface') ? 'interface'
    : cmd.startsWith('nodedev') ? 'nodedev'
    : cmd.startsWith('secret') ? 'secret'
    : /snapshot|checkpoint/.test(cmd) ? 'snapshot'
    : /device|attach|detach/.test(cmd) ? 'domain-devices'
    : 'domain';
  return readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.xml')).map((f) => `${dir}/${f}`);
}

function randomLines(n) {
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const ints = ['0', '1', '2', '-1', '3', '1024', '4294967296', '99999999999999999999', 'abc', '1.5', '1k', '+5'];
  const strings = ['x', '', 'test', '1', 'vda', 'hda', 'default', 'eth1', 'ethernet', 'network', 'bridge', 'disk1.img', '1G', '10M', '-1', '0', 'yes', 'no', 'raw', 'qcow2', 'on', 'off', 'none', 'missing.xml', 'a,b'];
  const values = { ...objects, domain: ['test', 'test', 'test', 'nosuch', '1', '6695eb01-f6a4-8304-79aa-97f2502e193f', '-1'] };
  const prefixes = ['', '', '', 'destroy test; ', 'suspend test; ', 'undefine test; ', 'managedsave test; ', 'snapshot-create-as test s1; ', 'net-destroy default; ', 'pool-destroy default-pool; ', 'checkpoint-create-as test c1; '];
  const valueOf = (c, o) => {
    if (o.type === 'int') return pick(ints);
    if (/file|xml/.test(o.name) && rand() < 0.8) return pick([...xmlFiles(c.name), 'missing.xml']);
    const known = values[o.name];
    if (Array.isArray(known)) return pick(known);
    return known !== undefined && rand() < 0.7 ? known : pick(strings);
  };
  const quote = (w) => (/^[\w./:,=+-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`);
  const lines = [];
  while (lines.length < n) {
    const c = pick(commands);
    const words = [];
    for (const o of c.opts) {
      if (extensions.has(o.name) || o.type === 'alias' || rand() >= (o.required ? 0.9 : 0.3)) continue;
      if (o.type === 'bool') words.push(`--${o.name}`);
      else if ((o.type === 'data' || o.type === 'argv') && rand() < 0.7) words.push(quote(valueOf(c, o)));
      else words.push(`--${o.name}`, quote(valueOf(c, o)));
    }
    lines.push([`${pick(prefixes)}${[c.name, ...words].join(' ')}`]);
  }
  return lines;
}

const cwd = mkdtempSync(join(tmpdir(), 'difftest-commands-'));
cpSync(fixtures, cwd, { recursive: true });
const env = { PATH: process.env.PATH, HOME: cwd, LANG: 'C', LIBVIRT_DEFAULT_URI: 'test:///default', EDITOR: 'true', VISUAL: 'true' };
const run = (cmd, argv) => runCommand(cmd, argv, { cwd, env });
const mask = (s) =>
  s
    .replace(/\d{4}-\d\d-\d\d-\d\d:\d\d:\d\d/g, 'TIMESTAMP')
    .replace(/(snapshot|checkpoint) \d{10}\b/g, '$1 EPOCH')
    .replace(/CPU time:\s+\S+/g, 'CPU time: X')
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000: \d+: /gm, '<log-time>: <pid>: ');
const differ = (a, b) => a.code !== b.code || mask(a.stdout) !== mask(b.stdout) || mask(a.stderr) !== mask(b.stderr);

const diffs = [];
let next = 0;
async function worker() {
  while (next < lines.length) {
    const line = lines[next++];
    const theirs = await run('virsh', line);
    if (theirs.code === undefined) continue;
    const ours = await run(join(root, 'bin/virsh-ts'), line);
    if (differ(theirs, ours)) {
      diffs.push({ line, virsh: theirs, ours });
      console.log(`≠ ${line.join(' ')}\n  virsh: ${theirs.code} ${JSON.stringify(theirs.stderr || theirs.stdout).slice(0, 200)}\n  ours:  ${ours.code} ${JSON.stringify(ours.stderr || ours.stdout).slice(0, 200)}`);
    }
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
rmSync(cwd, { recursive: true, force: true });
writeFileSync(out, JSON.stringify(diffs, null, 1));
console.log(`${diffs.length} of ${lines.length} command lines differ (details in ${out})`);
