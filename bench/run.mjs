// npm run bench: virsh-ts side by side with real virsh (and with `node -e 0`, the floor of
// any Node CLI) in one run. Needs real virsh: apt-get install libvirt-clients.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compare, ratio } from './lib.mjs';
import { writeLargeNode } from './gen-node.mjs';
import { startLibvirtd } from './libvirtd.mjs';
import { daemonMix } from './daemon-mix.mjs';
import { firstPrompt } from './first-prompt.mjs';
import { qemuBench } from './qemu.mjs';

const bin = fileURLToPath(new URL('../bin/virsh-ts', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 20);

const startup = compare(
  'one-shot `list` on test:///default',
  [
    { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
    { name: 'virsh-ts', cmd: bin, args: ['-c', 'test:///default', 'list'] },
    { name: 'virsh 9.0', cmd: 'virsh', args: ['-c', 'test:///default', 'list'] },
  ],
  runs,
);
ratio('virsh-ts / node -e 0', startup['virsh-ts'], startup['node -e 0'], '≤ 1.30×');
ratio('virsh-ts / virsh', startup['virsh-ts'], startup['virsh 9.0']);

// The interactive shell's first prompt in a pty (alone: node bench/first-prompt.mjs).
await firstPrompt(runs);

const dir = mkdtempSync(join(tmpdir(), 'virsh-bench-'));
try {
  const file = join(dir, 'node10k.xml');
  writeLargeNode(file, 10_000);
  const uri = `test://${file}`;
  const large = compare(
    '`list --all` on a 10,000-domain test:///PATH.xml node',
    [
      { name: 'virsh-ts', cmd: bin, args: ['-c', uri, 'list', '--all'] },
      { name: 'virsh 9.0', cmd: 'virsh', args: ['-c', uri, 'list', '--all'] },
    ],
    Math.max(3, Math.round(runs / 4)),
  );
  ratio('virsh-ts / virsh', large['virsh-ts'], large['virsh 9.0'], '< 1.00×');

  // The same node served by a real libvirtd: every domain's state is a call on the wire,
  // which virsh makes one round trip at a time and virsh-ts pipelines.
  const daemon = await startLibvirtd();
  try {
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    const remote = `test+unix://${file}?socket=${daemon.socket}`;
    const served = compare(
      '`list --all` on a 10,000-domain node served by libvirtd (test+unix:///PATH.xml)',
      [
        { name: 'virsh-ts', cmd: bin, args: ['-c', remote, 'list', '--all'] },
        { name: 'virsh 9.0', cmd: 'virsh', args: ['-c', remote, 'list', '--all'] },
      ],
      Math.max(3, Math.round(runs / 4)),
    );
    ratio('virsh-ts / virsh', served['virsh-ts'], served['virsh 9.0'], '≤ 0.20× (5× faster)');
  } finally {
    await daemon.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// virtd-ts against libvirtd under the same call mix (alone: node bench/daemon-mix.mjs).
await daemonMix();

// Real QEMU guests on qemu:///embed, virsh-ts against real virsh (alone: node bench/qemu.mjs).
await qemuBench();
