// Builds the tiny guest from Debian packages: the kernel package's vmlinuz and a handful of
// its modules, plus busybox-static, packed as a newc cpio + gzip initramfs.
import { execa } from 'execa';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GUEST_FILES, GUEST_MODULES } from './init.js';

const BUSYBOX = '/bin/busybox';

export interface KernelPackage {
  name: string;
  version: string;
}

/** The versioned kernel package linux-image-amd64 depends on, as apt sees it now. */
export async function kernelPackage(): Promise<KernelPackage> {
  const { stdout: deps } = await execa('apt-cache', ['depends', 'linux-image-amd64']);
  const name = /Depends:\s*(linux-image-6\.1\.\S+-amd64)/.exec(deps)?.[1];
  if (!name) throw new Error(`linux-image-amd64 depends on no linux-image-6.1.*-amd64:\n${deps}`);
  const { stdout: show } = await execa('apt-cache', ['show', '--no-all-versions', name]);
  const version = /^Version:\s*(\S+)/m.exec(show)?.[1];
  if (!version) throw new Error(`apt-cache show ${name} gave no version`);
  return { name, version };
}

function findFile(dir: string, file: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(path, file);
      if (found) return found;
    } else if (entry.name === file) return path;
  }
  return undefined;
}

/** Unpacks the kernel package in `work` and copies vmlinuz and the guest's modules out. */
async function unpackKernel(pkg: KernelPackage, work: string, rootfs: string, out: string): Promise<void> {
  await execa('apt-get', ['download', `${pkg.name}=${pkg.version}`], { cwd: work });
  const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${pkg.name} left no .deb in ${work}`);
  const tree = join(work, 'x');
  await execa('dpkg', ['-x', join(work, deb), tree]);
  const vmlinuz = readdirSync(join(tree, 'boot')).find((f) => f.startsWith('vmlinuz-'));
  if (!vmlinuz) throw new Error(`${deb} holds no boot/vmlinuz-*`);
  copyFileSync(join(tree, 'boot', vmlinuz), join(out, 'vmlinuz'));
  const release = vmlinuz.slice('vmlinuz-'.length);
  const modules = join(tree, 'lib', 'modules', release);
  const builtin = readFileSync(join(modules, 'modules.builtin'), 'utf8');
  mkdirSync(join(rootfs, 'lib', 'modules'), { recursive: true });
  for (const mod of GUEST_MODULES) {
    const ko = findFile(join(modules, 'kernel'), `${mod}.ko`);
    // A module the kernel has built in needs no file; /init's insmod then reports it.
    if (ko) copyFileSync(ko, join(rootfs, 'lib', 'modules', `${mod}.ko`));
    else if (!builtin.includes(`/${mod}.ko`)) throw new Error(`${pkg.name} has no module ${mod}.ko`);
  }
}

function writeUserland(rootfs: string): void {
  mkdirSync(join(rootfs, 'bin'), { recursive: true });
  copyFileSync(BUSYBOX, join(rootfs, 'bin', 'busybox'));
  chmodSync(join(rootfs, 'bin', 'busybox'), 0o755);
  for (const [path, [mode, text]] of Object.entries(GUEST_FILES)) {
    mkdirSync(dirname(join(rootfs, path)), { recursive: true });
    writeFileSync(join(rootfs, path), text, { mode });
    chmodSync(join(rootfs, path), mode);
  }
}

/** Builds vmlinuz and initrd.gz into `out` (an empty directory), using `work` as scratch. */
export async function buildGuest(pkg: KernelPackage, work: string, out: string): Promise<void> {
  if (!existsSync(BUSYBOX)) throw new Error(`${BUSYBOX} is missing: install busybox-static`);
  const rootfs = join(work, 'rootfs');
  mkdirSync(rootfs, { recursive: true });
  await unpackKernel(pkg, work, rootfs, out);
  writeUserland(rootfs);
  // Every file belongs to root inside the guest whoever builds it (-R 0:0).
  await execa('sh', ['-c', `find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -9 > "$0"`, join(out, 'initrd.gz')], {
    cwd: rootfs,
  });
}
