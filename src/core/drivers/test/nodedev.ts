import { NODE_DEVICE_CAP_FLAGS, type NodeDeviceApi } from '../../api/nodedev.js';
import { unsupported, virErr } from '../../errors.js';
import { parseXmlDocument } from '../../xml/parse.js';
import { schemaCheck } from '../../xml/relaxng/check.js';
import { formatNodeDevice, parseNodeDevice, type NodeDeviceDef } from '../../xml/nodedev/index.js';
import { children, type XNode } from '../../xml/tree.js';
import { sliceOf, type TestNode, type LoadContext } from './node.js';
import { checkFlags } from '../check-flags.js';
import { checkParentHost, fcNames, mockVport } from './nodedev/vport.js';
import { deviceHasCap } from './nodedev/load.js';
import { resolveFileRef } from './network/file-ref.js';
import { hideNamespacedElements } from '../../xml/network/document.js';
import { nodeDeviceLifecycle } from './events/index.js';
import { NodeDeviceLifecycle } from '../../api/events.js';

export interface NodeDevicesState {
  /** By name, in the order devices appeared. */
  devices: Map<string, NodeDeviceDef>;
}

/** testParseNodedevs: every `/node/device` (inline or `file=`) is an existing device. */
export function loadNodeDevices(root: XNode, ctx: LoadContext): NodeDevicesState {
  const devices = new Map<string, NodeDeviceDef>();
  for (const el of children(root, 'device')) {
    const def = parseNodeDevice(resolveFileRef(el, ctx), 'existing');
    devices.set(def.name, def);
  }
  return { devices };
}

/** The node's devices, read from its file on first use. */
export const nodeDevicesOf = (node: TestNode): NodeDevicesState => sliceOf(node, 'nodedevs', loadNodeDevices);

/** VIR_NODE_DEVICE_CREATE_XML_VALIDATE */
const CREATE_XML_VALIDATE = 1;
const ALL_CAP_FLAGS = Object.values(NODE_DEVICE_CAP_FLAGS).reduce((a, b) => a | b, 0);

export function nodeDeviceOps(node: TestNode): NodeDeviceApi {
  const state = nodeDevicesOf(node);
  const find = (name: string): NodeDeviceDef => {
    const def = state.devices.get(name);
    if (!def) throw virErr('NO_NODE_DEVICE', `no node device with matching name '${name}'`, 'NODEDEV');
    return def;
  };
  const names = (cap: string | undefined) =>
    [...state.devices.values()].filter((d) => cap === undefined || deviceHasCap(d, cap)).map((d) => d.name);
  return {
    nodeNumOfDevices: async (cap, flags) => {
      checkFlags(flags, 0, 'testNodeNumOfDevices');
      return names(cap).length;
    },
    nodeListDevices: async (cap, flags) => {
      checkFlags(flags, 0, 'testNodeListDevices');
      return names(cap);
    },
    listAllNodeDevices: async (flags) => {
      // The test driver filters by capability only; activity filters are refused.
      checkFlags(flags, ALL_CAP_FLAGS, 'testConnectListAllNodeDevices');
      const wanted = Object.entries(NODE_DEVICE_CAP_FLAGS).filter(([, bit]) => flags & bit);
      return [...state.devices.values()]
        .filter((d) => wanted.length === 0 || wanted.some(([cap]) => deviceHasCap(d, cap)))
        .map((d) => ({ name: d.name }));
    },
    nodeDeviceLookupByName: async (name) => ({ name: find(name).name }),
    nodeDeviceLookupSCSIHostByWWN: async () => {
      throw unsupported('virNodeDeviceLookupSCSIHostByWWN');
    },
    nodeDeviceGetXMLDesc: async (dev, flags) => {
      checkFlags(flags, 0, 'testNodeDeviceGetXMLDesc');
      return formatNodeDevice(find(dev.name));
    },
    nodeDeviceGetParent: async (dev) => {
      const parent = find(dev.name).parent;
      if (parent === undefined) throw virErr('INTERNAL_ERROR', 'no parent for this device');
      return parent;
    },
    nodeDeviceListCaps: async (dev) => find(dev.name).caps.map((c) => c.type),
    nodeDeviceCreateXML: async (xml, flags) => {
      checkFlags(flags, CREATE_XML_VALIDATE, 'testNodeDeviceCreateXML');
      if (flags & CREATE_XML_VALIDATE) await schemaCheck(xml, 'nodedev.rng', 'device');
      // Elements in a default namespace are invisible to libvirt's XPath reads.
      const root = hideNamespacedElements(parseXmlDocument(xml, '(node_device_definition)', 'device', 'NODEDEV'));
      const def = parseNodeDevice(root, 'create');
      const { wwnn, wwpn } = fcNames(def);
      checkParentHost(state.devices, def);
      const created = mockVport(state.devices, wwnn, wwpn);
      state.devices.set(created.name, created);
      nodeDeviceLifecycle(node, created.name, NodeDeviceLifecycle.CREATED);
      return { name: created.name };
    },
    nodeDeviceDefineXML: async () => {
      throw unsupported('virNodeDeviceDefineXML');
    },
    nodeDeviceDestroy: async (dev) => {
      const def = find(dev.name);
      // The test driver reports a device that is no vHBA, or whose parent is gone, yet
      // returns success without removing anything; virsh only sees the success.
      const isVhba = def.caps.some((c) => c.type === 'scsi_host' && c.fc);
      if (!isVhba || def.parent === undefined || !state.devices.has(def.parent)) return;
      state.devices.delete(def.name);
      nodeDeviceLifecycle(node, def.name, NodeDeviceLifecycle.DELETED);
    },
    nodeDeviceUndefine: async () => {
      throw unsupported('virNodeDeviceUndefine');
    },
    nodeDeviceCreate: async () => {
      throw unsupported('virNodeDeviceCreate');
    },
    nodeDeviceDettach: async () => {
      throw unsupported('virNodeDeviceDettach');
    },
    nodeDeviceDetachFlags: async () => {
      throw unsupported('virNodeDeviceDetachFlags');
    },
    nodeDeviceReAttach: async () => {
      throw unsupported('virNodeDeviceReAttach');
    },
    nodeDeviceReset: async () => {
      throw unsupported('virNodeDeviceReset');
    },
    nodeDeviceSetAutostart: async () => {
      throw unsupported('virNodeDeviceSetAutostart');
    },
    nodeDeviceGetAutostart: async () => {
      throw unsupported('virNodeDeviceGetAutostart');
    },
    nodeDeviceIsActive: async () => {
      throw unsupported('virNodeDeviceIsActive');
    },
    nodeDeviceIsPersistent: async () => {
      throw unsupported('virNodeDeviceIsPersistent');
    },
  };
}
