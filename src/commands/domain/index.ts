import type { HandlerTable } from '../types.js';
import { list } from './list.js';
import { dominfo, domstate, domid, domname, domuuid, domhostname } from './info.js';
import { domtime } from './time.js';
import { create, define, destroy, reboot, reset, resume, shutdown, start, suspend } from './lifecycle.js';
import { undefine } from './undefine.js';
import * as save from './save.js';
import { desc, metadata } from './desc.js';
import { edit } from './edit.js';
import * as misc from './misc.js';
import { saveImageEdit, managedsaveEdit } from './image-edit.js';
import { sendKey } from './send-key.js';
import { dump } from './dump.js';

export const domainHandlers: HandlerTable = {
  list,
  dominfo,
  domstate,
  domid,
  domname,
  domuuid,
  domhostname,
  domtime,
  dumpxml: misc.dumpxml,
  define,
  undefine,
  create,
  start,
  destroy,
  shutdown,
  reboot,
  reset,
  suspend,
  resume,
  save: save.save,
  restore: save.restore,
  'save-image-dumpxml': save.saveImageDumpxml,
  'save-image-define': save.saveImageDefine,
  managedsave: save.managedsave,
  'managedsave-remove': save.managedsaveRemove,
  'managedsave-dumpxml': save.managedsaveDumpxml,
  'managedsave-define': save.managedsaveDefine,
  'managedsave-edit': managedsaveEdit,
  'save-image-edit': saveImageEdit,
  'send-key': sendKey,
  dump,
  autostart: misc.autostart,
  desc,
  metadata,
  domrename: misc.domrename,
  domjobinfo: misc.domjobinfo,
  domjobabort: misc.domjobabort,
  dompmsuspend: misc.dompmsuspend,
  dompmwakeup: misc.dompmwakeup,
  'inject-nmi': misc.injectNmi,
  screenshot: misc.screenshot,
  'domxml-from-native': misc.domxmlFromNative,
  'domxml-to-native': misc.domxmlToNative,
  edit,
};
