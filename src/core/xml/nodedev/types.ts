/** A node device definition (virNodeDeviceDef) with the capability kinds the test driver uses. */

/** virNodeDevCapType names, in libvirt's enum order. */
export const NODEDEV_CAP_TYPES = [
  'system', 'pci', 'usb_device', 'usb', 'net', 'scsi_host', 'scsi_target', 'scsi', 'storage',
  'fc_host', 'vports', 'scsi_generic', 'drm', 'mdev_types', 'mdev', 'ccw', 'css', 'vdpa',
  'ap_card', 'ap_queue', 'ap_matrix', 'vpd',
] as const;

export type NodeDevCapType = (typeof NODEDEV_CAP_TYPES)[number];

export interface SystemCap {
  type: 'system';
  product?: string;
  hardware: { vendor?: string; version?: string; serial?: string; uuid: string };
  firmware: { vendor?: string; version?: string; releaseDate?: string };
}

export interface ScsiHostCap {
  type: 'scsi_host';
  host: number;
  /** -1 when absent. */
  uniqueId: number;
  /** Present when the host is a Fibre Channel HBA. */
  fc?: { wwnn?: string; wwpn?: string; fabricWwn?: string };
  /** Present when the host can create vports. */
  vportOps?: { maxVports: number; vports: number };
}

export interface ScsiTargetCap {
  type: 'scsi_target';
  target: string;
  fcRemotePort?: { rport: string; wwpn: string };
}

export interface ScsiCap {
  type: 'scsi';
  host: number;
  bus: number;
  target: number;
  lun: number;
  scsiType?: string;
}

export interface UsbDeviceCap {
  type: 'usb_device';
  bus: number;
  device: number;
  vendor: number;
  product: number;
  vendorName?: string;
  productName?: string;
}

export interface UsbInterfaceCap {
  type: 'usb';
  number: number;
  klass: number;
  subclass: number;
  protocol: number;
  description?: string;
}

/** virNodeDevDRMType names, in enum order. */
export const DRM_TYPES = ['primary', 'control', 'render'] as const;

export interface DrmCap {
  type: 'drm';
  drmType: (typeof DRM_TYPES)[number];
}

/** virNetDevFeature names: the bit order features are written in. */
export const NET_FEATURES = [
  'rx', 'tx', 'sg', 'tso', 'gso', 'gro', 'lro', 'rxvlan', 'txvlan', 'ntuple', 'rxhash', 'rdma', 'txudptnl', 'switchdev',
] as const;

/** virNetDevIfState names; the empty first one is "no state". */
export const LINK_STATES = ['', 'unknown', 'notpresent', 'down', 'lowerlayerdown', 'testing', 'dormant', 'up'] as const;

export interface NetCap {
  type: 'net';
  ifname: string;
  address?: string;
  link: { state: (typeof LINK_STATES)[number]; speed: number };
  /** Set features, in NET_FEATURES order. */
  features: (typeof NET_FEATURES)[number][];
  /** 80203 (Ethernet) or 80211 (wireless), when given. */
  subtype?: '80203' | '80211';
}

export interface PciAddress {
  domain: number;
  bus: number;
  slot: number;
  function: number;
}

/** virPCIELinkSpeed names; the empty first one is "not given". */
export const PCIE_LINK_SPEEDS = ['', '2.5', '5', '8', '16', '32', '64'] as const;

export interface PcieLink {
  width: number;
  speed: (typeof PCIE_LINK_SPEEDS)[number];
  /** -1 when absent. */
  port: number;
}

/** virPCIHeaderType names; only the bridge kinds are kept on a device. */
export const PCI_HEADER_TYPES = ['endpoint', 'pci-bridge', 'cardbus-bridge'] as const;

export interface MdevType {
  id: string;
  name?: string;
  deviceApi: string;
  availableInstances: number;
}

/** A VPD custom field: a one-character index and its value, kept in first-seen order. */
export interface VpdCustomField {
  index: string;
  value: string;
}

/** virPCIVPDResource: a PCI device's Vital Product Data. */
export interface PciVpd {
  name: string;
  readonly?: {
    changeLevel?: string;
    manufactureId?: string;
    partNumber?: string;
    serialNumber?: string;
    vendor: VpdCustomField[];
  };
  readwrite?: { assetTag?: string; vendor: VpdCustomField[]; system: VpdCustomField[] };
}

export interface PciCap {
  type: 'pci';
  /** -1 when absent. */
  klass: number;
  domain: number;
  bus: number;
  slot: number;
  function: number;
  vendor: number;
  product: number;
  vendorName?: string;
  productName?: string;
  physFunction?: PciAddress;
  virtFunctions?: { maxCount: number; addresses: PciAddress[] };
  headerType?: 'pci-bridge' | 'cardbus-bridge';
  /** Present when the device has an mdev_types capability (possibly with no types). */
  mdevTypes?: MdevType[];
  vpd?: PciVpd;
  iommuGroup?: { number: number; addresses: PciAddress[] };
  /** -1 when absent. */
  numaNode: number;
  pciExpress?: { cap?: PcieLink; sta?: PcieLink };
}

export interface StorageCap {
  type: 'storage';
  block: string;
  bus?: string;
  driveType?: string;
  model?: string;
  vendor?: string;
  serial?: string;
  /** Non-removable devices only. */
  size: bigint;
  removable?: { mediaAvailable: boolean; mediaSize: bigint; mediaLabel?: string };
  hotpluggable: boolean;
}

export interface MdevCap {
  type: 'mdev';
  typeId: string;
  uuid?: string;
  iommuGroup: number;
  attrs: { name: string; value: string }[];
}

export interface CcwAddress {
  cssid: number;
  ssid: number;
  devno: number;
}

export interface CcwCap extends CcwAddress {
  type: 'ccw';
}

export interface CssCap extends CcwAddress {
  type: 'css';
  channelDevAddr?: CcwAddress;
  /** Present when the subchannel has an mdev_types capability. */
  mdevTypes?: MdevType[];
}

export interface ApCardCap {
  type: 'ap_card';
  adapter: number;
}

export interface ApQueueCap {
  type: 'ap_queue';
  adapter: number;
  domain: number;
}

export interface ApMatrixCap {
  type: 'ap_matrix';
  mdevTypes?: MdevType[];
}

export type NodeDevCap =
  | SystemCap
  | PciCap
  | ScsiHostCap
  | ScsiTargetCap
  | ScsiCap
  | StorageCap
  | UsbDeviceCap
  | UsbInterfaceCap
  | DrmCap
  | NetCap
  | MdevCap
  | CcwCap
  | CssCap
  | ApCardCap
  | ApQueueCap
  | ApMatrixCap;

export interface NodeDeviceDef {
  name: string;
  path?: string;
  devnode?: string;
  devlinks: string[];
  parent?: string;
  parentWwnn?: string;
  parentWwpn?: string;
  parentFabricWwn?: string;
  driver?: string;
  caps: NodeDevCap[];
}
