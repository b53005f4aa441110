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

/** Formats without backing files: libvirt only checks that the image exists, not as whom. */
const NO_BACKING_FORMATS = ['raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop'];

/** qemuProcessPrepareHostStorage: the disks from last to first, each image's existence. */
export function checkStorage(def: DomainDef, conf: QemuConf): void {
  for (const d of def.devices.filter((x) => x.kind === 'disk').reverse()) {
    const v = diskView(d);
    if ((v.type !== 'file' && v.type !== 'block') || !v.source) continue;
    const err = statError(v.source);
    if (!err) continue;
    const as = NO_BACKING_FORMATS.includes(v.driverType ?? '') ? '' : ` (as uid:${conf.uid}, gid:${conf.gid})`;
    throw virErr('SYSTEM_ERROR', `Cannot access storage file '${v.source}'${as}: ${strerror(err)}`);
  }
}

export function checkLabelledFiles(def: DomainDef): void {
  for (const path of [def.os.kernel, def.os.initrd, def.os.dtb]) {
    if (!path) continue;
    const err = statError(path);
    if (err) throw virErr('SYSTEM_ERROR', `unable to stat: ${path}: ${strerror(err)}`);
  }
}

/**
 * A drive without media has no format once the guest runs: libvirt's live definition of an
 * empty cdrom or floppy shows `<driver name='qemu'/>` where the inactive one has type='raw'.
 */
export function dropEmptyDiskFormats(def: DomainDef): void {
  for (const d of def.devices) {
    if (d.kind !== 'disk' || diskView(d).source) continue;
    const driver = d.el.children.find((c) => c.name === 'driver');
    if (driver) driver.attrs = driver.attrs.filter(([k]) => k !== 'type');
  }
}
