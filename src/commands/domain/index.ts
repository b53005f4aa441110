import type { HandlerTable } from '../types.js';

export const domainHandlers: HandlerTable = {};
