import type { DomainApi } from '../../../api/domain.js';
import type { TestNode } from '../node.js';

export { loadDomains } from './load.js';

export function domainOps(_node: TestNode): DomainApi {
  return {} as DomainApi;
}
