/** virInterface*. */
export interface InterfaceApi {}
