import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { addressProps } from './address.js';
import { attr, devicesOf } from './util.js';

/** QEMU devices of USB and virtio inputs; PS/2 ones are built into the machine. */
const INPUT_DRIVERS: Record<string, Record<string, string>> = {
  usb: { mouse: 'usb-mouse', tablet: 'usb-tablet', keyboard: 'usb-kbd' },
  virtio: { mouse: 'virtio-mouse-pci', tablet: 'virtio-tablet-pci', keyboard: 'virtio-keyboard-pci' },
};

/** -device per USB or virtio input (qemuBuildInputCommandLine). */
export function buildInputs(cmd: QemuCommand, def: DomainDef): void {
  for (const i of devicesOf(def, 'input')) {
    const driver = INPUT_DRIVERS[attr(i.el, 'bus') ?? '']?.[attr(i.el, 'type') ?? ''];
    if (driver) cmd.addJson('-device', { driver, id: i.info.alias, ...addressProps(def, i.info) });
  }
}
