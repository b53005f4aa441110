// Live comparison: real virsh 9.0 and virsh-ts, each run against the same private libvirtd
// (test/helpers/libvirtd.ts), over the unix socket and over TCP. Each case runs once per
// program in one process, so the daemon's test:///default node is fresh for each run.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, runInSandbox, virshTs } from '../helpers/compare-runs.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { issue, makeCa, pkiDir } from '../helpers/pki.js';
import { makeSandbox } from '../helpers/sandbox.mjs';

const cases = loadCases(join(import.meta.dirname, 'remote.cases'));
const sandbox = makeSandbox('virsh-remote-');

/**
 * libvirt's stderr log lines start with a timestamp and the thread id; a warning about a
 * double close names an fd number that depends on what the parent left open.
 */
const maskLogPrefix = (text: string) =>
  text
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000: \d+: /gm, '@TIME@: @PID@: ')
    .replace(/Tried to close invalid fd \d+/g, 'Tried to close invalid fd @FD@');

function run(program: string, args: string[], uri: string) {
  const r = runInSandbox(sandbox, program, args, uri);
  return { ...r, stderr: maskLogPrefix(r.stderr) };
}

/**
 * The PKI: the daemon's CA signs its server certificate (for `localhost` only, so
 * 127.0.0.1 is a wrong hostname) and a client certificate; another CA signs a stray one.
 * Each pkipath= directory is one client situation.
 */
const pki = join(sandbox, 'pki');
const pkipath = (name: string) => join(pki, 'clients', name);
function makePki() {
  const ca = makeCa(pki, 'ca');
  const other = makeCa(pki, 'other-ca');
  const server = issue(ca, pki, 'server', 'server', ['DNS:localhost']);
  const client = issue(ca, pki, 'client', 'client');
  const stranger = issue(other, pki, 'stranger', 'client');
  pkiDir(pkipath('good'), ca.cert, client);
  pkiDir(pkipath('no-client-cert'), ca.cert);
  pkiDir(pkipath('client-cert-from-other-ca'), ca.cert, stranger);
  pkiDir(pkipath('trusts-other-ca'), other.cert, stranger);
  pkiDir(pkipath('no-ca'), undefined, client);
  return { key: server.key, cert: server.cert, ca: ca.cert };
}

/** ext transport helpers: a script bridging stdin/stdout to the daemon's socket, and one that dies. */
const script = (name: string, body: string) => {
  const path = join(sandbox, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return path;
};

/**
 * Real virsh, run again when it lost a race with a dying helper command: its write can
 * hit the closed socket first (killed by SIGPIPE without a word, or "client socket is
 * closed") instead of reading the helper's exit. virsh-ts always reports the exit.
 */
function runVirshSettled(args: string[], uri: string) {
  for (let i = 0; ; i++) {
    const r = run('virsh', args, uri);
    const lostRace = r.code === null || r.stderr.includes('internal error: client socket is closed');
    if (!lostRace || i === 10) return r;
  }
}

let daemon: Libvirtd;
beforeAll(async () => {
  daemon = await startLibvirtd({ tls: makePki() });
  script('ext-nc', `exec nc -U ${daemon.socket}`);
  script('ext-dies', 'echo "helper gave up" >&2; exit 3');
}, 120_000);
afterAll(async () => {
  await daemon?.stop();
  rmSync(sandbox, { recursive: true, force: true });
});

const tlsURI = (host: string, pki: string, extra = '') =>
  `test+tls://${host}:${daemon.tlsPort}/default?pkipath=${pkipath(pki)}${extra}`;

const transports = {
  unix: () => daemon.unixURI,
  tcp: () => daemon.tcpURI,
  tls: () => tlsURI('localhost', 'good'),
  ext: () => `test+ext:///default?command=${join(sandbox, 'ext-nc')}`,
};

for (const [transport, uriOf] of Object.entries(transports)) {
  describe(`remote driver over ${transport}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const uri = uriOf();
        const want = run('virsh', c.args, uri);
        const got = run(virshTs, c.args, uri);
        expect(got, `libvirtd log:\n${daemon.log()}`).toEqual(want);
      });
    }
  });
}

describe('remote driver failures', () => {
  const failures = [
    ['no daemon on the socket', () => `test+unix:///default?socket=${join(sandbox, 'missing-sock')}`],
    ['nothing listening on the port', () => 'test+tcp://127.0.0.1:1/default'],
    ['unknown driver on the daemon', () => daemon.unixURI.replace('test+unix', 'foo+unix')],
    ['tls: server name not in its certificate', () => tlsURI('127.0.0.1', 'good')],
    ['tls: wrong server name with no_verify', () => tlsURI('127.0.0.1', 'good', '&no_verify=1')],
    ['tls: no client certificate', () => tlsURI('localhost', 'no-client-cert')],
    ['tls: our certificate from another CA', () => tlsURI('localhost', 'client-cert-from-other-ca')],
    ['tls: server certificate from an untrusted CA', () => tlsURI('localhost', 'trusts-other-ca')],
    ['tls: untrusted server with no_verify', () => tlsURI('localhost', 'trusts-other-ca', '&no_verify=1')],
    ['tls: no CA certificate', () => tlsURI('localhost', 'no-ca')],
    ['tls: missing pkipath', () => tlsURI('localhost', 'nonexistent')],
    ['tls: no_sanity with a foreign client certificate', () => tlsURI('localhost', 'client-cert-from-other-ca', '&no_sanity=1')],
    ['tls: bad no_verify value', () => tlsURI('localhost', 'good', '&no_verify=yes')],
    ['bad URI: unknown transport', () => 'test+carrier-pigeon:///default'],
    ['bad URI: unix socket with a server', () => 'test+unix://somehost/default'],
    ['bad URI: flag that is not a number', () => `${daemon.tcpURI}?no_verify=maybe`],
    ['ssh: native proxy with netcat', () => 'test+ssh://127.0.0.1/default?proxy=native&netcat=nc&no_tty=1&keyfile=/nonexistent'],
    ['bad URI: unknown proxy', () => 'test+ssh://127.0.0.1/default?proxy=pigeon'],
    ['ext: command not in PATH', () => 'test+ext:///default?command=no-such-helper'],
    ['ext: command that cannot run', () => `test+ext:///default?command=${join(sandbox, 'pki')}`],
    ['ext: command exits at once', () => `test+ext:///default?command=${join(sandbox, 'ext-dies')}`],
    ['ext: no command', () => 'test+ext:///default'],
    ['tls: nothing listening', () => `test+tls://localhost:1/default?pkipath=${pkipath('good')}`],
  ] as const;
  for (const [name, uri] of failures) {
    it(name, () => {
      expect(run(virshTs, ['list'], uri())).toEqual(runVirshSettled(['list'], uri()));
    });
  }
});
