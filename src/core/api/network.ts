/** virNetwork*. */
export interface NetworkApi {}
