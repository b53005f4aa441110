import type { DomainApi } from '../../api/domain.js';
import type { XNode } from '../../xml/tree.js';
import type { TestNode, LoadContext } from './node.js';

export interface DomainsState {}

export function loadDomains(_root: XNode, _ctx: LoadContext): DomainsState {
  return {};
}

export function domainOps(_node: TestNode): DomainApi {
  return {} as DomainApi;
}
