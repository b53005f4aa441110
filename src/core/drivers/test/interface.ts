export { loadInterfaces, type InterfacesState } from './interface/state.js';
export { interfaceOps } from './interface/ops.js';
