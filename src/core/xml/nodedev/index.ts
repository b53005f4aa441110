export * from './types.js';
export { formatNodeDevice } from './format.js';
export { parseNodeDevice, type NodeDevParseMode } from './parse.js';
