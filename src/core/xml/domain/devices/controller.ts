import { attr, elem, setAttr, type Elem } from '../elem.js';
import { unsupportedConfig } from '../errors.js';
import { propEnum, propInt } from '../numbers.js';
import type { DeviceDef, DomainDef } from '../types.js';
import type { KindRule } from './rules.js';

export const CONTROLLER_TYPES = ['ide', 'fdc', 'scsi', 'sata', 'virtio-serial', 'ccid', 'usb', 'pci', 'xenbus', 'isa'] as const;

const MODELS: Record<string, string[]> = {
  pci: ['pci-root', 'pcie-root', 'pci-bridge', 'dmi-to-pci-bridge', 'pcie-to-pci-bridge', 'pcie-root-port', 'pcie-switch-upstream-port', 'pcie-switch-downstream-port', 'pci-expander-bus', 'pcie-expander-bus'],
  scsi: ['auto', 'buslogic', 'lsilogic', 'lsisas1068', 'vmpvscsi', 'ibmvscsi', 'virtio-scsi', 'lsisas1078', 'virtio-transitional', 'virtio-non-transitional', 'ncr53c90', 'dc390', 'am53c974'],
  usb: ['piix3-uhci', 'piix4-uhci', 'ehci', 'ich9-ehci1', 'ich9-uhci1', 'ich9-uhci2', 'ich9-uhci3', 'vt82c686b-uhci', 'pci-ohci', 'nec-xhci', 'qusb1', 'qusb2', 'qemu-xhci', 'none'],
  ide: ['piix3', 'piix4', 'ich6'],
  'virtio-serial': ['virtio', 'virtio-transitional', 'virtio-non-transitional'],
};

export const controllerType = (d: DeviceDef): string => attr(d.el, 'type') ?? 'ide';
export const controllerIndex = (d: DeviceDef): number => Number(attr(d.el, 'index') ?? -1);

export const controllerRule: KindRule = {
  validate(n) {
    const type = propEnum(n, 'type', CONTROLLER_TYPES) ?? 'ide';
    const model = n.attrs.model;
    if (model !== undefined && !(MODELS[type] ?? []).includes(model)) throw unsupportedConfig(`Unknown model type '${model}'`);
    propInt(n, 'index', { nonnegative: true });
  },
  normalize(dev) {
    if (!attr(dev.el, 'type')) dev.el.attrs.unshift(['type', 'ide']);
    const idx = attr(dev.el, 'index');
    if (idx !== undefined) setAttr(dev.el, 'index', String(Number(idx)));
  },
  format(dev) {
    const attrs = dev.el.attrs.filter(([k]) => k !== 'type' && k !== 'index');
    return { ...dev.el, attrs: [['type', controllerType(dev)], ['index', attr(dev.el, 'index') ?? '0'], ...attrs] };
  },
};

/** A controller as virDomainDefMaybeAddController makes it (no model when `model` is undefined). */
export function newController(type: string, index: number, model?: string): DeviceDef {
  return { kind: 'controller', el: elem('controller', [['type', type], ['index', index], ['model', model]]), info: {} };
}

/** virDomainControllerFindUnusedIndex-based assignment for controllers without an index. */
export function assignControllerIndexes(def: DomainDef): void {
  const ctrls = def.devices.filter((d) => d.kind === 'controller');
  for (const c of ctrls) {
    if (attr(c.el, 'index') !== undefined) continue;
    const type = controllerType(c);
    let idx = 0;
    while (ctrls.some((o) => o !== c && controllerType(o) === type && controllerIndex(o) === idx)) idx++;
    setAttr(c.el, 'index', String(idx));
    const rest = c.el.attrs.filter(([k]) => k !== 'type' && k !== 'index');
    c.el.attrs = [['type', type], ['index', String(idx)], ...rest] as Elem['attrs'];
  }
}
