import type { SecretApi } from '../../api/secret.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';

export interface SecretsState {}

export function loadSecrets(_root: XNode, _ctx: LoadContext): SecretsState {
  return {};
}

export function secretOps(_node: TestNode): SecretApi {
  return {} as SecretApi;
}
