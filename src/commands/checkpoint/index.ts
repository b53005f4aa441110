import type { HandlerTable } from '../types.js';
import { checkpointCreate, checkpointCreateAs } from './create.js';
import { checkpointDelete, checkpointDumpXML, checkpointInfo, checkpointListCmd, checkpointParent } from './commands.js';
import { checkpointEdit } from './edit.js';

export const checkpointHandlers: HandlerTable = {
  'checkpoint-create': checkpointCreate,
  'checkpoint-create-as': checkpointCreateAs,
  'checkpoint-delete': checkpointDelete,
  'checkpoint-dumpxml': checkpointDumpXML,
  'checkpoint-edit': checkpointEdit,
  'checkpoint-info': checkpointInfo,
  'checkpoint-list': checkpointListCmd,
  'checkpoint-parent': checkpointParent,
};
