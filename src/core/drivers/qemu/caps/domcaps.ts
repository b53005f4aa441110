import { existsSync, readdirSync } from 'node:fs';
import { XmlWriter } from '../../../xml/writer.js';
import type { CpuDef } from '../../../cpu/cpu-def.js';
import { cpuDriverFor } from '../../../cpu/models.js';
import { findX86Feature, findX86Model } from '../../../cpu/x86-map.js';
import { findBinary } from './emulators.js';
import { formatSev, formatSgx } from './confidential.js';
import { firmwareCaps } from './firmware.js';
import { hostModelCpu } from './host-model.js';
import type { ProbedMachine, QemuProbe } from './probe.js';

/** What virQEMUCapsCacheLookupDefault settled on for one domcapabilities request. */
export interface DomCapsTarget {
  probe: QemuProbe;
  arch: string;
  virttype: string;
  machine: ProbedMachine;
  /** Whether the driver runs privileged (it then ignores the user's firmware descriptors). */
  privileged: boolean;
  /** KVM's vCPU limit for kvm domains (KVM_CAP_MAX_VCPUS). */
  kvmMaxVcpus?: number;
}

const has = (p: QemuProbe, type: string) => p.types.includes(type);
const hasAny = (p: QemuProbe, types: readonly string[]) => types.some((t) => has(p, t));

/**
 * libvirt reads the 'migratable' and 'unavailable-features' properties of max-x86_64-cpu only,
 * so a binary without that type (qemu-system-i386) lacks both capabilities.
 */
const hasMaxX86Props = (p: QemuProbe) => has(p, 'max-x86_64-cpu');

/** An <enum name=…> with its values; libvirt prints an empty one as a single tag. */
function enumOf(w: XmlWriter, name: string, values: readonly string[]): void {
  if (!values.length) {
    w.leaf('enum', [['name', name]]);
    return;
  }
  w.open('enum', [['name', name]]);
  for (const v of values) w.leaf('value', [], v);
  w.close('enum');
}

/** Keeps, in `order`, the values whose condition holds (libvirt prints enums in enum order). */
const pick = (order: ReadonlyArray<readonly [string, boolean]>) => order.filter(([, on]) => on).map(([v]) => v);

function formatOS(w: XmlWriter, t: DomCapsTarget): void {
  const fw = firmwareCaps(t.machine.name, t.arch, t.privileged);
  w.open('os', [['supported', 'yes']]);
  enumOf(w, 'firmware', fw.firmware);
  w.open('loader', [['supported', 'yes']]);
  for (const l of fw.loaders) w.leaf('value', [], l);
  enumOf(w, 'type', ['rom', 'pflash']);
  enumOf(w, 'readonly', ['yes', 'no']);
  enumOf(w, 'secure', fw.secure ? ['yes', 'no'] : ['no']);
  w.close('loader').close('os');
}

/** virGuestIsNative for an x86_64 host: x86 guests run natively. */
function guestIsNative(arch: string): boolean {
  const host = process.arch === 'x64' ? 'x86_64' : process.arch;
  return arch === host || (host === 'x86_64' && arch === 'i686');
}

function formatHostModel(w: XmlWriter, cpu: CpuDef): void {
  w.leaf('model', [['fallback', cpu.fallback]], cpu.model);
  if (cpu.vendor) w.leaf('vendor', [], cpu.vendor);
  for (const f of cpu.features) w.leaf('feature', [['policy', f.policy], ['name', f.name]]);
}

