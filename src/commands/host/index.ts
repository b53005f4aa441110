import type { HandlerTable } from '../types.js';

export const hostHandlers: HandlerTable = {};
