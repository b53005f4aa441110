import type { HandlerTable } from '../types.js';

export const snapshotHandlers: HandlerTable = {};
