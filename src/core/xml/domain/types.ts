import type { Address } from './address.js';
import type { Elem } from './elem.js';

/** Where and how a device sits on its bus: virDomainDeviceInfo. */
export interface DeviceInfo {
  bootOrder?: number;
  loadparm?: string;
  alias?: string;
  /** `<master startport=…/>` of USB companion controllers. */
  master?: Elem;
  rom?: Elem;
  acpiIndex?: number;
  address?: Address;
}

export const DEVICE_KINDS = [
  'disk', 'controller', 'lease', 'filesystem', 'interface', 'smartcard', 'serial', 'parallel', 'console',
  'channel', 'input', 'tpm', 'graphics', 'sound', 'audio', 'video', 'hostdev', 'redirdev', 'redirfilter',
  'hub', 'watchdog', 'memballoon', 'rng', 'nvram', 'panic', 'shmem', 'memory', 'iommu', 'vsock',
] as const;

/** A device kind is its element name under `<devices>`; this is also libvirt's format order. */
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * One device. `el` holds the device element in canonical form without its bus information
 * (boot, alias, address…), which lives in `info`; typed accessors in devices/ read the fields
 * callers need (disk target, interface MAC, graphics port…).
 */
export interface DeviceDef {
  kind: DeviceKind;
  el: Elem;
  info: DeviceInfo;
  /** An interface whose MAC was generated at parse (detach then matches on other fields). */
  macGenerated?: boolean;
}

export interface OsDef {
  type: string;
  arch: string;
  machine?: string;
  firmware?: string;
  /** `<firmware>` feature list under `<os>`. */
  firmwareFeatures?: Elem;
  init?: string;
  initargs: string[];
  initenv: Array<[string, string]>;
  initdir?: string;
  inituser?: string;
  initgroup?: string;
  loader?: Elem;
  nvram?: Elem;
  kernel?: string;
  initrd?: string;
  cmdline?: string;
  dtb?: string;
  root?: string;
  acpiTable?: string;
  bootDevs: string[];
  bootmenu?: { enable: string; timeout?: number };
  bios?: { useserial?: string; rebootTimeout?: number };
  smbiosMode?: string;
}

export interface ClockDef {
  offset: string;
  /** Offset-specific attributes (adjustment, basis, timezone) in output order. */
  attrs: Array<[string, string]>;
  timers: Elem[];
}

export interface VcpuDef {
  placement: string;
  cpuset?: string;
}

/** One vCPU of `<vcpus>`: online, hotpluggable (unset until post-parse), boot order (0 = none). */
export interface VcpuState {
  online: boolean;
  hotpluggable?: 'yes' | 'no';
  order: number;
}

export interface DomainDef {
  /** Hypervisor type attribute: 'test', 'qemu', 'kvm'… */
  type: string;
  name: string;
  uuid: string;
  title?: string;
  description?: string;
  /** KiB */
  memory: number;
  /** KiB */
  currentMemory: number;
  /** Maximum vCPUs (<vcpu>) */
  maxVcpus: number;
  /** Current vCPUs (<vcpu current=…>) */
  vcpus: number;

  genid?: string;
  /** The `<metadata>` element: raw XML children, each with its namespace declaration. */
  metadata?: Elem;
  maxMemory?: { slots: number; kib: number };
  dumpCore?: string;
  blkiotune?: Elem;
  memtune?: Elem;
  memoryBacking?: Elem;
  vcpu: VcpuDef;
  /** `<vcpus>` per-vCPU state (libvirt's individualvcpus), indexed by vCPU id. */
  vcpuStates?: VcpuState[];
  iothreads?: Elem[];
  cputune?: Elem;
  numatune?: Elem;
  resource?: Elem;
  sysinfo: Elem[];
  bootloader?: string;
  bootloaderArgs?: string;
  os: OsDef;
  idmap?: Elem;
  features?: Elem;
  cpu?: Elem;
  clock: ClockDef;
  onPoweroff: string;
  onReboot: string;
  onCrash: string;
  onLockfailure?: string;
  pm?: { s3?: string; s4?: string };
  perf?: Elem;
  emulator?: string;
  devices: DeviceDef[];
  seclabels: Elem[];
  keywrap?: Elem;
  launchSecurity?: Elem;
  /** The test driver's own `<test:…>` namespace elements (runstate, …). */
  testNamespace: Elem[];
}
