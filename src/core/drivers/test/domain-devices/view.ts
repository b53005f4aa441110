import { formatDomainXML, type DomainDef } from '../../../xml/domain/index.js';
import { child, children, parseTree, type XNode } from '../../../xml/tree.js';

/** INACTIVE | SECURE: the full definition as stored, whatever the domain's state. */
const FORMAT_FLAGS = 2 | 1;

/** The parts of a definition's XML this group reads (devices, tuning elements). */
export function defTree(def: DomainDef): XNode {
  return parseTree(formatDomainXML(def, { flags: FORMAT_FLAGS }));
}

export interface DiskView {
  /** target dev */
  dst: string;
  type: string;
  device: string;
  /** source file/dev/dir/name/volume, undefined when the disk has no medium */
  src?: string;
}

export interface NetView {
  type: string;
  ifname?: string;
  mac?: string;
  network?: string;
}

export function disks(tree: XNode): DiskView[] {
  return children(child(tree, 'devices'), 'disk').map((d) => {
    const src = child(d, 'source');
    const a = src?.attrs ?? {};
    const path = a.file ?? a.dev ?? a.dir ?? a.name ?? a.volume ?? a.path;
    return {
      dst: child(d, 'target')?.attrs.dev ?? '',
      type: d.attrs.type ?? 'file',
      device: d.attrs.device ?? 'disk',
      src: path,
    };
  });
}

export function nets(tree: XNode): NetView[] {
  return children(child(tree, 'devices'), 'interface').map((n) => ({
    type: n.attrs.type ?? '',
    ifname: child(n, 'target')?.attrs.dev,
    mac: child(n, 'mac')?.attrs.address,
    network: child(n, 'source')?.attrs.network,
  }));
}

/**
 * virDomainDiskByName: a name without a leading '/' is a target; one with it is a source path,
 * the first match when `allowAmbiguous`, else only a unique one.
 */
export function diskByName(tree: XNode, name: string, allowAmbiguous: boolean): DiskView | undefined {
  const all = disks(tree);
  if (!name.startsWith('/')) return all.find((d) => d.dst === name);
  const matches = all.filter((d) => d.type !== 'volume' && d.src === name);
  return allowAmbiguous || matches.length === 1 ? matches[0] : undefined;
}

export function hasMemballoon(tree: XNode): boolean {
  const mb = child(child(tree, 'devices'), 'memballoon');
  return !!mb && mb.attrs.model !== 'none';
}

export function numaNodeCount(tree: XNode): number {
  return children(child(child(tree, 'cpu'), 'numa'), 'cell').length;
}

/** <maxMemory> in KiB, 0 when absent. */
export function maxMemoryKiB(tree: XNode): number {
  const m = child(tree, 'maxMemory');
  return m ? Number(m.text.trim()) : 0;
}
