// The test driver's domains live in ./domain/; this file keeps the group's import path.
export { builtInDomains, loadDomains, domainOps, type DomainReader } from './domain/index.js';
export type { DomainsState, DomainObj } from './domain/state.js';
