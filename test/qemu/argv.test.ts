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
let tsRoot: string;
const real = new Map<string, { out: string; err: string; code: number }>();

type Run = { out: string; err: string; code: number };

function run(argv: string[]): Run {
  try {
    const out = execFileSync(argv[0], argv.slice(1), { cwd: FIXTURES, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    return { out, err: '', code: 0 };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; status: number };
    return { out: x.stdout, err: x.stderr, code: x.status };
  }
}

function runVirsh(cmds: string[]): Run {
  return run(['unshare', '-m', join(FIXTURES, 'nokvm.sh'), 'virsh', '-c', `qemu:///embed?root=${root}`, cmds.join('; ')]);
}

/* virsh-ts on its own root: its capabilities cache is not libvirt's, so the two never share one. */
function runVirshTs(cmds: string[]): Run {
  const r = run([join(__dirname, '../../bin/virsh-ts'), '-c', `qemu:///embed?root=${tsRoot}`, cmds.join('; ')]);
  return { ...r, out: r.out.split(tsRoot).join(root) };
}

/* Commands compared through the whole stack (virsh-ts's QEMU driver with its own defaults). */
const CLI_CASES = [
  'domxml-to-native qemu-argv minimal.xml',
  'domxml-to-native qemu-argv raw/disks.xml',
  'domxml-to-native qemu-argv raw/kernel-boot-nets.xml',
  'domxml-to-native qemu-argv bad-disk-bus.xml',
  'domxml-to-native qemu-argv bad-pit-merge.xml',
  'domxml-to-native native-foo minimal.xml',
  'domxml-to-native qemu-argv',
  'domxml-from-native qemu-argv minimal.xml',
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'argv-root-'));
  tsRoot = mkdtempSync(join(tmpdir(), 'argv-ts-root-'));
  // One virsh process for all good fixtures (the QEMU probe is the slow part), markers between.
  const { out } = runVirsh(good.flatMap((f) => [`echo @@@${f}`, `domxml-to-native qemu-argv ${f}`]));
  for (const part of out.split(/^@@@/m).slice(1)) {
    const nl = part.indexOf('\n');
    real.set(part.slice(0, nl), { out: part.slice(nl + 1), err: '', code: 0 });
  }
  // Failures one process each, so each error line is known to belong to its file.
  for (const f of bad) real.set(f, runVirsh([`domxml-to-native qemu-argv ${f}`]));
  real.set('format', runVirsh(['domxml-to-native native-foo minimal.xml']));
  real.set('from', runVirsh(['domxml-from-native qemu-argv minimal.xml']));
  for (const c of CLI_CASES) real.set(`cli:${c}`, runVirsh([c]));
}, 900_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(tsRoot, { recursive: true, force: true });
});

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

describe('virsh-ts domxml-to-native / domxml-from-native vs real virsh (needs a built dist)', () => {
  for (const c of CLI_CASES) {
    it(c, () => {
      const want = real.get(`cli:${c}`)!;
      const got = runVirshTs([c]);
      expect({ ...got, out: normalise(got.out) }).toEqual({ ...want, out: normalise(want.out) });
    });
  }
});
