import type { JsonProps, QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import type { ArgvContext } from './context.js';
import { addressProps } from './address.js';
import { bootIndexes } from './disks.js';
import { attr, devicesOf, sub } from './util.js';
import { qemuError } from './errors.js';

/** Interface models QEMU names differently (virtio is virtio-net-pci on PCI). */
const NIC_DRIVERS: Record<string, string> = { virtio: 'virtio-net-pci' };

/** Backend of each interface type: user networking, or a TAP device libvirt opens. */
function netdevProps(type: string, fds: string[] | undefined, id: string): JsonProps {
  if (type === 'user') return { type: 'user', id };
  if (type === 'ethernet' || type === 'bridge' || type === 'network') {
    if (!fds?.length) throw qemuError('INTERNAL_ERROR', 'no TAP file descriptor for the interface');
    return fds.length === 1 ? { type: 'tap', fd: fds[0], id } : { type: 'tap', fds: fds.join(':'), id };
  }
  throw qemuError('CONFIG_UNSUPPORTED', `interface type '${type}' is not supported by virsh-ts`);
}

/** -netdev and -device per interface (qemuBuildNetCommandLine). */
export function buildNets(cmd: QemuCommand, def: DomainDef, ctx: ArgvContext): void {
  const boot = bootIndexes(def);
  devicesOf(def, 'interface').forEach((n, i) => {
    const type = attr(n.el, 'type') ?? '';
    const alias = n.info.alias!;
    const hostnet = `host${alias}`;
    cmd.addJson('-netdev', netdevProps(type, ctx.tapFds?.[i], hostnet));
    const model = attr(sub(n.el, 'model'), 'type') ?? 'rtl8139';
    cmd.addJson('-device', {
      driver: NIC_DRIVERS[model] ?? model,
      netdev: hostnet,
      id: alias,
      mac: attr(sub(n.el, 'mac'), 'address'),
      bootindex: boot.get(n),
      ...addressProps(def, n.info),
    });
  });
}
