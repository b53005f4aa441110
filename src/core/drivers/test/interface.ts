import type { InterfaceApi } from '../../api/interface.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';

export interface InterfacesState {}

export function loadInterfaces(_root: XNode, _ctx: LoadContext): InterfacesState {
  return {};
}

export function interfaceOps(_node: TestNode): InterfaceApi {
  return {} as InterfaceApi;
}
