import { attr, elem, setAttr, sub, type Elem } from '../../../xml/domain/elem.js';
import { insertDevice, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import type { QemuProbe } from '../caps/probe.js';
import { canonicalMachine, isI440fx, isQ35, machineDefaultCpu, preferredMachine } from './machine.js';

const ofKind = (def: DomainDef, kind: DeviceDef['kind']) => def.devices.filter((d) => d.kind === kind);
const isX86 = (def: DomainDef) => def.os.arch === 'x86_64' || def.os.arch === 'i686';

function hasController(def: DomainDef, type: string, index: number): DeviceDef | undefined {
  return ofKind(def, 'controller').find((c) => (attr(c.el, 'type') ?? 'ide') === type && Number(attr(c.el, 'index')) === index);
}

function addController(def: DomainDef, type: string, index: number, model?: string): void {
  insertDevice(def.devices, { kind: 'controller', el: elem('controller', [['type', type], ['index', index], ['model', model]]), info: {} });
}

/** virDomainDefMaybeAddInput: mouse and keyboard on PS/2 unless one of that type/bus exists. */
export function addImplicitInputs(def: DomainDef): void {
  if (!isX86(def)) return;
  for (const type of ['mouse', 'keyboard']) {
    if (ofKind(def, 'input').some((i) => attr(i.el, 'type') === type && attr(i.el, 'bus') === 'ps2')) continue;
    insertDevice(def.devices, { kind: 'input', el: elem('input', [['type', type], ['bus', 'ps2']]), info: {} });
  }
}

/**
 * qemuDomainDefSuggestDefaultAudioBackend with qemu.conf's defaults (vnc_allow_host_audio and
 * nogfx_allow_host_audio off): VNC or no graphics at all get a 'none' backend, SPICE a 'spice' one.
 */
function addDefaultAudio(def: DomainDef): void {
  if (ofKind(def, 'audio').length) return;
  const graphics = ofKind(def, 'graphics').map((g) => attr(g.el, 'type'));
  let type: string | undefined = graphics.length ? undefined : 'none';
  for (const g of graphics) {
    if (g === 'vnc') type = 'none';
    else if (g === 'spice') type = 'spice';
  }
  if (type) insertDevice(def.devices, { kind: 'audio', el: elem('audio', [['id', 1], ['type', type]]), info: {} });
}

/** qemuDomainDefAddDefaultDevices for x86 machines. */
function addDefaultDevices(def: DomainDef, probe: QemuProbe): void {
  addImplicitInputs(def);
  let usbModel: string | undefined;
  let addUsb = isX86(def) && def.os.machine !== 'isapc';
  const q35 = isQ35(def);
  if (q35) {
    usbModel = probe.types.includes('qemu-xhci') ? 'qemu-xhci' : probe.types.includes('nec-usb-xhci') ? 'nec-xhci' : undefined;
    addUsb = !!usbModel;
  } else if (isI440fx(def)) usbModel = 'piix3-uhci';
  if (addUsb && !hasController(def, 'usb', 0)) addController(def, 'usb', 0, usbModel);
  if (q35 && !hasController(def, 'sata', 0)) addController(def, 'sata', 0);
  const root = isI440fx(def) ? 'pci-root' : q35 ? 'pcie-root' : undefined;
  if (root) {
    const existing = hasController(def, 'pci', 0);
    if (existing && attr(existing.el, 'model') !== root)
      throw virErr('XML_ERROR', `The PCI controller with index='0' must be model='${root}' for this machine type, but model='${attr(existing.el, 'model')}' was found instead`);
    if (!existing) addController(def, 'pci', 0, root);
  }
  if (isX86(def) && !ofKind(def, 'memballoon').length)
    insertDevice(def.devices, { kind: 'memballoon', el: elem('memballoon', [['model', 'virtio']]), info: {} });
  addDefaultAudio(def);
}

/** qemuDomainDefSetDefaultCPU: a guest without a CPU model gets the machine's default one. */
function setDefaultCpu(def: DomainDef, probe: QemuProbe): void {
  if (def.cpu && (attr(def.cpu, 'mode') ?? 'custom') !== 'custom') return;
  if (def.cpu && sub(def.cpu, 'model')) return;
  const model = machineDefaultCpu(probe, def.os.machine!);
  if (!model) return;
  const cpu: Elem = def.cpu ?? elem('cpu');
  const rest = cpu.children.filter((c) => c.name !== 'model');
  cpu.attrs = [['mode', 'custom'], ['match', attr(cpu, 'match') ?? 'exact'], ['check', attr(cpu, 'check') ?? 'none']];
  cpu.children = [elem('model', [['fallback', 'forbid']], [], model), ...rest];
  def.cpu = cpu;
}

/** qemuDomainDefaultNetModel for x86: rtl8139 when the binary has it, else e1000. */
function netModel(probe: QemuProbe): string {
  return probe.types.includes('rtl8139') ? 'rtl8139' : 'e1000';
}

/** qemuDomainDeviceDefPostParse for the device kinds the QEMU driver fills in. */
export function postParseQemuDevice(def: DomainDef, dev: DeviceDef, probe: QemuProbe): void {
  if (dev.kind === 'interface') {
    const type = attr(dev.el, 'type');
    if (type !== 'hostdev' && !sub(dev.el, 'model')) insertModel(dev.el, netModel(probe));
  } else if (dev.kind === 'serial' && isX86(def)) {
    const target = sub(dev.el, 'target') ?? pushChild(dev.el, elem('target'));
    if (!attr(target, 'type')) target.attrs.unshift(['type', 'isa-serial']);
    if (attr(target, 'type') === 'isa-serial' && !sub(target, 'model')) target.children.push(elem('model', [['name', 'isa-serial']]));
  } else if (dev.kind === 'disk') {
    postParseDisk(dev);
  } else if (dev.kind === 'controller' && attr(dev.el, 'type') === 'scsi' && !attr(dev.el, 'model')) {
    setAttr(dev.el, 'model', 'lsilogic');
  }
}

/** qemuDomainDeviceDiskDefPostParse: driver 'qemu', format raw unless the source is a volume. */
function postParseDisk(dev: DeviceDef): void {
  let driver = sub(dev.el, 'driver');
  if (!driver) {
    driver = elem('driver');
    dev.el.children.unshift(driver);
  }
  if (!attr(driver, 'name')) driver.attrs.unshift(['name', 'qemu']);
  if (!attr(driver, 'type') && attr(dev.el, 'type') !== 'volume') driver.attrs.splice(1, 0, ['type', 'raw']);
}

function pushChild(e: Elem, c: Elem): Elem {
  e.children.push(c);
  return c;
}

/** `<model type>` goes after mac/source/target and before driver/address in an interface. */
function insertModel(el: Elem, type: string): void {
  const order = ['mac', 'source', 'vlan', 'virtualport', 'ip', 'route', 'script', 'backenddomain', 'target', 'guest'];
  let at = 0;
  el.children.forEach((c, i) => {
    if (order.includes(c.name)) at = i + 1;
  });
  el.children.splice(at, 0, elem('model', [['type', type]]));
}

/** qemuDomainDefPostParseBasic + qemuDomainDefPostParse: emulator, machine, default devices, CPU. */
export function postParseQemuDomain(def: DomainDef, probe: QemuProbe): void {
  def.emulator ??= probe.emulator;
  if (def.bootloader || def.bootloaderArgs) throw virErr('CONFIG_UNSUPPORTED', 'bootloader is not supported by QEMU');
  def.os.machine ??= preferredMachine(probe);
  addDefaultDevices(def, probe);
  def.os.machine = canonicalMachine(probe, def.os.machine!);
  setDefaultCpu(def, probe);
}
