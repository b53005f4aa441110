import type { NodeDeviceHandle } from './handles.js';

/** VIR_CONNECT_LIST_NODE_DEVICES_* filter flags, keyed by capability name. */
export const NODE_DEVICE_CAP_FLAGS: Readonly<Record<string, number>> = {
  system: 1 << 0,
  pci: 1 << 1,
  usb_device: 1 << 2,
  usb: 1 << 3,
  net: 1 << 4,
  scsi_host: 1 << 5,
  scsi_target: 1 << 6,
  scsi: 1 << 7,
  storage: 1 << 8,
  fc_host: 1 << 9,
  vports: 1 << 10,
  scsi_generic: 1 << 11,
  drm: 1 << 12,
  mdev_types: 1 << 13,
  mdev: 1 << 14,
  ccw: 1 << 15,
  css: 1 << 16,
  vdpa: 1 << 17,
  ap_card: 1 << 18,
  ap_queue: 1 << 19,
  ap_matrix: 1 << 20,
  vpd: 1 << 21,
};
export const LIST_NODE_DEVICES_INACTIVE = 1 << 30;
export const LIST_NODE_DEVICES_ACTIVE = 2 ** 31;

/** virNodeDevice*: host devices, their XML, and vHBA creation. */
export interface NodeDeviceApi {
  nodeNumOfDevices(cap: string | undefined, flags: number): Promise<number>;
  nodeListDevices(cap: string | undefined, flags: number): Promise<string[]>;
  listAllNodeDevices(flags: number): Promise<NodeDeviceHandle[]>;
  nodeDeviceLookupByName(name: string): Promise<NodeDeviceHandle>;
  nodeDeviceLookupSCSIHostByWWN(wwnn: string, wwpn: string, flags: number): Promise<NodeDeviceHandle>;
  nodeDeviceGetXMLDesc(dev: NodeDeviceHandle, flags: number): Promise<string>;
  nodeDeviceGetParent(dev: NodeDeviceHandle): Promise<string>;
  nodeDeviceListCaps(dev: NodeDeviceHandle): Promise<string[]>;
  nodeDeviceCreateXML(xml: string, flags: number): Promise<NodeDeviceHandle>;
  nodeDeviceDefineXML(xml: string, flags: number): Promise<NodeDeviceHandle>;
  nodeDeviceDestroy(dev: NodeDeviceHandle): Promise<void>;
  nodeDeviceUndefine(dev: NodeDeviceHandle, flags: number): Promise<void>;
  /** virNodeDeviceCreate: starts a defined (inactive) device. */
  nodeDeviceCreate(dev: NodeDeviceHandle, flags: number): Promise<void>;
  nodeDeviceDettach(dev: NodeDeviceHandle): Promise<void>;
  nodeDeviceDetachFlags(dev: NodeDeviceHandle, driverName: string | undefined, flags: number): Promise<void>;
  nodeDeviceReAttach(dev: NodeDeviceHandle): Promise<void>;
  nodeDeviceReset(dev: NodeDeviceHandle): Promise<void>;
  nodeDeviceSetAutostart(dev: NodeDeviceHandle, autostart: boolean): Promise<void>;
  nodeDeviceGetAutostart(dev: NodeDeviceHandle): Promise<boolean>;
  nodeDeviceIsActive(dev: NodeDeviceHandle): Promise<boolean>;
  nodeDeviceIsPersistent(dev: NodeDeviceHandle): Promise<boolean>;
}
