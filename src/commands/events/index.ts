import type { HandlerTable } from '../types.js';
import { domainEvent } from './event.js';

export const eventHandlers: HandlerTable = {
  event: domainEvent,
};
