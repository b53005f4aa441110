import type { HandlerTable } from '../types.js';
import { infoHandlers } from './info.js';
import { memoryHandlers } from './memory.js';
import { tuneHandlers } from './tune.js';
import { cpuHandlers } from './cpu.js';
import { cpuXmlHandlers } from './cpu-xml.js';

export const hostHandlers: HandlerTable = {
  ...infoHandlers,
  ...memoryHandlers,
  ...tuneHandlers,
  ...cpuHandlers,
  ...cpuXmlHandlers,
};
