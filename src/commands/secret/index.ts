import type { HandlerTable } from '../types.js';

export const secretHandlers: HandlerTable = {};
