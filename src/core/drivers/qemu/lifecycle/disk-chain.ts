// The storage source indexes and chain ends a running guest's disks show: each source gets
// the number of its -blockdev node pair (libvirt-N-storage / libvirt-N-format, counted down
// from the last disk as the command line names them) as <source index='N'/>, and a chain
// probed to its end is closed with an empty <backingStore/> (qemuDomainDetermineDiskChain).
import { openSync, readSync, closeSync } from 'node:fs';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, setAttr, sub } from '../../../xml/domain/elem.js';

/** Whether a qcow2 image names a backing file (header bytes 8–15: its offset, 0 = none). */
function hasBackingFile(path: string, format: string | undefined): boolean {
  if (format !== 'qcow2') return false;
  const buf = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, buf, 0, 16, 0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return buf.readBigUInt64BE(8) !== 0n;
}

export function markDiskSources(def: DomainDef): void {
  const disks = def.devices.filter((d) => d.kind === 'disk');
  let n = disks.length;
  for (const d of disks) {
    const node = n--;
    const src = sub(d.el, 'source');
    const path = attr(src, 'file') ?? attr(src, 'dev');
    if (!src || !path) continue;
    setAttr(src, 'index', String(node));
    // A backing chain would need its own elements; only chains that end here are recorded.
    if (sub(d.el, 'backingStore') || hasBackingFile(path, attr(sub(d.el, 'driver'), 'type'))) continue;
    d.el.children.splice(d.el.children.indexOf(src) + 1, 0, elem('backingStore'));
  }
}
