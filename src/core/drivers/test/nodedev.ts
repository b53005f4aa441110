import type { NodeDeviceApi } from '../../api/nodedev.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';

export interface NodeDevicesState {}

export function loadNodeDevices(_root: XNode, _ctx: LoadContext): NodeDevicesState {
  return {};
}

export function nodeDeviceOps(_node: TestNode): NodeDeviceApi {
  return {} as NodeDeviceApi;
}
