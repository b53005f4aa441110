import type { HandlerTable } from '../types.js';

export const networkHandlers: HandlerTable = {};
