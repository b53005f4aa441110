// A hand-written minimal argv for the tiny guest (the QEMU driver's command builder is tested
// on its own): TCG (KVM here is PVM and hangs a real kernel, see GUESTS.md), direct kernel
// boot, the serial line into a file the test reads, -no-shutdown as libvirt passes it.
import { readFileSync } from 'node:fs';
import type { Guest } from '../helpers/guest.js';

export interface GuestArgvOptions {
  name: string;
  serialLog: string;
  cmdline: string;
  disk?: { path: string; format: 'raw' | 'qcow2' };
}

export function guestArgv(guest: Guest, o: GuestArgvOptions): string[] {
  const args = [
    '-name', `guest=${o.name},debug-threads=on`,
    '-machine', 'pc,usb=off',
    '-accel', 'tcg',
    '-m', '128',
    '-smp', '1',
    '-display', 'none',
    '-no-user-config',
    '-nodefaults',
    '-no-shutdown',
    '-kernel', guest.kernel,
    '-initrd', guest.initrd,
    '-append', o.cmdline,
    '-chardev', `file,id=charserial0,path=${o.serialLog}`,
    '-device', 'isa-serial,chardev=charserial0,id=serial0',
  ];
  if (o.disk) {
    args.push(
      '-blockdev', `{"driver":"file","filename":"${o.disk.path}","node-name":"storage0"}`,
      '-blockdev', `{"node-name":"format0","driver":"${o.disk.format}","file":"storage0"}`,
      '-device', 'virtio-blk-pci,drive=format0,id=virtio-disk0',
    );
  }
  return args;
}

export function serialText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Resolves once the serial log holds `text` (polling), or throws with the log after `timeoutMs`. */
export async function waitForSerial(path: string, text: string | RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = serialText(path);
    if (typeof text === 'string' ? log.includes(text) : text.test(log)) return log;
    if (Date.now() > deadline) throw new Error(`serial line never showed ${text} in ${timeoutMs} ms:\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The highest heartbeat number on the serial line so far (-1 before the first). */
export function lastTick(path: string, prefix: string): number {
  const ticks = [...serialText(path).matchAll(new RegExp(`${prefix}(\\d+)`, 'g'))].map((m) => Number(m[1]));
  return ticks.length ? Math.max(...ticks) : -1;
}
