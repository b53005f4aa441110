import type { HandlerTable } from '../types.js';
import { nodedevCommands } from './commands.js';
import { nodedevList } from './list.js';
import { nodedevEvent } from './event.js';

export const nodedevHandlers: HandlerTable = {
  ...nodedevCommands,
  'nodedev-list': nodedevList,
  'nodedev-event': nodedevEvent,
};
