// Differential tester over the whole command table: every virsh 9.0 command bare, with
// test:///default's objects as its data arguments, then with each of its options, run
// through real virsh and bin/virsh-ts; prints each case whose exit code, stdout or stderr
// differ (timestamps and CPU times masked) and writes them all to --out.
//   node scripts/difftest/commands.mjs [--only SUBSTR] [--out FILE] [--jobs N]
// Needs real virsh (libvirt-clients) and a built dist/ (npm run build).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Commands that wait for a terminal or an event, or leave the shell. */
const skipped = new Set(['console', 'event', 'net-event', 'pool-event', 'nodedev-event', 'secret-event', 'qemu-monitor-event', 'cd', 'connect', 'quit', 'exit', 'self-test']);
/** Options virsh-ts adds beyond virsh (documented in the man page). */
const extensions = new Set(['json']);
/** test:///default's objects, by the name of the data option that takes them. */
const objects = { domain: 'test', network: 'default', pool: 'default-pool', vol: 'disk1.img', interface: 'eth1', device: 'computer', snapshotname: 's1', checkpointname: 'c1' };

const registry = await build({ entryPoints: [join(root, 'src/commands/registry.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' });
const { allCommands } = await import(`data:text/javascript;base64,${Buffer.from(registry.outputFiles[0].text).toString('base64')}`);

const lines = [];
for (const c of allCommands()) {
  if (c.aliasOf || skipped.has(c.name) || !c.name.includes(only)) continue;
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

const cwd = mkdtempSync(join(tmpdir(), 'difftest-commands-'));
const env = { PATH: process.env.PATH, HOME: cwd, LANG: 'C', LIBVIRT_DEFAULT_URI: 'test:///default', EDITOR: 'true', VISUAL: 'true' };
const run = (cmd, argv) => runCommand(cmd, argv, { cwd, env });
const mask = (s) =>
  s
    .replace(/\d{4}-\d\d-\d\d-\d\d:\d\d:\d\d/g, 'TIMESTAMP')
    .replace(/(snapshot|checkpoint) \d{10}\b/g, '$1 EPOCH')
    .replace(/CPU time:\s+\S+/g, 'CPU time: X');
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
