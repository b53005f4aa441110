import type { HandlerTable } from '../types.js';

export const storageHandlers: HandlerTable = {};