function formatCPU(w: XmlWriter, t: DomCapsTarget): void {
  const p = t.probe;
  const accelerated = t.virttype !== 'qemu';
  w.open('cpu');
  if (accelerated && guestIsNative(p.arch)) {
    w.open('mode', [['name', 'host-passthrough'], ['supported', 'yes']]);
    enumOf(w, 'hostPassthroughMigratable', hasMaxX86Props(p) ? ['on', 'off'] : ['off']);
    w.close('mode');
  } else w.leaf('mode', [['name', 'host-passthrough'], ['supported', 'no']]);
  if (p.cpuModels.some((c) => c.name === 'max')) {
    w.open('mode', [['name', 'maximum'], ['supported', 'yes']]);
    enumOf(w, 'maximumMigratable', ['on', 'off']);
    w.close('mode');
  } else w.leaf('mode', [['name', 'maximum'], ['supported', 'no']]);
  const host = guestIsNative(p.arch) && p.hostCpu && cpuDriverFor(p.arch)?.models ? hostModelCpu(p.hostCpu, p.cpuModels) : undefined;
  // Without QEMU's word on unavailable features, MSR features are left out of the model.
  if (host && !hasMaxX86Props(p)) host.features = host.features.filter((f) => ![...(findX86Feature(f.name)?.data.keys() ?? [])].some((k) => k.startsWith('msr:')));
  if (host) {
    w.open('mode', [['name', 'host-model'], ['supported', 'yes']]);
    formatHostModel(w, host);
    w.close('mode');
  } else w.leaf('mode', [['name', 'host-model'], ['supported', 'no']]);
  // Only the models libvirt's CPU map knows for the arch, never 'host', in QEMU's order.
  const known = cpuDriverFor(t.arch)?.models;
  const custom = p.cpuModels.filter((c) => c.name !== 'host' && (!known || known.includes(c.name)));
  if (custom.length) {
    w.open('mode', [['name', 'custom'], ['supported', 'yes']]);
    for (const c of custom) {
      const vendor = findX86Model(c.name)?.vendor?.name ?? 'unknown';
      w.leaf('model', [['usable', c.usable === undefined ? 'unknown' : c.usable ? 'yes' : 'no'], ['deprecated', c.deprecated ? 'yes' : undefined], ['vendor', vendor]], c.name);
    }
    w.close('mode');
  } else w.leaf('mode', [['name', 'custom'], ['supported', 'no']]);
  w.close('cpu');
}

/** Whether the host can pass PCI devices through VFIO (qemuHostdevHostSupportsPassthroughVFIO). */
function hostHasVFIO(): boolean {
  try {
    return readdirSync('/sys/kernel/iommu_groups').length > 0 && existsSync('/dev/vfio/vfio');
  } catch {
    return false;
  }
}

/** virTPMHasSwtpm: swtpm and its helpers on $PATH. */
const hasSwtpm = () => ['swtpm', 'swtpm_setup', 'swtpm_ioctl'].every((b) => findBinary(b));

const USB_CONTROLLERS = ['piix3-usb-uhci', 'piix4-usb-uhci', 'usb-ehci', 'ich9-usb-ehci1', 'vt82c686b-usb-uhci', 'pci-ohci', 'nec-usb-xhci', 'qemu-xhci'];

const isI440FX = (m: string) => m === 'pc' || /^(pc-0\.|pc-1\.|pc-i440fx-|rhel)/.test(m);

