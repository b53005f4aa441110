// virtlogd for a libvirtd whose QEMU driver starts guests: libvirt's system QEMU driver sends
// guest output through it (/run/libvirt/virtlogd-sock) and refuses to start a guest without it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canConnect, superviseDaemon } from './daemon-process.js';

const SOCKET = '/run/libvirt/virtlogd-sock';

/** Starts virtlogd unless one already serves its socket; the returned stop leaves a foreign one alone. */
export async function ensureVirtlogd(): Promise<{ stop(): Promise<void> }> {
  if (await canConnect({ path: SOCKET })) return { stop: async () => {} };
  for (const d of ['/run/libvirt', '/var/log/libvirt']) mkdirSync(d, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'virsh-ts-virtlogd-'));
  const child = spawn('/usr/sbin/virtlogd', [], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  return superviseDaemon('virtlogd', child, dir, () => canConnect({ path: SOCKET }), 50);
}
