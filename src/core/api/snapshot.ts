/** virDomainSnapshot*. */
export interface SnapshotApi {}
