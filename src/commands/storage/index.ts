import type { HandlerTable } from '../types.js';
import { poolAsHandlers } from './pool-as.js';
import { poolEdit } from './pool-edit.js';
import { poolEvent } from './pool-event.js';
import { poolInfoHandlers } from './pool-info.js';
import { poolLifecycleHandlers } from './pool-lifecycle.js';
import { poolList } from './pool-list.js';
import { poolSourceHandlers } from './pool-sources.js';
import { volCreateHandlers } from './vol-create.js';
import { volInfoHandlers } from './vol-info.js';
import { volOpsHandlers } from './vol-ops.js';

export const storageHandlers: HandlerTable = {
  ...poolLifecycleHandlers,
  ...poolAsHandlers,
  ...poolInfoHandlers,
  ...poolSourceHandlers,
  'pool-list': poolList,
  'pool-edit': poolEdit,
  'pool-event': poolEvent,
  ...volCreateHandlers,
  ...volInfoHandlers,
  ...volOpsHandlers,
};
