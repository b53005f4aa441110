import type { HandlerTable } from '../types.js';
import { ifaceBridge, ifaceUnbridge } from './bridge.js';
import { ifaceEdit } from './edit.js';
import { ifaceBegin, ifaceCommit, ifaceDefine, ifaceDestroy, ifaceRollback, ifaceStart, ifaceUndefine } from './lifecycle.js';
import { ifaceDumpxml, ifaceList, ifaceMac, ifaceName } from './list.js';

export const interfaceHandlers: HandlerTable = {
  'iface-begin': ifaceBegin,
  'iface-bridge': ifaceBridge,
  'iface-commit': ifaceCommit,
  'iface-define': ifaceDefine,
  'iface-destroy': ifaceDestroy,
  'iface-dumpxml': ifaceDumpxml,
  'iface-edit': ifaceEdit,
  'iface-list': ifaceList,
  'iface-mac': ifaceMac,
  'iface-name': ifaceName,
  'iface-rollback': ifaceRollback,
  'iface-start': ifaceStart,
  'iface-undefine': ifaceUndefine,
  'iface-unbridge': ifaceUnbridge,
};
