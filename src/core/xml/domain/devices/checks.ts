import { child, children, type XNode } from '../../tree.js';
import type { VirError } from '../../../errors.js';
import { internalError, unsupportedConfig, xmlError } from '../errors.js';
import { propEnum, propUInt } from '../numbers.js';
import { parseUUID } from '../../ids.js';
import type { DeviceKind } from '../types.js';
import { checkPciSource } from './pci-source.js';

/*
 * The attribute and element checks libvirt's per-device parsers (virDomain*DefParseXML) make,
 * as data: for each kind, the steps in the order the C parser runs them, so the first failing
 * one is the error virsh shows. Enumerations are libvirt's VIR_ENUM_IMPL tables.
 */

type Step = (n: XNode) => void;

/** The element a step looks at: the device itself, or its first child on a path. */
function at(n: XNode, path: string[]): XNode | undefined {
  return path.reduce<XNode | undefined>((cur, name) => child(cur, name), n);
}

/** virXMLPropEnum with its flags (REQUIRED / NONZERO: the enum's first value is refused). */
function prop(path: string[], name: string, values: readonly string[], flags: { required?: boolean; nonzero?: boolean } = {}): Step {
  return (n) => {
    const e = at(n, path);
    if (e) propEnum(e, name, values, flags);
  };
}

/** A hand-written lookup: virXMLPropString + TypeFromString with the parser's own messages. */
function named(path: string[], name: string, values: readonly string[], bad: (v: string) => VirError, missing?: () => VirError): Step {
  return (n) => {
    const e = at(n, path);
    if (!e) return;
    const v = e.attrs[name];
    if (v === undefined) {
      if (missing) throw missing();
      return;
    }
    if (!values.includes(v)) throw bad(v);
  };
}

function count(path: string, ok: (k: number) => boolean, err: () => VirError): Step {
  return (n) => {
    if (!ok(children(n, path).length)) throw err();
  };
}

const WATCHDOG_MODELS = ['i6300esb', 'ib700', 'diag288'];
const WATCHDOG_ACTIONS = ['reset', 'shutdown', 'poweroff', 'pause', 'dump', 'none', 'inject-nmi'];
const RNG_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional'];
const RNG_BACKENDS = ['random', 'egd', 'builtin'];
const CHR_TYPES = ['null', 'vc', 'pty', 'dev', 'file', 'pipe', 'stdio', 'udp', 'tcp', 'unix', 'spicevmc', 'spiceport', 'nmdm', 'qemu-vdagent', 'dbus'];
const MEMBALLOON_MODELS = ['virtio', 'xen', 'none', 'virtio-transitional', 'virtio-non-transitional'];
const SOUND_MODELS = ['sb16', 'es1370', 'pcspk', 'ac97', 'ich6', 'ich9', 'usb', 'ich7'];
const SOUND_CODECS = ['duplex', 'micro', 'output'];
const TPM_MODELS = ['default', 'tpm-tis', 'tpm-crb', 'tpm-spapr', 'spapr-tpm-proxy'];
const TPM_BACKENDS = ['passthrough', 'emulator', 'external'];
const TPM_VERSIONS = ['default', '1.2', '2.0'];
const FS_TYPES = ['mount', 'block', 'file', 'template', 'ram', 'bind', 'volume'];
const FS_ACCESS = ['', 'passthrough', 'mapped', 'squash'];
const FS_MODELS = ['default', 'virtio', 'virtio-transitional', 'virtio-non-transitional'];
const FS_MULTIDEVS = ['default', 'remap', 'forbid', 'warn'];
const FS_DRIVERS = ['default', 'path', 'handle', 'loop', 'nbd', 'ploop', 'virtiofs'];
const FS_WRPOLICY = ['default', 'immediate'];
const SHMEM_MODELS = ['ivshmem', 'ivshmem-plain', 'ivshmem-doorbell'];
const SHMEM_ROLES = ['default', 'master', 'peer'];
const HOSTDEV_MODES = ['subsystem', 'capabilities'];
const HOSTDEV_SUBSYS = ['usb', 'pci', 'scsi', 'scsi_host', 'mdev'];
const MDEV_MODELS = ['vfio-pci', 'vfio-ccw', 'vfio-ap'];
const HOSTDEV_CAPS = ['storage', 'misc', 'net'];
const SMARTCARD_MODES = ['host', 'host-certificates', 'passthrough'];
const PANIC_MODELS = ['default', 'isa', 'pseries', 'hyperv', 's390'];
const IOMMU_MODELS = ['intel', 'smmuv3', 'virtio'];
const VSOCK_MODELS = ['default', 'virtio', 'virtio-transitional', 'virtio-non-transitional'];
const DISK_CACHE = ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe'];
const DISK_ERROR_POLICY = ['default', 'stop', 'report', 'ignore', 'enospace'];
const DISK_IO = ['default', 'native', 'threads', 'io_uring'];
const DISK_DISCARD = ['default', 'unmap', 'ignore'];
const DISK_DETECT_ZEROES = ['default', 'off', 'on', 'unmap'];
const TRISTATE_SWITCH = ['absent', 'on', 'off'];
const TRISTATE_BOOL = ['absent', 'yes', 'no'];
const AUDIO_TYPES = ['none', 'alsa', 'coreaudio', 'jack', 'oss', 'pulseaudio', 'sdl', 'spice', 'file', 'dbus'];
const MEMORY_MODELS = ['', 'dimm', 'nvdimm', 'virtio-pmem', 'virtio-mem', 'sgx-epc'];
const MEMORY_ACCESS = ['default', 'shared', 'private'];