function formatDevices(w: XmlWriter, t: DomCapsTarget): void {
  const p = t.probe;
  const transitional = p.types.some((x) => /-(non-)?transitional$/.test(x));
  const virtioModels = ['virtio', ...(transitional ? ['virtio-transitional', 'virtio-non-transitional'] : [])];
  const spice = p.schema.spice;
  w.open('devices');

  w.open('disk', [['supported', 'yes']]);
  enumOf(w, 'diskDevice', ['disk', 'cdrom', 'floppy', 'lun']);
  const x86 = t.arch === 'x86_64' || t.arch === 'i686';
  enumOf(w, 'bus', pick([
    ['ide', (x86 && isI440FX(t.machine.name)) || ['malta', 'sun4u', 'g3beige'].includes(t.machine.name)],
    ['fdc', true],
    ['scsi', true],
    ['virtio', true],
    ['usb', has(p, 'usb-storage')],
    ['sata', has(p, 'ich9-ahci')],
  ]));
  enumOf(w, 'model', virtioModels);
  w.close('disk');

  w.open('graphics', [['supported', 'yes']]);
  enumOf(w, 'type', pick([
    ['sdl', p.schema.displays.includes('sdl')],
    ['vnc', p.schema.vnc],
    ['spice', spice],
    ['egl-headless', p.schema.displays.includes('egl-headless')],
    ['dbus', p.schema.displays.includes('dbus')],
  ]));
  w.close('graphics');

  w.open('video', [['supported', 'yes']]);
  enumOf(w, 'modelType', pick([
    ['vga', has(p, 'VGA')],
    ['cirrus', has(p, 'cirrus-vga')],
    ['vmvga', has(p, 'vmware-svga')],
    ['qxl', has(p, 'qxl')],
    ['virtio', hasAny(p, ['virtio-gpu-pci', 'virtio-gpu-device'])],
    ['none', true],
    ['bochs', has(p, 'bochs-display')],
    ['ramfb', has(p, 'ramfb')],
  ]));
  w.close('video');

  w.open('hostdev', [['supported', 'yes']]);
  enumOf(w, 'mode', ['subsystem']);
  enumOf(w, 'startupPolicy', ['default', 'mandatory', 'requisite', 'optional']);
  enumOf(w, 'subsysType', pick([['usb', hasAny(p, USB_CONTROLLERS)], ['pci', true], ['scsi', true]]));
  enumOf(w, 'capsType', []);
  enumOf(w, 'pciBackend', hostHasVFIO() && has(p, 'vfio-pci') ? ['default', 'vfio'] : []);
  w.close('hostdev');

  w.open('rng', [['supported', 'yes']]);
  enumOf(w, 'model', hasAny(p, ['virtio-rng-pci', 'virtio-rng-ccw', 'virtio-rng-device']) ? virtioModels : []);
  enumOf(w, 'backendModel', pick([['random', has(p, 'rng-random')], ['egd', has(p, 'rng-egd')], ['builtin', has(p, 'rng-builtin')]]));
  w.close('rng');

  w.open('filesystem', [['supported', 'yes']]);
  enumOf(w, 'driverType', pick([['path', true], ['handle', true], ['virtiofs', has(p, 'vhost-user-fs-device')]]));
  w.close('filesystem');

  const tpmModels = pick([
    ['tpm-tis', p.tpmModels.includes('tpm-tis')],
    ['tpm-crb', p.tpmModels.includes('tpm-crb')],
    ['tpm-spapr', p.tpmModels.includes('tpm-spapr')],
    ['spapr-tpm-proxy', has(p, 'spapr-tpm-proxy')],
  ]);
  const emulator = hasSwtpm() && p.tpmTypes.includes('emulator');
  w.open('tpm', [['supported', tpmModels.length ? 'yes' : 'no']]);
  enumOf(w, 'model', tpmModels);
  enumOf(w, 'backendModel', pick([['passthrough', p.tpmTypes.includes('passthrough')], ['emulator', emulator], ['external', emulator]]));
  w.close('tpm');

  if (has(p, 'usb-redir')) {
    w.open('redirdev', [['supported', 'yes']]);
    enumOf(w, 'bus', ['usb']);
    w.close('redirdev');
  } else w.leaf('redirdev', [['supported', 'no']]);

  w.open('channel', [['supported', 'yes']]);
  enumOf(w, 'type', pick([['pty', true], ['unix', true], ['spicevmc', spice]]));
  w.close('channel');

  w.close('devices');
}

function formatFeatures(w: XmlWriter, t: DomCapsTarget): void {
  const p = t.probe;
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  w.open('features');
  w.leaf('gic', [['supported', 'no']]);
  w.leaf('vmcoreinfo', [['supported', yn(has(p, 'vmcoreinfo'))]]);
  w.leaf('genid', [['supported', yn(has(p, 'vmgenid'))]]);
  w.leaf('backingStoreInput', [['supported', 'yes']]);
  w.leaf('backup', [['supported', yn(p.schema.incrementalBackup)]]);
  formatSev(w, has(p, 'sev-guest') ? p.sev : undefined);
  formatSgx(w, has(p, 'sgx-epc') ? p.sgx : undefined);
  if (p.hyperv.length) {
    w.open('hyperv', [['supported', 'yes']]);
    enumOf(w, 'features', p.hyperv);
    w.close('hyperv');
  }
  w.close('features');
}

/** virDomainCapsFormat of what virQEMUCapsFillDomainCaps reports for the target. */
export function formatDomainCaps(t: DomCapsTarget): string {
  const w = new XmlWriter(1);
  w.leaf('path', [], t.probe.emulator);
  w.leaf('domain', [], t.virttype);
  w.leaf('machine', [], t.machine.name);
  w.leaf('arch', [], t.arch);
  const maxCpus = t.kvmMaxVcpus !== undefined ? Math.min(t.machine.maxCpus, t.kvmMaxVcpus) : t.machine.maxCpus;
  if (maxCpus) w.leaf('vcpu', [['max', maxCpus]]);
  w.leaf('iothreads', [['supported', has(t.probe, 'iothread') ? 'yes' : 'no']]);
  formatOS(w, t);
  formatCPU(w, t);
  w.open('memoryBacking', [['supported', 'yes']]);
  enumOf(w, 'sourceType', pick([['file', true], ['anonymous', true], ['memfd', has(t.probe, 'memory-backend-memfd')]]));
  w.close('memoryBacking');
  formatDevices(w, t);
  formatFeatures(w, t);
  return `<domainCapabilities>\n${w.toString()}</domainCapabilities>\n`;
}
