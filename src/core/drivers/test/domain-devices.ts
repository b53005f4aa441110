// The test driver's device/resource/statistics calls live in ./domain-devices/.
export { domainDeviceOps } from './domain-devices/index.js';
