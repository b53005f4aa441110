// Real virsh 9.0 (and virsh-ts) run the foundation's conformance cases against virtd-ts over
// unix, tcp, tls (client certificates) and ssh (a real sshd) and must print the goldens
// recorded against virsh's in-process test:///default.
// Where libvirt's remote path itself prints something else (the URI virsh echoes, keepalive
// being available), the expectation is real virsh against a real libvirtd instead.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenDir, loadCaseFiles, normalize, runCase } from '../conformance/cases.mjs';
import { canConnect, freePort } from '../helpers/daemon-process.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { issue, makeCa, pkiDir } from '../helpers/pki.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';
import { startVirtd, type Virtd } from './virtd.js';

const virshTs = join(import.meta.dirname, '..', '..', 'bin', 'virsh-ts');

const files = [
  'domain.cases',
  'domain-save.cases',
  'network.cases',
  'pool.cases',
  'volume.cases',
  'interface.cases',
  'snapshot.cases',
  'checkpoint.cases',
  'host.cases',
  'nodedev.cases',
  'secret.cases',
  'nwfilter.cases',
  'readonly.cases',
];

/** Cases whose remote output genuinely differs from the in-process driver's. */
const liveOnly = new Set(['uri', 'chain', 'ro-uri', 'ka-interval', 'ka-count', 'ka-readonly']);

/** Cases the daemon cannot serve yet, and why (see the issue's remaining work). */
const notServed: Record<string, string> = {};
interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

/** Cases that reach the daemon: no URI of their own and no environment of their own. */
const selected = loadCaseFiles()
  .filter(({ file }) => files.includes(file))
  .map(({ file, cases }) => ({
    file,
    golden: JSON.parse(readFileSync(join(goldenDir, file.replace(/\.cases$/, '.json')), 'utf8')) as Record<string, Result>,
    cases: cases.filter(
      (c) =>
        !notServed[c.name] &&
        Object.keys(c.env).length === 0 &&
        !c.args.some((a: string) => /^(-c|--connect)/.test(a) || /(^|[;\s])connect\b/.test(a)),
    ),
  }));

const sandbox = mkdtempSync(join(tmpdir(), 'virtd-conformance-'));
/** The ssh leg's known_hosts, naming the test sshd's host key. */
const knownHosts = join(sandbox, 'known_hosts');

function run(program: string, c: { args: string[]; stdin?: string; env: Record<string, string> }, uri: string): Result {
  const r = runCase(program, { ...c, env: { LIBVIRT_DEFAULT_URI: uri } }) as Result;
  return { code: r.code, stdout: normalize(r.stdout), stderr: normalize(r.stderr) };
}

let virtd: Virtd;
let libvirtd: Libvirtd;
let sshd: Sshd;
let tlsPort: number;
let pkipath: string;
beforeAll(async () => {
  const pki = join(sandbox, 'pki');
  const ca = makeCa(pki, 'ca');
  const server = issue(ca, pki, 'server', 'server', ['DNS:localhost', 'IP:127.0.0.1']);
  pkipath = pkiDir(join(pki, 'client'), ca.cert, issue(ca, pki, 'client', 'client'));
  const files = { key: server.key, cert: server.cert, ca: ca.cert };
  tlsPort = await freePort();
  [virtd, libvirtd, sshd] = await Promise.all([
    startVirtd(['listen_tls = 1', `tls_port = "${tlsPort}"`, `key_file = "${files.key}"`, `cert_file = "${files.cert}"`, `ca_file = "${files.ca}"`]),
    startLibvirtd({ tls: files }),
    startSshd(),
  ]);
  writeFileSync(knownHosts, sshd.knownHostsLine);
  // The TLS listener opens after the ones startVirtd waits for.
  while (!(await canConnect({ host: '127.0.0.1', port: tlsPort }))) await new Promise((r) => setTimeout(r, 50));
}, 120_000);
afterAll(async () => {
  await Promise.all([virtd?.stop(), libvirtd?.stop(), sshd?.stop()]);
  rmSync(sandbox, { recursive: true, force: true });
});

const tlsURI = (port: number) => `test+tls://localhost:${port}/default?pkipath=${pkipath}`;
/** libssh2, which takes known_hosts from the URI (OpenSSH reads the passwd entry's home, not $HOME). */
const sshURI = (socket: string) =>
  `test+libssh2://root@127.0.0.1:${sshd.port}/default?socket=${socket}&keyfile=${sshd.keyfile}&known_hosts=${knownHosts}`;

/** Where each transport reaches virtd-ts, and libvirtd for the cases compared live. */
const uris = {
  unix: () => [virtd.unixURI, libvirtd.unixURI],
  tcp: () => [virtd.tcpURI, libvirtd.tcpURI],
  tls: () => [tlsURI(tlsPort), tlsURI(libvirtd.tlsPort!)],
  ssh: () => [sshURI(virtd.socket), sshURI(libvirtd.socket)],
} satisfies Record<string, () => [string, string]>;

function expected(golden: Record<string, Result>, c: { name: string; args: string[]; stdin?: string; env: Record<string, string> }, uri: () => string): Result {
  if (liveOnly.has(c.name)) return run('virsh', c, uri());
  const w = golden[c.name];
  return { code: w.code, stdout: normalize(w.stdout), stderr: normalize(w.stderr) };
}

/** The URI as each program echoes it: the daemon's path replaced by libvirtd's for live cases. */
const sameURI = (r: Result, from: string, to: string): Result => ({ ...r, stdout: r.stdout.replaceAll(from, to) });

/** Every file over unix with real virsh; the other transports and virsh-ts on a subset, to bound CI time. */
const legs = [
  ['unix', 'virsh', files],
  ['tcp', 'virsh', ['domain.cases', 'network.cases', 'host.cases', 'readonly.cases']],
  ['tls', 'virsh', ['domain.cases', 'host.cases']],
  ['ssh', 'virsh', ['domain.cases', 'host.cases']],
  ['unix', virshTs, ['domain.cases', 'network.cases', 'pool.cases', 'volume.cases', 'snapshot.cases']],
  ['tls', virshTs, ['host.cases']],
  ['ssh', virshTs, ['host.cases']],
] as const;

for (const [transport, program, only] of legs) {
  const who = program === 'virsh' ? 'real virsh' : 'virsh-ts';
  for (const { file, golden, cases } of selected.filter((f) => (only as readonly string[]).includes(f.file))) {
    describe(`${who} → virtd-ts over ${transport}: ${file}`, () => {
      for (const c of cases) {
        it(`${c.name}: ${c.args.join(' ')}`, () => {
          const [ours, live] = uris[transport]();
          const theirs = () => live;
          const got = sameURI(run(program, c, ours), ours, liveOnly.has(c.name) ? theirs() : ours);
          expect(got, `virtd-ts log:\n${virtd.log()}`).toEqual(expected(golden, c, theirs));
        });
      }
    });
  }
}
