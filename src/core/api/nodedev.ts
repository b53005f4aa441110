/** virNodeDevice*. */
export interface NodeDeviceApi {}
