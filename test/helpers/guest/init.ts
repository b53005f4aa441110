// The tiny guest's userland: /init and the files busybox needs, as data. The guest is told
// what to do on its kernel command line (vts.write=, vts.read, vts.fill=), so one initramfs
// serves every test.

/** Kernel modules, in load order (insmod does not resolve dependencies). */
export const GUEST_MODULES = [
  'virtio_ring',
  'virtio',
  'virtio_pci_modern_dev',
  'virtio_pci_legacy_dev',
  'virtio_pci',
  'virtio_blk',
  'failover',
  'net_failover',
  'virtio_net',
  'button',
  'evdev',
] as const;

export const READY_MARKER = 'VIRSH-TS-GUEST READY';
export const TICK_PREFIX = 'VIRSH-TS-GUEST TICK ';
export const WROTE_PREFIX = 'VIRSH-TS-GUEST WROTE ';
export const READ_PREFIX = 'VIRSH-TS-GUEST READ ';
export const FILLED_PREFIX = 'VIRSH-TS-GUEST FILLED ';

// PID 1 until the userland is set up, then it hands over to busybox init, which keeps a shell
// on the serial line. Output goes to ttyS0 explicitly: the archive has no /dev/console node
// (making one needs root), so the kernel gives /init no stdio.
const INIT = `#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /sbin /usr/bin /usr/sbin /tmp /var/run
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec </dev/ttyS0 >/dev/ttyS0 2>&1
for m in ${GUEST_MODULES.join(' ')}; do
  insmod /lib/modules/$m.ko || echo "VIRSH-TS-GUEST insmod $m failed"
done
# -d: in the foreground, logging events to the serial line (a power-off is then visible).
acpid -d &
arg() { tr ' ' '\\n' </proc/cmdline | sed -n "s/^vts\\.$1=//p" | head -n 1; }
has() { tr ' ' '\\n' </proc/cmdline | grep -qx "vts\\.$1"; }
fill=$(arg fill)
if [ -n "$fill" ]; then
  dd if=/dev/urandom of=/tmp/fill bs=1M count="$fill" 2>/dev/null
  echo "${FILLED_PREFIX}$fill"
fi
write=$(arg write)
if [ -n "$write" ] && [ -b /dev/vda ]; then
  printf '%s\\n' "$write" | dd of=/dev/vda conv=notrunc,fsync 2>/dev/null
  echo "${WROTE_PREFIX}$write"
fi
if has read && [ -b /dev/vda ]; then
  echo "${READ_PREFIX}$(head -c 512 /dev/vda | tr '\\000' '\\n' | head -n 1)"
fi
echo "${READY_MARKER}"
(n=0; while :; do echo "${TICK_PREFIX}$n"; n=$((n+1)); usleep 200000; done) &
exec /sbin/init
`;

// busybox acpid's built-in table maps the power button to PWRF/00000080 under /etc/acpi;
// poweroff -f skips init so the power-off needs nothing else to be alive.
const POWER_BUTTON = `#!/bin/sh
sync
poweroff -f
`;

/** Path inside the initramfs → [mode, content]. */
export const GUEST_FILES: Record<string, [number, string]> = {
  init: [0o755, INIT],
  'etc/inittab': [0o644, 'ttyS0::respawn:-/bin/sh\n'],
  'etc/acpi/PWRF/00000080': [0o755, POWER_BUTTON],
};

/** Options every test boots with: serial console, little kernel chatter, no reboot loops. */
export const BASE_CMDLINE = 'console=ttyS0 quiet panic=-1';
