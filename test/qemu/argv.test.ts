import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainXMLToNative, domainXMLFromNative } from '../../src/core/drivers/qemu/command/index.js';

/*
 * Our command line for each fixture domain against real virsh's `domxml-to-native qemu-argv`,
 * run live on a private qemu:///embed root. The fixtures are `virsh dumpxml` output of the
 * real QEMU driver, so defaults (controllers, PCI addresses, MACs) are already expanded.
 */
const FIXTURES = join(__dirname, 'fixtures/argv');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xml')).sort();
const good = files.filter((f) => !f.startsWith('bad-'));
const bad = files.filter((f) => f.startsWith('bad-'));

/* TAP descriptors are whatever numbers the process had free when libvirt opened /dev/net/tun. */
const normalise = (s: string) => s.replace(/"fd":"\d+"/g, '"fd":"N"');

let root: string;
const real = new Map<string, { out: string; err: string }>();

function runVirsh(cmds: string[]): { out: string; err: string } {
  const uri = `qemu:///embed?root=${root}`;
  try {
    const out = execFileSync('unshare', ['-m', join(FIXTURES, 'nokvm.sh'), 'virsh', '-c', uri, cmds.join('; ')], { cwd: FIXTURES, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    return { out, err: '' };
  } catch (e) {
    const x = e as { stdout: string; stderr: string };
    return { out: x.stdout, err: x.stderr };
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'argv-root-'));
  // One virsh process for all good fixtures (the QEMU probe is the slow part), markers between.
  const { out } = runVirsh(good.flatMap((f) => [`echo @@@${f}`, `domxml-to-native qemu-argv ${f}`]));
  for (const part of out.split(/^@@@/m).slice(1)) {
    const nl = part.indexOf('\n');
    real.set(part.slice(0, nl), { out: part.slice(nl + 1), err: '' });
  }
  // Failures one process each, so each error line is known to belong to its file.
  for (const f of bad) real.set(f, runVirsh([`domxml-to-native qemu-argv ${f}`]));
  real.set('format', runVirsh(['domxml-to-native native-foo minimal.xml']));
  real.set('from', runVirsh(['domxml-from-native qemu-argv minimal.xml']));
}, 900_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function ours(format: string, file: string): Promise<{ out: string; err: string }> {
  const ctx = { libDir: join(root, 'lib/qemu'), privileged: process.getuid?.() === 0, env: process.env };
  try {
    return { out: `${await domainXMLToNative(ctx, format, readFileSync(join(FIXTURES, file), 'utf8'), 0)}\n`, err: '' };
  } catch (e) {
    return { out: '', err: `error: ${(e as Error).message}\n` };
  }
}

describe('domxml-to-native qemu-argv vs real virsh', () => {
  for (const f of good) {
    it(f, async () => {
      expect(real.get(f)?.out).toMatch(/qemu-system/);
      expect(normalise((await ours('qemu-argv', f)).out)).toBe(normalise(real.get(f)!.out));
    });
  }
  for (const f of bad) {
    it(f, async () => {
      expect(real.get(f)!.err).toMatch(/^error: /);
      expect((await ours('qemu-argv', f)).err).toBe(real.get(f)!.err);
    });
  }
  it('unknown native format', async () => {
    expect((await ours('native-foo', 'minimal.xml')).err).toBe(real.get('format')!.err);
  });
  it('domxml-from-native is not supported', () => {
    let msg = '';
    try {
      domainXMLFromNative();
    } catch (e) {
      msg = `error: ${(e as Error).message}\n`;
    }
    expect(msg).toBe(real.get('from')!.err);
  });
});
