import type { DomainApi } from '../../../api/domain.js';
import type { TestNode } from '../node.js';
import { lookupOps } from './lookup.js';
import { defineOps } from './define.js';
import { lifecycleOps } from './lifecycle.js';
import { saveOps } from './save.js';
import { miscOps, unsupportedOps } from './misc.js';

export { loadDomains } from './load.js';

export function domainOps(node: TestNode): DomainApi {
  return {
    ...lookupOps(node),
    ...defineOps(node),
    ...lifecycleOps(node),
    ...saveOps(node),
    ...miscOps(node),
    ...unsupportedOps,
  };
}
