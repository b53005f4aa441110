export * from './model.js';
export { parseInterfaceXML, parseInterfaceNode } from './parse.js';
export { formatInterfaceXML } from './format.js';
