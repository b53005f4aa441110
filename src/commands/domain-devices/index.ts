import type { HandlerTable } from '../types.js';

export const domainDeviceHandlers: HandlerTable = {};
