import { resolve } from 'node:path';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { DomainSave, DomainXML, RunningReason, ShutoffReason, type DomainApi } from '../../../api/domain.js';
import { formatDomainXML, parseDomainXML, type DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import type { TestNode } from '../node.js';
import { domainLifecycle } from '../events/index.js';
import { DomainLifecycle as Ev, LifecycleDetail as D } from '../../../api/events.js';
import { checkAdd, commitAdd } from './add.js';
import { copyDef, generateIfnames } from './defs.js';
import { systemError } from './system-error.js';
import { checkFlags } from '../../check-flags.js';
import { checkActive, objFromHandle, removeObj, shutdownState, startState } from './state.js';
import type { SAVE_CALLS } from './calls.js';

type Ops = Pick<DomainApi, (typeof SAVE_CALLS)[number]>;

/** The test driver's image header: the magic string with its NUL, as libvirt writes it. */
const MAGIC = Buffer.from('TestGuestMagic\0', 'latin1');

/**
 * The public save/restore/image/core-dump APIs hand drivers g_canonicalize_filename(path):
 * absolute against the client's working directory, '.' and '..' folded lexically.
 */
const canonical = (path: string): string => resolve(path);

/** testDomainSaveImageWrite: magic, native-endian int32 length, then the secure XML. */
function writeImage(file: string, def: DomainDef, id: number): void {
  const path = canonical(file);
  const xml = Buffer.from(formatDomainXML(def, { flags: DomainXML.SECURE, id }), 'utf8');
  let fd: number;
  try {
    fd = openSync(path, 'w', 0o600);
  } catch (e) {
    throw systemError(`saving domain '${def.name}' to '${path}': open failed`, e);
  }
  try {
    const len = Buffer.alloc(4);
    len.writeInt32LE(xml.length);
    writeSync(fd, Buffer.concat([MAGIC, len, xml]));
    closeSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(path);
    throw systemError(`saving domain '${def.name}' to '${path}': write failed`, e);
  }
}

/** testDomainSaveImageOpen: checks the header and parses the definition inside. */
function readImage(file: string): DomainDef {
  const path = canonical(file);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw systemError(`cannot read domain image '${path}'`, e);
  }
  let data: Buffer;
  try {
    data = readFileSync(fd);
  } catch (e) {
    // open(2) takes a directory; its first read fails.
    throw systemError(`incomplete save header in '${path}'`, e);
  } finally {
    closeSync(fd);
  }
  if (data.length < MAGIC.length) throw virErr('SYSTEM_ERROR', `incomplete save header in '${path}': Success`);
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw virErr('INTERNAL_ERROR', 'mismatched header magic');
  if (data.length < MAGIC.length + 4)
    throw virErr('SYSTEM_ERROR', `failed to read metadata length in '${path}': Success`);
  const len = data.readInt32LE(MAGIC.length);
  if (len < 1 || len > 8192) throw virErr('INTERNAL_ERROR', 'length of metadata out of range');
  const start = MAGIC.length + 4;
  if (data.length < start + len) throw virErr('SYSTEM_ERROR', `incomplete metadata in '${path}': Success`);
  return parseDomainXML(data.subarray(start, start + len).toString('utf8'), { driverType: 'test' });
}

export function saveOps(node: TestNode): Ops {
  const s = node.domains;
  const noXml = (dxml: string | null) => {
    if (dxml) throw virErr('ARGUMENT_UNSUPPORTED', 'xml modification unsupported');
  };
  return {
    async domainSave(dom, path, dxml, flags) {
      checkFlags(flags, 0, 'testDomainSaveFlags');
      noXml(dxml);
      const obj = objFromHandle(s, dom);
      checkActive(obj);
      writeImage(path, obj.def, obj.id);
      shutdownState(obj, ShutoffReason.SAVED);
      domainLifecycle(node, obj, Ev.STOPPED, D.STOPPED_SAVED);
      if (!obj.persistent) removeObj(s, obj);
    },
    async domainRestore(path, dxml, flags) {
      checkFlags(flags, 0, 'testDomainRestoreFlags');
      noXml(dxml);
      const def = readImage(path);
      generateIfnames(def);
      const existing = checkAdd(s, def, true);
      const obj = commitAdd(s, existing, def, true);
      startState(s, obj, RunningReason.RESTORED, copyDef);
      domainLifecycle(node, obj, Ev.STARTED, D.STARTED_RESTORED);
    },
    async domainSaveImageGetXMLDesc(path, flags) {
      checkFlags(flags, DomainXML.SECURE, 'testDomainSaveImageGetXMLDesc');
      return formatDomainXML(readImage(path), { flags: DomainXML.SECURE, id: -1 });
    },
    async domainSaveImageDefineXML(path, dxml, flags) {
      checkFlags(flags, DomainSave.RUNNING | DomainSave.PAUSED, 'testDomainSaveImageDefineXML');
      readImage(path);
      const def = parseDomainXML(dxml, { driverType: 'test' });
      writeImage(path, def, -1);
    },
    async domainManagedSave(dom, flags) {
      checkFlags(flags, DomainSave.BYPASS_CACHE | DomainSave.RUNNING | DomainSave.PAUSED, 'testDomainManagedSave');
      const obj = objFromHandle(s, dom);
      checkActive(obj);
      if (!obj.persistent) throw virErr('OPERATION_INVALID', 'cannot do managed save for transient domain');
      shutdownState(obj, ShutoffReason.SAVED);
      domainLifecycle(node, obj, Ev.STOPPED, D.STOPPED_SAVED);
      obj.hasManagedSave = true;
    },
    async domainHasManagedSaveImage(dom, flags) {
      checkFlags(flags, 0, 'testDomainHasManagedSaveImage');
      return objFromHandle(s, dom).hasManagedSave;
    },
    async domainManagedSaveRemove(dom, flags) {
      checkFlags(flags, 0, 'testDomainManagedSaveRemove');
      objFromHandle(s, dom).hasManagedSave = false;
    },
    async domainCoreDumpWithFormat(dom, file, format, flags) {
      const to = canonical(file);
      const CRASH = 1;
      checkFlags(flags, CRASH, 'testDomainCoreDumpWithFormat');
      const obj = objFromHandle(s, dom);
      checkActive(obj);
      let fd: number;
      try {
        fd = openSync(to, 'w', 0o600);
      } catch (e) {
        throw systemError(`domain '${dom.name}' coredump: failed to open ${to}`, e);
      }
      writeSync(fd, MAGIC);
      closeSync(fd);
      if (format !== 0) throw virErr('OPERATION_UNSUPPORTED', 'kdump-compressed format is not supported here');
      if (flags & CRASH) {
        shutdownState(obj, ShutoffReason.CRASHED);
        domainLifecycle(node, obj, Ev.STOPPED, D.STOPPED_CRASHED);
        if (!obj.persistent) removeObj(s, obj);
      }
    },
  };
}
