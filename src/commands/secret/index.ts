import type { HandlerTable } from '../types.js';
import { secretCommands } from './commands.js';
import { secretEvent } from './event.js';

export const secretHandlers: HandlerTable = {
  ...secretCommands,
  'secret-event': secretEvent,
};
