// Runs real virsh 9.0 and virsh-ts side by side on qemu:///embed roots of their own, and masks
// the values libvirt makes up at random (generated UUIDs and MAC addresses, the host UUID of a
// machine without DMI) so the rest can be compared byte for byte.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repo, 'test', 'qemu', 'fixtures');
const tsBin = join(repo, 'bin', 'virsh-ts');

export interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

/** The environment every compared virsh runs with: the C locale, nothing of the caller's. */
export const childEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LC_ALL: 'C', LANG: 'C' };

export function runBin(bin: string, args: string[], cwd = fixtures): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      bin,
      args,
      { cwd, env: childEnv, timeout: 280_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
        resolve({ stdout, stderr, code });
      },
    );
  });
}

/**
 * A private qemu:///embed root whose qemu.conf runs QEMU as root. Real libvirt 9.0 checks that
 * qemu.conf's user can open /dev/kvm; with Debian's default user (libvirt-qemu) and a
 * root-only /dev/kvm it throws its probe cache away in every process and probes QEMU again,
 * which takes from 8 s to over a minute on this host.
 */
export function embedRoot(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, 'etc'));
  writeFileSync(join(root, 'etc', 'qemu.conf'), 'user = "root"\ngroup = "root"\n');
  return root;
}

/** One private root for real virsh and one for virsh-ts. */
export class EmbedPair {
  readonly realRoot = embedRoot('qemu-embed-real-');
  readonly tsRoot = embedRoot('qemu-embed-ts-');

  /** The same virsh arguments against both roots, concurrently. */
  async both(...args: string[]): Promise<{ real: Result; ts: Result }> {
    const [real, ts] = await Promise.all([
      runBin('/usr/bin/virsh', ['-c', `qemu:///embed?root=${this.realRoot}`, ...args]),
      runBin(tsBin, ['-c', `qemu:///embed?root=${this.tsRoot}`, ...args]),
    ]);
    return { real: mask(real, this.realRoot), ts: mask(ts, this.tsRoot) };
  }

  /** The persistent config directory's entries (ROOT/etc/qemu), for both. */
  configs(): { real: string[]; ts: string[] } {
    const ls = (root: string) => {
      try {
        return readdirSync(join(root, 'etc', 'qemu')).sort();
      } catch {
        return [];
      }
    };
    return { real: ls(this.realRoot), ts: ls(this.tsRoot) };
  }

  configFile(which: 'real' | 'ts', name: string): string {
    const root = which === 'real' ? this.realRoot : this.tsRoot;
    return maskText(readFileSync(join(root, 'etc', 'qemu', `${name}.xml`), 'utf8'), root);
  }

  remove(): void {
    rmSync(this.realRoot, { recursive: true, force: true });
    rmSync(this.tsRoot, { recursive: true, force: true });
  }
}

/** UUIDs and MACs written in the fixtures: kept, everything else of that shape is generated. */
const fixed = (() => {
  const text = readdirSync(fixtures)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => readFileSync(join(fixtures, f), 'utf8'))
    .join('\n');
  return new Set([...text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|52:54:00(:[0-9a-f]{2}){3}/g)].map((m) => m[0]));
})();

/** Masks generated UUIDs and MACs, and `root` (when given) as ROOT. */
export function maskText(text: string, root?: string): string {
  return (root ? text.replaceAll(root, 'ROOT') : text)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (u) => (fixed.has(u) ? u : 'GENERATED-UUID'))
    .replace(/52:54:00(:[0-9a-f]{2}){3}/g, (m) => (fixed.has(m) ? m : 'GENERATED-MAC'));
}

function mask(r: Result, root: string): Result {
  return { stdout: maskText(r.stdout, root), stderr: maskText(r.stderr, root), code: r.code };
}
