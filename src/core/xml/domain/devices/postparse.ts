import { attr, cloneElem, elem, setAttr, sub } from '../elem.js';
import { unsupportedConfig } from '../errors.js';
import type { DeviceDef, DomainDef } from '../types.js';
import { addHostdevScsiControllers, insertDevice, isScsiHostdev } from './list.js';
import { DISK_CONTROLLERS, diskBus, postParseDisk } from './disk.js';
import { assignControllerIndexes, controllerIndex, controllerType, newController } from './controller.js';
import { newVideo, postParseVideo, setPrimary } from './video.js';

const ofKind = (def: DomainDef, kind: DeviceDef['kind']) => def.devices.filter((d) => d.kind === kind);
const targetOf = (d: DeviceDef) => sub(d.el, 'target')!;

/** virDomainChrDefPostParse: console target defaults to serial; missing ports take max+1. */
function postParseChr(def: DomainDef, chr: DeviceDef): void {
  const t = targetOf(chr);
  if (chr.kind === 'console' && (attr(t, 'type') === undefined || attr(t, 'type') === 'none')) setAttr(t, 'type', 'serial');
  if (chr.kind === 'channel') return;
  if (attr(t, 'port') === undefined) {
    const max = Math.max(-1, ...ofKind(def, chr.kind).map((c) => Number(attr(targetOf(c), 'port') ?? -1)));
    setAttr(t, 'port', String(max + 1));
  }
}

/** virDomainDefAddConsoleCompat: an HVM guest's first serial console is serial port 0. */
function consoleCompat(def: DomainDef): void {
  const consoles = ofKind(def, 'console');
  if (consoles.slice(1).some((c) => attr(targetOf(c), 'type') === 'serial'))
    throw unsupportedConfig('Only the first console can be a serial port');
  if (def.os.type !== 'hvm') return;
  const serials = ofKind(def, 'serial');
  const first = consoles[0];
  if (first && ['serial', 'none'].includes(attr(targetOf(first), 'type') ?? 'none')) {
    if (serials.length === 0) {
      const el = cloneElem(first.el);
      el.name = 'serial';
      el.children = el.children.map((c) => (c.name === 'target' ? elem('target', [['port', '0']]) : c));
      insertDevice(def.devices, { kind: 'serial', el, info: first.info });
      first.info = {};
    }
  } else if (serials.length && ['none', 'isa-serial', 'spapr-vio-serial', 'system-serial', 'sclp-serial', undefined].includes(attr(targetOf(serials[0]), 'type'))) {
    const stub: DeviceDef = { kind: 'console', el: elem('console', [['type', 'pty']], [elem('target', [['type', 'serial'], ['port', '0']])]), info: {} };
    const at = def.devices.findIndex((d) => d.kind === 'console');
    if (at >= 0) def.devices.splice(at, 0, stub);
    else insertDevice(def.devices, stub);
  }
}

/** virDomainDefMaybeAddController: a missing controller is appended after the others. */
function maybeAddController(def: DomainDef, type: string, index: number, model?: string): void {
  if (ofKind(def, 'controller').some((c) => controllerType(c) === type && controllerIndex(c) === index)) return;
  insertDevice(def.devices, newController(type, index, model));
}

/** virDomainDefAddImplicitControllers. */
function implicitControllers(def: DomainDef): void {
  for (const [bus, type] of DISK_CONTROLLERS) {
    let max = -1;
    for (const d of ofKind(def, 'disk')) {
      if (diskBus(d) === bus && d.info.address?.type === 'drive') max = Math.max(max, d.info.address.controller);
    }
    for (let i = 0; i <= max; i++) maybeAddController(def, type, i);
  }
  const ctrls = ofKind(def, 'controller');
  for (const c of addHostdevScsiControllers(ctrls, def.devices.filter(isScsiHostdev))) if (!ctrls.includes(c)) maybeAddController(def, 'scsi', controllerIndex(c), attr(c.el, 'model'));
  for (const kind of ['channel', 'console'] as const) {
    for (const c of ofKind(def, kind)) {
      if (attr(targetOf(c), 'type') !== 'virtio') continue;
      maybeAddController(def, 'virtio-serial', c.info.address?.type === 'virtio-serial' ? c.info.address.controller : 0);
    }
  }
  const cards = ofKind(def, 'smartcard');
  for (const card of cards) {
    let idx = 0;
    if (card.info.address?.type === 'ccid') idx = card.info.address.controller;
    else if (!card.info.address) {
      let max = -1;
      for (const o of cards) if (o.info.address?.type === 'ccid' && o.info.address.controller === 0) max = Math.max(max, o.info.address.slot);
      card.info.address = { type: 'ccid', controller: 0, slot: max + 1 };
    }
    maybeAddController(def, 'ccid', idx);
  }
}

/** virDomainFSDefPostParse: without a vhost-user socket, access defaults to passthrough. */
function postParseFilesystem(d: DeviceDef): void {
  if (attr(d.el, 'accessmode') || attr(sub(d.el, 'source'), 'socket') !== undefined) return;
  setAttr(d.el, 'accessmode', 'passthrough');
  const order = ['type', 'accessmode', 'model', 'multidevs', 'fmode', 'dmode'];
  d.el.attrs.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

/** SCSI_NARROW_BUS_MAX_CONT_UNIT: units per SCSI controller when assigning addresses. */
const SCSI_MAX_UNIT = 7;

/** virDomainSCSIDriveAddressIsUsed: a SCSI disk or SCSI hostdev sits at controller:0:0:unit. */
export function scsiUnitUsed(def: DomainDef, controller: number, unit: number): boolean {
  return def.devices.some((d) => {
    const a = d.info.address;
    if (a?.type !== 'drive' || a.controller !== controller || a.bus !== 0 || a.target !== 0 || a.unit !== unit) return false;
    return (d.kind === 'disk' && diskBus(d) === 'scsi') || isScsiHostdev(d);
  });
}

/** virDomainHostdevAssignAddress: the first free unit on the first controller that has one. */
function postParseHostdev(def: DomainDef, d: DeviceDef): void {
  if (!isScsiHostdev(d) || d.info.address) return;
  for (let controller = 0; ; controller++) {
    for (let unit = 0; unit < SCSI_MAX_UNIT; unit++) {
      if (scsiUnitUsed(def, controller, unit)) continue;
      d.info.address = { type: 'drive', controller, bus: 0, target: 0, unit };
      return;
    }
  }
}

/** Device post-parse and implicit devices, in virDomainDefPostParse's order. */
export function postParseDevices(def: DomainDef): void {
  assignControllerIndexes(def);
  for (const d of def.devices) {
    if (d.kind === 'disk') postParseDisk(d);
    else if (d.kind === 'serial' || d.kind === 'parallel' || d.kind === 'console' || d.kind === 'channel') postParseChr(def, d);
    else if (d.kind === 'video') postParseVideo(def, d);
    else if (d.kind === 'hostdev') postParseHostdev(def, d);
    else if (d.kind === 'filesystem') postParseFilesystem(d);
  }
}

export function addImplicitDevices(def: DomainDef): void {
  consoleCompat(def);
  implicitControllers(def);
  if (ofKind(def, 'graphics').length && !ofKind(def, 'video').length) insertDevice(def.devices, newVideo());
  const videos = ofKind(def, 'video');
  if (videos.length && attr(sub(videos[0].el, 'model'), 'type') !== 'none') {
    setPrimary(videos[0]);
    postParseVideo(def, videos[0]);
  }
}
