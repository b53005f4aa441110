import { statSync } from 'node:fs';
import { virErr } from '../errors.js';
import type { DomainDef } from '../xml/domain/index.js';
import { diskByName, domainDisks } from '../xml/snapshot/embed.js';
import type { SnapshotDef, SnapshotDiskDef, SnapshotLocation } from '../xml/snapshot/def.js';

const unsupportedConfig = (msg: string) => virErr('CONFIG_UNSUPPORTED', msg, 'DOMAIN_SNAPSHOT');

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** virDomainSnapshotDefAssignExternalNames: `<image minus suffix>.<snapshot name>`. */
function assignExternalNames(def: SnapshotDef, dom: DomainDef): void {
  const disks = domainDisks(dom);
  def.disks.forEach((disk, i) => {
    if (disk.snapshot !== 'external' || disk.path !== undefined) return;
    if (disk.type !== 'file') {
      throw unsupportedConfig(`cannot generate external snapshot name for disk '${disk.name}' on a '${disk.type}' device`);
    }
    const orig = disks[i]?.source;
    if (orig === undefined) {
      throw unsupportedConfig(`cannot generate external snapshot name for disk '${disk.name}' without source`);
    }
    if (!isRegularFile(orig)) {
      throw unsupportedConfig(
        `source for disk '${disk.name}' is not a regular file; refusing to generate external snapshot name`,
      );
    }
    const dot = orig.lastIndexOf('.');
    const stem = dot >= 0 && !orig.slice(dot).includes('/') ? orig.slice(0, dot) : orig;
    disk.path = `${stem}.${def.name}`;
    const clash = def.disks.slice(0, i).find((d) => d.path === disk.path);
    if (clash) {
      throw unsupportedConfig(
        `cannot generate external snapshot name for disk '${disk.name}': collision with disk '${clash.name}'`,
      );
    }
  });
}

/**
 * virDomainSnapshotAlignDisks with uniform internal snapshots: one entry per domain disk, in
 * domain order, each with its snapshot mode settled; requested disks must exist once each.
 */
export function alignSnapshotDisks(def: SnapshotDef, existingDom: DomainDef | undefined, dflt: SnapshotLocation): void {
  const dom = def.dom ?? existingDom;
  if (!dom) throw virErr('INTERNAL_ERROR', 'missing domain in snapshot', 'DOMAIN_SNAPSHOT');
  const disks = domainDisks(dom);
  if (def.disks.length > disks.length) throw unsupportedConfig('too many disk snapshot requests for domain');
  const requireMatch = dflt === 'internal';
  if (!disks.length) return;
  const byDst = new Map<string, SnapshotDiskDef>();
  for (const sd of def.disks) {
    const dd = diskByName(disks, sd.name);
    if (!dd) throw unsupportedConfig(`no disk named '${sd.name}'`);
    if (byDst.has(dd.dst)) throw unsupportedConfig(`disk '${sd.name}' specified twice`);
    byDst.set(dd.dst, sd);
    const domMode = (dd.snapshot ?? 'default') as SnapshotLocation;
    if (sd.snapshot === 'default') {
      sd.snapshot = domMode !== 'default' && (!requireMatch || domMode === 'no') ? domMode : dflt;
    } else if (requireMatch && sd.snapshot !== dflt && !(sd.snapshot === 'no' && domMode === 'no')) {
      throw unsupportedConfig(`disk '${sd.name}' must use snapshot mode '${dflt}'`);
    }
    if (sd.path !== undefined && sd.snapshot !== 'external') {
      throw unsupportedConfig(`file '${sd.path}' for disk '${sd.name}' requires use of external snapshot mode`);
    }
    sd.name = dd.dst;
  }
  def.disks = disks.map((dd) => {
    const given = byDst.get(dd.dst);
    if (given) return given;
    const own = (dd.snapshot ?? 'default') as SnapshotLocation;
    const snapshot: SnapshotLocation = dd.empty ? 'no' : own !== 'default' ? own : dflt;
    return { name: dd.dst, snapshot, type: 'file' };
  });
  assignExternalNames(def, dom);
}
