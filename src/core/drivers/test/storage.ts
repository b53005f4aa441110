import type { StorageApi } from '../../api/storage.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';

export interface StorageState {}

export function loadStorage(_root: XNode, _ctx: LoadContext): StorageState {
  return {};
}

export function storageOps(_node: TestNode): StorageApi {
  return {} as StorageApi;
}
