// The host-side checks libvirt makes before QEMU is run, with its messages: every local disk
// image must be reachable (qemuProcessPrepareHostStorage), and the files the DAC security
// driver labels for the guest must exist (virSecurityDACSetOwnership's stat).
import { statSync } from 'node:fs';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import { diskView, type DomainDef } from '../../../xml/domain/index.js';
import type { QemuConf } from '../config/qemu-conf.js';

function statError(path: string): unknown {
  try {
    statSync(path);
    return undefined;
  } catch (e) {
    return e;
  }
}

export function checkStorage(def: DomainDef, conf: QemuConf): void {
  for (const d of def.devices) {
    if (d.kind !== 'disk') continue;
    const v = diskView(d);
    if ((v.type !== 'file' && v.type !== 'block') || !v.source) continue;
    const err = statError(v.source);
    if (err) throw virErr('SYSTEM_ERROR', `Cannot access storage file '${v.source}' (as uid:${conf.uid}, gid:${conf.gid}): ${strerror(err)}`);
  }
}

export function checkLabelledFiles(def: DomainDef): void {
  for (const path of [def.os.kernel, def.os.initrd, def.os.dtb]) {
    if (!path) continue;
    const err = statError(path);
    if (err) throw virErr('SYSTEM_ERROR', `unable to stat: ${path}: ${strerror(err)}`);
  }
}
