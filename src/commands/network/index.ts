import type { HandlerTable } from '../types.js';
import { netDumpxml } from './dumpxml.js';
import { netEdit } from './edit.js';
import { netInfo, netName, netUuid } from './info.js';
import { netAutostart, netCreate, netDefine, netDestroy, netStart, netUndefine } from './lifecycle.js';
import { netList } from './list.js';
import { netDhcpLeases, netEvent } from './misc.js';
import { netPortCreate, netPortDelete, netPortDumpxml, netPortList } from './port.js';
import { netUpdate } from './update.js';

export const networkHandlers: HandlerTable = {
  'net-autostart': netAutostart,
  'net-create': netCreate,
  'net-define': netDefine,
  'net-destroy': netDestroy,
  'net-dhcp-leases': netDhcpLeases,
  'net-dumpxml': netDumpxml,
  'net-edit': netEdit,
  'net-event': netEvent,
  'net-info': netInfo,
  'net-list': netList,
  'net-name': netName,
  'net-port-create': netPortCreate,
  'net-port-delete': netPortDelete,
  'net-port-dumpxml': netPortDumpxml,
  'net-port-list': netPortList,
  'net-start': netStart,
  'net-undefine': netUndefine,
  'net-update': netUpdate,
  'net-uuid': netUuid,
};
