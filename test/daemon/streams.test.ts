// Streams across the RPC layer. virsh-ts as a client of a real libvirtd: vol-upload and
// vol-download through libvirtd's own storage driver (qemu+unix:///session) round-trip a
// file exactly as real virsh does; screenshot streams the test driver's image. virtd-ts as
// a daemon: real virsh and virsh-ts take the same screenshot from it, and calls the test
// driver lacks (vol-upload/vol-download) fail with the same errors as everywhere else.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { startVirtd, type Virtd } from './virtd.js';

const here = dirname(fileURLToPath(import.meta.url));
const virshTs = join(here, '..', '..', 'bin', 'virsh-ts');
const work = mkdtempSync(join(tmpdir(), 'virsh-streams-'));

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function virsh(program: string, uri: string, cmd: string): Run {
  const r = spawnSync(program, ['-c', uri, cmd], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work, LANG: 'C', LC_ALL: 'C' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/**
 * Runs `cmd` with real virsh and virsh-ts; `who` names their own files and volumes
 * ('virsh' / 'vshts', the same length), and virsh-ts's name is mapped back in its output.
 */
function both(uri: string, cmd: (who: string) => string): { want: Run; got: Run } {
  const got = virsh(virshTs, uri, cmd('vshts'));
  const back = (t: string) => t.replaceAll('vshts', 'virsh');
  return { want: virsh('virsh', uri, cmd('virsh')), got: { ...got, stdout: back(got.stdout), stderr: back(got.stderr) } };
}

const read = (name: string) => readFileSync(join(work, name));

/** 600,000 bytes that are not all alike, so a lost or reordered packet shows. */
const payload = Buffer.from(Array.from({ length: 600_000 }, (_, i) => (i * 7919 + (i >> 11)) & 0xff));
writeFileSync(join(work, 'payload.bin'), payload);

let libvirtd: Libvirtd;
let virtd: Virtd;
beforeAll(async () => {
  [libvirtd, virtd] = await Promise.all([startLibvirtd(), startVirtd()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([libvirtd?.stop(), virtd?.stop()]);
  rmSync(work, { recursive: true, force: true });
});

describe('streams against real libvirtd', () => {
  const session = () => libvirtd.unixURI.replace('test+unix:///default', 'qemu+unix:///session');

  it('vol-upload then vol-download round-trips the file as virsh does', () => {
    const pool = `pool-create-as up dir --target ${join(libvirtd.dir, 'pool')}`;
    expect(virsh('virsh', session(), `${pool} --build`).code).toBe(0);
    const { want, got } = both(session(), (who) => `vol-create-as up ${who} 1M; vol-upload --pool up ${who} payload.bin; vol-download --pool up ${who} down-${who}.bin`);
    expect(got).toEqual(want);
    expect(read('down-vshts.bin').equals(read('down-virsh.bin'))).toBe(true);
    expect(read('down-vshts.bin').subarray(0, payload.length).equals(payload)).toBe(true);
    // Each reads back what the other wrote.
    const cross = both(session(), (who) => `vol-download --pool up ${who === 'vshts' ? 'virsh' : 'vshts'} cross-${who}.bin --offset 4096 --length 300000`);
    expect(cross.got).toEqual(cross.want);
    expect(read('cross-vshts.bin').equals(read('cross-virsh.bin'))).toBe(true);
  });

  it('a sparse download: holes arrive as holes and read back as zeros', () => {
    const { want, got } = both(session(), (who) =>
      `vol-create-as up sp-${who} 4M; vol-upload --pool up sp-${who} payload.bin --offset 2097152; vol-download --pool up sp-${who} sp-${who}.bin --sparse`,
    );
    expect(got).toEqual(want);
    expect(read('sp-vshts.bin').equals(read('sp-virsh.bin'))).toBe(true);
    expect(read('sp-virsh.bin').subarray(2097152, 2097152 + payload.length).equals(payload)).toBe(true);
  });

  it('stream failures read the same', () => {
    for (const cmd of [
      'vol-upload --pool up virsh no-such-file.bin',
      'vol-upload --pool up no-such-vol payload.bin',
      'vol-download --pool up virsh no-such-dir/out.bin',
      'vol-download --pool up no-such-vol out.bin',
    ]) {
      const { want, got } = both(session(), () => cmd);
      expect(got, cmd).toEqual(want);
    }
  });

  it('screenshot from the test driver', () => {
    const { want, got } = both(libvirtd.unixURI, (who) => `screenshot test shot-l-${who}.png`);
    expect(got).toEqual(want);
    expect(read('shot-l-vshts.png').equals(read('shot-l-virsh.png'))).toBe(true);
  });
});

describe('streams served by virtd-ts', () => {
  it('screenshot: real virsh and virsh-ts get the image libvirtd gives', () => {
    const { want, got } = both(virtd.unixURI, (who) => `screenshot test shot-v-${who}.png`);
    expect(want.code).toBe(0);
    expect(got).toEqual(want);
    expect(read('shot-v-virsh.png').equals(read('shot-l-virsh.png'))).toBe(true);
    expect(read('shot-v-vshts.png').equals(read('shot-v-virsh.png'))).toBe(true);
  });

  it('vol-upload / vol-download on test:///default fail as through libvirtd', () => {
    const cmd = 'vol-create-as default-pool v1 1M; vol-upload --pool default-pool v1 payload.bin; vol-download --pool default-pool v1 out.bin';
    const viaLibvirtd = virsh('virsh', libvirtd.unixURI, cmd);
    const { want, got } = both(virtd.unixURI, () => cmd);
    expect(want).toEqual(viaLibvirtd);
    expect(got).toEqual(want);
  });
});
