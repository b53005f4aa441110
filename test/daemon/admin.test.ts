// virtd-ts's admin socket against real virt-admin 9.0, compared in the same run with a real
// libvirtd's: the socket's permissions, what virt-admin prints for the commands the admin
// program serves, and how each socket refuses the other's program.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageStatus, MessageType, Program } from '../../src/core/rpc/constants.js';
import { encodePacket } from '../../src/core/rpc/header.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { startVirtd, type Virtd } from './virtd.js';
import { exchange, exchangeAs } from './wire.js';

const perms = 'unix_sock_admin_perms = "0600"';
/** The uid the test's libvirtd runs as (see test/helpers/libvirtd.ts). */
const libvirtdUid = () => statSync(libvirtd.adminSocket).uid;
let virtd: Virtd;
let libvirtd: Libvirtd;

beforeAll(async () => {
  [virtd, libvirtd] = await Promise.all([startVirtd([perms]), startLibvirtd({ sessionSockets: true, extra: [perms] })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([virtd?.stop(), libvirtd?.stop()]);
});

/**
 * virt-admin as the daemon's own user (libvirtd refuses admin clients of any other uid: the
 * test's libvirtd runs as nobody when the tests run as root). Each daemon's own words for
 * itself — its socket path, its main server's name, the clock — are masked.
 */
function virtAdmin(socket: string, server: string, command: string[], asUid?: number) {
  const argv = ['-c', `libvirtd:///session?socket=${socket}`, ...command.map((a) => (a === 'MAIN' ? server : a))];
  const [cmd, args] = asUid === undefined ? ['virt-admin', argv] : ['setpriv', ['--reuid', String(asUid), '--regid', String(asUid), '--clear-groups', 'virt-admin', ...argv]];
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C', TZ: 'UTC' },
    timeout: 30_000,
  });
  const same = (s: string) =>
    s
      .replaceAll(socket, 'SOCKET')
      // The server's name, not the URI scheme libvirtd:// that both URIs share.
      .replace(new RegExp(`\\b${server}\\b(?!:)`, 'g'), 'MAIN')
      .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d{4}/g, 'DATE');
  return { code: r.status, stdout: same(r.stdout), stderr: same(r.stderr) };
}

/** A table's rows as a set: the numbering column dropped, the rows sorted. */
function anyOrder<R extends { stdout: string }>(r: R): R {
  const [head, rule, ...rows] = r.stdout.split('\n');
  return { ...r, stdout: [head, rule, ...rows.map((l) => l.replace(/^ \d+ /, ' N ')).sort()].join('\n') };
}

describe('admin socket', () => {
  it('is created with unix_sock_admin_perms, as libvirtd creates it', () => {
    const mode = (path: string) => statSync(path).mode & 0o7777;
    expect(mode(virtd.adminSocket)).toBe(mode(libvirtd.adminSocket));
    expect(mode(virtd.adminSocket)).toBe(0o600);
  });

  // In this order on both daemons, so the admin clients' ids match too.
  const commands = [
    ['version'],
    ['uri'],
    ['srv-list'],
    ['srv-clients-info', 'MAIN'],
    ['srv-clients-info', 'admin'],
    ['client-list', 'MAIN'],
    ['client-list', 'admin'],
    ['client-list', 'nosuch'],
    ['srv-clients-info', 'nosuch'],
    ['client-disconnect', 'admin', '999'],
    ['client-disconnect', 'nosuch', '1'],
  ];
  for (const command of commands) {
    it(`virt-admin ${command.join(' ')}`, () => {
      const ours = virtAdmin(virtd.adminSocket, 'virtd-ts', command);
      const theirs = virtAdmin(libvirtd.adminSocket, 'libvirtd', command, libvirtdUid());
      // libvirtd lists its servers in the order of a hash table seeded at random per process.
      const unordered = command[0] === 'srv-list' ? anyOrder : (r: typeof ours) => r;
      expect(unordered(ours), virtd.log()).toEqual(unordered(theirs));
    });
  }

  const call = (prog: number, proc: number) =>
    encodePacket({ prog, vers: 1, proc, type: MessageType.CALL, serial: 7, status: MessageStatus.OK }, (w) => w.uint(0));

  it('refuses the remote program as libvirtd does', async () => {
    const bytes = call(Program.REMOTE, 1);
    expect(await exchange({ path: virtd.adminSocket }, bytes)).toEqual(await exchangeAs(libvirtdUid(), libvirtd.adminSocket, bytes));
  });

  it('the main socket refuses the admin program as libvirtd does', async () => {
    const bytes = call(Program.ADMIN, 1);
    expect(await exchange({ path: virtd.socket }, bytes)).toEqual(await exchange({ path: libvirtd.socket }, bytes));
  });
});
