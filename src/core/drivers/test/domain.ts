// The test driver's domains live in ./domain/; this file keeps the group's import path.
export { loadDomains, domainOps } from './domain/index.js';
export type { DomainsState, DomainObj } from './domain/state.js';
