import type { HandlerTable } from '../types.js';

export const virshHandlers: HandlerTable = {};
