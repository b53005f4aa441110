import type { HandlerTable } from '../types.js';

export const nodedevHandlers: HandlerTable = {};
