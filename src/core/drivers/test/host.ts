import type { HostApi } from '../../api/host.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';

export interface HostState {}

export function loadHost(_root: XNode, _ctx: LoadContext): HostState {
  return {};
}

export function hostOps(_node: TestNode): HostApi {
  return {} as HostApi;
}
