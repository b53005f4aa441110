export * from './model.js';
export { parseNetworkXML, parseNetworkNode } from './parse.js';
export { formatNetworkXML } from './format.js';
export * from './update.js';