/** virDomainHostdevDefParseXML: mode, then the source's type per mode. */
const hostdevSteps: Step[] = [
  named([], 'mode', HOSTDEV_MODES, (v) => unsupportedConfig(`unknown hostdev mode '${v}'`)),
  (n) => {
    const type = n.attrs.type;
    if ((n.attrs.mode ?? 'subsystem') === 'subsystem') {
      if (type === undefined) throw xmlError('missing source address type');
      if (!HOSTDEV_SUBSYS.includes(type)) throw unsupportedConfig(`unknown host device source address type '${type}'`);
      if (!child(n, 'source')) throw xmlError('Missing <source> element in hostdev device');
      if (type !== 'usb' && child(n, 'source')!.attrs.startupPolicy !== undefined) throw unsupportedConfig('Setting startupPolicy is only allowed for USB devices');
      if (type === 'mdev') propEnum(n, 'model', MDEV_MODELS, { required: true });
      if (type === 'usb') hostdevUsbSource(child(n, 'source')!);
      if (type === 'pci') checkPciSource(child(n, 'source'));
    } else {
      if (type === undefined) throw xmlError('missing type in hostdev');
      if (!HOSTDEV_CAPS.includes(type)) throw unsupportedConfig(`unknown host device type '${type}'`);
    }
  },
];

/** virDomainHostdevSubsysUSBDefParseXML: vendor and product come together. */
function hostdevUsbSource(src: XNode): void {
  const vendor = child(src, 'vendor');
  const product = child(src, 'product');
  if (vendor) {
    propUInt(vendor, 'id', 0, { required: true, nonzero: true });
    if (!product) throw internalError('missing product');
  }
  if (product) {
    propUInt(product, 'id', 0, { required: true });
    if (!vendor) throw internalError('missing vendor');
  }
}

