import type { DomainApi } from '../../../api/domain.js';
import type { DEFINE_CALLS, SAVE_CALLS } from './calls.js';
import type { TestNode } from '../node.js';
import { lookupOps } from './lookup.js';
import { lifecycleOps } from './lifecycle.js';
import { miscOps, unsupportedOps } from './misc.js';

export { builtInDomains, loadDomains, type DomainReader } from './load.js';

/** The domain calls but those needing the XML parser (define.ts and save.ts, loaded on first call). */
export function domainOps(node: TestNode): Omit<DomainApi, (typeof DEFINE_CALLS)[number] | (typeof SAVE_CALLS)[number]> {
  return {
    ...lookupOps(node),
    ...lifecycleOps(node),
    ...miscOps(node),
    ...unsupportedOps,
  };
}
