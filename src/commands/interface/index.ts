import type { HandlerTable } from '../types.js';

export const interfaceHandlers: HandlerTable = {};
