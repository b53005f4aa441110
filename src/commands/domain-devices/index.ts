import type { HandlerTable } from '../types.js';
import * as attach from './attach.js';
import * as detach from './detach.js';
import * as blk from './blk.js';
import * as iface from './iface.js';
import * as vcpu from './vcpu.js';
import * as memory from './memory.js';
import * as tune from './tune.js';
import * as stats from './stats.js';
import * as iothread from './iothread.js';
import * as guest from './guest.js';
import * as display from './display.js';
import * as block from './block.js';
import * as qemu from './qemu.js';
import { sendProcessSignal } from './signal.js';
import { setLifecycleAction } from './lifecycle-action.js';
import { domFdAssociate } from './fd-associate.js';
import { migrate } from './migrate.js';
import * as migrateTune from './migrate-tune.js';

export const domainDeviceHandlers: HandlerTable = {
  'attach-device': attach.attachDevice,
  'attach-disk': attach.attachDisk,
  'attach-interface': attach.attachInterface,
  'detach-device': detach.detachDevice,
  'detach-device-alias': detach.detachDeviceAlias,
  'detach-disk': detach.detachDisk,
  'detach-interface': detach.detachInterface,
  'update-device': detach.updateDevice,
  'change-media': detach.changeMedia,
  domblklist: blk.domblklist,
  domblkinfo: blk.domblkinfo,
  domblkstat: blk.domblkstat,
  domblkerror: blk.domblkerror,
  domiflist: iface.domiflist,
  domifstat: iface.domifstat,
  'domif-getlink': iface.domifGetlink,
  'domif-setlink': iface.domifSetlink,
  domifaddr: iface.domifaddr,
  vcpucount: vcpu.vcpucount,
  vcpuinfo: vcpu.vcpuinfo,
  vcpupin: vcpu.vcpupin,
  emulatorpin: vcpu.emulatorpin,
  setvcpus: vcpu.setvcpus,
  setvcpu: vcpu.setvcpu,
  guestvcpus: vcpu.guestvcpus,
  setmem: memory.setmem,
  setmaxmem: memory.setmaxmem,
  memtune: memory.memtune,
  dommemstat: memory.dommemstat,
  blkiotune: tune.blkiotune,
  blkdeviotune: tune.blkdeviotune,
  numatune: tune.numatune,
  perf: tune.perf,
  schedinfo: tune.schedinfo,
  domiftune: tune.domiftune,
  domlaunchsecinfo: tune.domlaunchsecinfo,
  domstats: stats.domstats,
  domcontrol: stats.domcontrol,
  'cpu-stats': stats.cpuStats,
  iothreadinfo: iothread.iothreadinfo,
  iothreadpin: iothread.iothreadpin,
  iothreadadd: iothread.iothreadadd,
  iothreaddel: iothread.iothreaddel,
  iothreadset: iothread.iothreadset,
  domfsfreeze: guest.domfsfreeze,
  domfsthaw: guest.domfsthaw,
  domfstrim: guest.domfstrim,
  domfsinfo: guest.domfsinfo,
  guestinfo: guest.guestinfo,
  'guest-agent-timeout': guest.guestAgentTimeout,
  'set-user-password': guest.setUserPassword,
  'get-user-sshkeys': guest.getUserSshkeys,
  'set-user-sshkeys': guest.setUserSshkeys,
  'domdirtyrate-calc': guest.domdirtyrateCalc,
  vncdisplay: display.vncdisplay,
  ttyconsole: display.ttyconsole,
  console: display.consoleCmd,
  domdisplay: display.domdisplay,
  domsetlaunchsecstate: guest.domsetlaunchsecstate,
  'update-memory-device': detach.updateMemoryDevice,
  blockcommit: block.blockcommit,
  blockcopy: block.blockcopy,
  blockjob: block.blockjob,
  blockpull: block.blockpull,
  blockresize: block.blockresize,
  domblkthreshold: block.domblkthreshold,
  'qemu-monitor-command': qemu.qemuMonitorCommand,
  'qemu-agent-command': qemu.qemuAgentCommand,
  'qemu-attach': qemu.qemuAttach,
  'qemu-monitor-event': qemu.qemuMonitorEvent,
  'lxc-enter-namespace': qemu.lxcEnterNamespace,
  'send-process-signal': sendProcessSignal,
  'set-lifecycle-action': setLifecycleAction,
  'dom-fd-associate': domFdAssociate,
  migrate,
  'migrate-setmaxdowntime': migrateTune.migrateSetMaxDowntime,
  'migrate-getmaxdowntime': migrateTune.migrateGetMaxDowntime,
  'migrate-compcache': migrateTune.migrateCompcache,
  'migrate-setspeed': migrateTune.migrateSetspeed,
  'migrate-getspeed': migrateTune.migrateGetspeed,
  'migrate-postcopy': migrateTune.migratePostcopy,
};
