import type { HandlerTable } from '../types.js';
import { snapshotCreate, snapshotCreateAs } from './create.js';
import { snapshotCurrent } from './current.js';
import { snapshotDelete } from './delete.js';
import { snapshotDumpXML } from './dumpxml.js';
import { snapshotEdit } from './edit.js';
import { snapshotInfo } from './info.js';
import { snapshotListCmd } from './list.js';
import { snapshotParent } from './parent.js';
import { snapshotRevert } from './revert.js';

export const snapshotHandlers: HandlerTable = {
  'snapshot-create': snapshotCreate,
  'snapshot-create-as': snapshotCreateAs,
  'snapshot-current': snapshotCurrent,
  'snapshot-delete': snapshotDelete,
  'snapshot-dumpxml': snapshotDumpXML,
  'snapshot-edit': snapshotEdit,
  'snapshot-info': snapshotInfo,
  'snapshot-list': snapshotListCmd,
  'snapshot-parent': snapshotParent,
  'snapshot-revert': snapshotRevert,
};
