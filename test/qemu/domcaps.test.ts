// domcapabilities, maxvcpus and cpu-models on qemu:///embed against real virsh 9.0 with
// libvirt's embedded QEMU driver, live in the same run, each on a private root. Both sides
// probe the installed QEMU themselves. Most cases run both in a mount namespace without
// /dev/kvm (nokvm.sh): libvirt then probes once and caches, and the TCG answers are what
// every host gives. A few run with the host's /dev/kvm as it is, so the KVM view (kvm domain,
// host-passthrough, KVM's host-model and vCPU limit) is compared too. Masked: the root, and
// the time and pid that start libvirt's log lines.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedRoot, fixtures, repo, runBin, type Result } from './embed.js';

const NOKVM = join(fixtures, 'argv', 'nokvm.sh');
const TS = join(repo, 'bin', 'virsh-ts');
const PROBE_TIMEOUT = 300_000;

let realRoot: string;
let tsRoot: string;

beforeAll(() => {
  realRoot = embedRoot('domcaps-real-');
  tsRoot = embedRoot('domcaps-ts-');
});
afterAll(() => {
  rmSync(realRoot, { recursive: true, force: true });
  rmSync(tsRoot, { recursive: true, force: true });
});

/** libvirt's log lines (a failed probe is logged to stderr) start with the time and the pid. */
const logPrefix = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000: \d+: /gm;

const mask = (r: Result, root: string): Result => ({
  stdout: r.stdout.replaceAll(root, 'ROOT'),
  stderr: r.stderr.replaceAll(root, 'ROOT').replace(logPrefix, 'TIME: PID: '),
  code: r.code,
});

/** One virsh command line on both sides, with or without /dev/kvm; real virsh first (it may probe). */
async function both(kvm: boolean, cmd: string): Promise<{ real: Result; ts: Result }> {
  const argv = (bin: string, root: string) => (kvm ? [bin, ['-c', `qemu:///embed?root=${root}`, cmd]] : ['unshare', ['-m', NOKVM, bin, '-c', `qemu:///embed?root=${root}`, cmd]]) as [string, string[]];
  const real = await runBin(...argv('/usr/bin/virsh', realRoot));
  const ts = await runBin(...argv(TS, tsRoot));
  return { real: mask(real, realRoot), ts: mask(ts, tsRoot) };
}

/** Without /dev/kvm: TCG only. */
const TCG_CASES = [
  // The defaults and every option.
  'domcapabilities',
  'domcapabilities --virttype qemu',
  'domcapabilities --virttype none',
  'domcapabilities x86_64',
  'domcapabilities --arch x86_64 --machine q35',
  'domcapabilities --arch i686',
  'domcapabilities --emulatorbin /usr/bin/qemu-system-i386',
  'domcapabilities --emulatorbin /usr/bin/qemu-system-x86_64 --arch i686',
  'domcapabilities --machine pc',
  'domcapabilities --machine q35',
  'domcapabilities --machine isapc',
  'domcapabilities --machine microvm',
  'domcapabilities --machine pc-i440fx-2.0',
  'domcapabilities --virttype qemu --emulatorbin /usr/bin/qemu-system-x86_64 --arch x86_64 --machine pc-q35-7.2',
  'maxvcpus',
  'maxvcpus --type qemu',
  'maxvcpus --type Qemu',
  'cpu-models x86_64',
  'cpu-models i686',
  'cpu-models aarch64',
  'cpu-models ppc64',
  'cpu-models s390x',
];

/** Bad input: unknown names, missing or empty arguments, emulators that cannot serve. */
const TCG_BAD_CASES = [
  'domcapabilities --virttype kvm',
  'domcapabilities --virttype xen',
  'domcapabilities --virttype hvf',
  'domcapabilities --virttype foo',
  'domcapabilities --virttype QEMU',
  'domcapabilities --arch foo',
  'domcapabilities --arch aarch64',
  "domcapabilities --arch ''",
  'domcapabilities --machine foo',
  'domcapabilities --emulatorbin /nonexistent',
  'domcapabilities --emulatorbin qemu-system-x86_64',
  'domcapabilities --emulatorbin /usr/bin',
  'domcapabilities --emulatorbin argv/minimal.xml',
  // A binary that cannot start here (the microvm build has no TCG, KVM is hidden): logged.
  'domcapabilities --emulatorbin /usr/bin/qemu-system-x86_64-microvm',
  'domcapabilities --emulatorbin /usr/bin/qemu-system-i386 --arch x86_64',
  'domcapabilities --emulatorbin /usr/bin/qemu-system-x86_64 --arch ppc64',
  'domcapabilities --foo',
  'maxvcpus --type kvm',
  'maxvcpus --type KVM',
  'maxvcpus --type foo',
  "maxvcpus --type ''",
  'cpu-models foo',
  'cpu-models none',
  'cpu-models',
];

/** With the host's /dev/kvm as it is (KVM when QEMU can use it). */
const HOST_CASES = [
  'domcapabilities',
  'domcapabilities --virttype qemu',
  'domcapabilities --arch i686',
  'maxvcpus --type kvm',
];

describe('domcapabilities, maxvcpus and cpu-models without /dev/kvm', () => {
  for (const cmd of [...TCG_CASES, ...TCG_BAD_CASES]) {
    it(cmd, async () => {
      const { real, ts } = await both(false, cmd);
      expect(ts).toEqual(real);
    }, PROBE_TIMEOUT);
  }
});

describe('domcapabilities and maxvcpus with the host /dev/kvm', () => {
  for (const cmd of HOST_CASES) {
    it(cmd, async () => {
      const { real, ts } = await both(true, cmd);
      expect(ts).toEqual(real);
    }, PROBE_TIMEOUT);
  }
});