export const DEVICE_ATTR_CHECKS: Partial<Record<DeviceKind, Step[]>> = {
  disk: [
    prop(['driver'], 'cache', DISK_CACHE),
    prop(['driver'], 'error_policy', DISK_ERROR_POLICY),
    prop(['driver'], 'rerror_policy', DISK_ERROR_POLICY),
    prop(['driver'], 'io', DISK_IO),
    prop(['driver'], 'ioeventfd', TRISTATE_SWITCH),
    prop(['driver'], 'event_idx', TRISTATE_SWITCH),
    prop(['driver'], 'copy_on_read', TRISTATE_SWITCH),
    prop(['driver'], 'discard', DISK_DISCARD),
    prop(['driver'], 'detect_zeroes', DISK_DETECT_ZEROES),
  ],
  watchdog: [
    named([], 'model', WATCHDOG_MODELS, (v) => unsupportedConfig(`unknown watchdog model '${v}'`), () => internalError('watchdog must contain model name')),
    named([], 'action', WATCHDOG_ACTIONS, (v) => unsupportedConfig(`unknown watchdog action '${v}'`)),
  ],
  rng: [
    named([], 'model', RNG_MODELS, (v) => unsupportedConfig(`unknown RNG model '${v}'`), () => xmlError('missing RNG device model')),
    count('backend', (k) => k === 1, () => xmlError('only one RNG backend is supported')),
    named(['backend'], 'model', RNG_BACKENDS, (v) => unsupportedConfig(`unknown RNG backend model '${v}'`), () => xmlError('missing RNG device backend model')),
    (n) => {
      const b = child(n, 'backend')!;
      if (b.attrs.model !== 'egd') return;
      if (b.attrs.type === undefined) throw xmlError('missing EGD backend type');
      if (!CHR_TYPES.includes(b.attrs.type)) throw unsupportedConfig(`unknown backend type '${b.attrs.type}' for egd`);
    },
  ],
  memballoon: [prop([], 'model', MEMBALLOON_MODELS, { required: true }), prop([], 'autodeflate', TRISTATE_SWITCH), prop([], 'freePageReporting', TRISTATE_SWITCH)],
  sound: [
    prop([], 'model', SOUND_MODELS, { required: true }),
    (n) => children(n, 'codec').forEach((c) => propEnum(c, 'type', SOUND_CODECS, { required: true })),
  ],
  tpm: [
    prop([], 'model', TPM_MODELS, { nonzero: true }),
    count('backend', (k) => k <= 1, () => xmlError('only one TPM backend is supported')),
    count('backend', (k) => k >= 1, () => xmlError('missing TPM device backend')),
    prop(['backend'], 'type', TPM_BACKENDS, { required: true }),
    prop(['backend'], 'version', TPM_VERSIONS, { nonzero: true }),
  ],
  filesystem: [
    prop([], 'type', FS_TYPES),
    prop([], 'accessmode', FS_ACCESS),
    prop([], 'model', FS_MODELS, { nonzero: true }),
    prop([], 'multidevs', FS_MULTIDEVS),
    prop(['driver'], 'type', FS_DRIVERS),
    prop(['driver'], 'wrpolicy', FS_WRPOLICY),
  ],
  shmem: [
    prop(['model'], 'type', SHMEM_MODELS),
    (n) => {
      if (n.attrs.name === undefined) throw xmlError("shmem element must contain 'name' attribute");
    },
    prop([], 'role', SHMEM_ROLES, { nonzero: true }),
  ],
  hostdev: hostdevSteps,
  smartcard: [
    prop([], 'mode', SMARTCARD_MODES, { required: true }),
    (n) => {
      if (n.attrs.mode === 'host-certificates' && children(n, 'certificate').length !== 3) throw xmlError('host-certificates mode needs exactly three certificates');
    },
  ],
  panic: [named([], 'model', PANIC_MODELS, (v) => unsupportedConfig(`unknown panic model '${v}'`))],
  iommu: [prop([], 'model', IOMMU_MODELS, { required: true })],
  vsock: [prop([], 'model', VSOCK_MODELS)],
  audio: [
    prop([], 'type', AUDIO_TYPES, { required: true }),
    (n) => void propUInt(n, 'id', 10, { required: true, nonzero: true }),
    (n) => void propUInt(n, 'timerPeriod', 10, { nonzero: true }),
  ],
  memory: [
    prop([], 'model', MEMORY_MODELS, { required: true, nonzero: true }),
    prop([], 'access', MEMORY_ACCESS, { nonzero: true }),
    prop([], 'discard', TRISTATE_BOOL, { nonzero: true }),
    (n) => {
      const uuid = child(n, 'uuid');
      if (n.attrs.model === 'nvdimm' && uuid && uuid.text !== '' && !parseUUID(uuid.text)) throw internalError('malformed uuid element');
    },
    (n) => {
      if (!child(n, 'target')) throw xmlError('missing <target> element for <memory> device');
    },
  ],
};

/** Runs a device's parse-time checks in libvirt's order. */
export function checkDeviceAttrs(kind: DeviceKind, n: XNode): void {
  for (const step of DEVICE_ATTR_CHECKS[kind] ?? []) step(n);
}
