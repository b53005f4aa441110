// Differential tester over a corpus of XML documents (libvirt's own test data, say): each
// file is defined as the object its root element names and dumped back, through real virsh
// 9.0 and bin/virsh-ts on test:///default; prints each file whose output differs.
//   node scripts/difftest/corpus.mjs DIR... [--out FILE] [--jobs N] [--only SUBSTR]
// e.g. the unpacked libvirt 9.0 source's tests/genericxml2xmlindata, tests/networkxml2xmlin,
// tests/storagepoolxml2xmlin, tests/nwfilterxml2xmlin, tests/qemuxml2argvdata.
// Needs real virsh (libvirt-clients) and a built dist/ (npm run build).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './spawn.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const out = resolve(opt('--out', '/tmp/difftest-corpus.json'));
const jobs = Number(opt('--jobs', 2));
const only = opt('--only', '');
const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((d) => resolve(d));

const quote = (w) => `'${w.replaceAll("'", "'\\''")}'`;
const first = (xml, re) => re.exec(xml)?.[1]?.trim() ?? '';

/** The command line that defines a document as its root element's object and dumps it. */
const sequences = {
  domain: (f, xml) => {
    const n = quote(first(xml, /<name>([^<]*)<\/name>/));
    return `define ${f}; dumpxml ${n}; start ${n}; dumpxml ${n}; dominfo ${n}`;
  },
  network: (f, xml) => {
    const n = quote(first(xml, /<name>([^<]*)<\/name>/));
    return `net-define ${f}; net-dumpxml ${n}; net-start ${n}; net-dumpxml ${n}; net-info ${n}`;
  },
  pool: (f, xml) => {
    const n = quote(first(xml, /<name>([^<]*)<\/name>/));
    return `pool-define ${f}; pool-dumpxml ${n}; pool-info ${n}`;
  },
  volume: (f, xml) => `vol-create default-pool ${f}; vol-dumpxml --pool default-pool ${quote(first(xml, /<name>([^<]*)<\/name>/))}`,
  interface: (f, xml) => `iface-define ${f}; iface-dumpxml ${quote(first(xml, /<interface[^>]*\sname=["']([^"']*)["']/))}`,
  device: (f) => `nodedev-define ${f}; nodedev-list --inactive; nodedev-create ${f}; nodedev-list`,
  secret: (f, xml) => `secret-define ${f}; secret-list; secret-dumpxml ${quote(first(xml, /<uuid>([^<]*)<\/uuid>/))}`,
  filter: (f, xml) => `nwfilter-define ${f}; nwfilter-dumpxml ${quote(first(xml, /<filter[^>]*\sname=["']([^"']*)["']/))}`,
  domainsnapshot: (f, xml) => `snapshot-create test ${f}; snapshot-dumpxml test ${quote(first(xml, /<name>([^<]*)<\/name>/))}`,
  domaincheckpoint: (f, xml) => `checkpoint-create test ${f}; checkpoint-dumpxml test ${quote(first(xml, /<name>([^<]*)<\/name>/))}`,
  domainbackup: (f) => `backup-begin test ${f}; backup-dumpxml test`,
  networkport: (f) => `net-port-create default ${f}; net-port-list default`,
};

const rootOf = (xml) => /<([A-Za-z][\w:.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1];

const cases = [];
for (const dir of dirs) {
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.xml') || !f.includes(only)) continue;
    const xml = readFileSync(join(dir, f), 'utf8');
    const seq = sequences[rootOf(xml)];
    if (seq) cases.push({ dir, file: f, line: seq(f, xml) });
  }
}

const env = { PATH: process.env.PATH, HOME: '/tmp', LANG: 'C', LIBVIRT_DEFAULT_URI: 'test:///default' };
const mask = (s) =>
  s
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000: \d+: /gm, '<log-time>: <pid>: ')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/52:54:00(:[0-9a-f]{2}){3}/g, '52:54:00:<mac>')
    .replace(/CPU time:\s+\S+/g, 'CPU time: X')
    .replace(/(snapshot|checkpoint|backup) \d{10}\b/g, '$1 EPOCH')
    .replace(/<creationTime>\d+<\/creationTime>/g, '<creationTime/>');

const diffs = [];
let next = 0;
async function worker() {
  while (next < cases.length) {
    const c = cases[next++];
    const theirs = await runCommand('virsh', [c.line], { cwd: c.dir, env });
    if (theirs.code === undefined) continue;
    const ours = await runCommand(join(root, 'bin/virsh-ts'), [c.line], { cwd: c.dir, env });
    const [a, b] = [theirs, ours].map((r) => ({ code: r.code, stdout: mask(r.stdout), stderr: mask(r.stderr) }));
    if (a.code !== b.code || a.stdout !== b.stdout || a.stderr !== b.stderr) {
      diffs.push({ ...c, virsh: a, ours: b });
      const al = (a.stdout + a.stderr).split('\n');
      const bl = (b.stdout + b.stderr).split('\n');
      const i = al.findIndex((l, k) => l !== bl[k]);
      console.log(`≠ ${c.file} (${a.code}/${b.code}) line ${i}:\n  virsh: ${JSON.stringify(al[i] ?? '').slice(0, 160)}\n  ours:  ${JSON.stringify(bl[i] ?? '').slice(0, 160)}`);
    }
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
writeFileSync(out, JSON.stringify(diffs, null, 1));
console.log(`${diffs.length} of ${cases.length} documents differ (details in ${out})`);
