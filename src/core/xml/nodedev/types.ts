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

export type NodeDevCap = SystemCap | ScsiHostCap | ScsiTargetCap | ScsiCap;

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
