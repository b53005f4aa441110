// The tiny guest's build: two processes asking at once for a guest not yet in the cache get
// one build between them; disk images come out in the format asked for.
import { execa } from 'execa';
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskImage } from '../helpers/guest.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'virsh-ts-guest-test-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the tiny guest', () => {
  it('is built once for two processes asking at the same time', async () => {
    const script = join(dir, 'build-guest.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, 'fixtures', 'build-guest.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'warning',
      // execa is CommonJS inside; the bundle needs a require for its built-ins.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const cache = join(dir, 'cache');
    const run = () => execa('node', [script], { env: { VIRSH_TS_GUEST_CACHE: cache }, timeout: 300_000 });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.stdout).toBe(b.stdout);
    const guest = JSON.parse(a.stdout);
    expect(statSync(guest.kernel).size).toBeGreaterThan(0);
    expect(statSync(guest.initrd).size).toBeGreaterThan(0);
    expect(guest.cmdline).toContain('console=ttyS0');
    // One finished guest, and neither a lock nor a build directory left behind.
    expect(readdirSync(cache)).toEqual([guest.kernel.split('/').at(-2)]);
  }, 300_000);

  it('makes raw and qcow2 disk images of the size asked for', async () => {
    for (const format of ['raw', 'qcow2'] as const) {
      const path = await createDiskImage(join(dir, `disk.${format}`), format, 8);
      const info = JSON.parse((await execa('qemu-img', ['info', '--output=json', path])).stdout);
      expect(info).toMatchObject({ format, 'virtual-size': 8 * 1024 * 1024 });
    }
  });
});
