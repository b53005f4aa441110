import type { NetworkApi } from '../../api/network.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';

export interface NetworksState {}

export function loadNetworks(_root: XNode, _ctx: LoadContext): NetworksState {
  return {};
}

export function networkOps(_node: TestNode): NetworkApi {
  return {} as NetworkApi;
}
