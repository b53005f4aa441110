export { loadNetworks, type NetworksState } from './network/state.js';
export { networkOps } from './network/ops.js';
