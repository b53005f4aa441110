import { XmlWriter } from '../writer.js';
import { formatEmbeddedDomain } from './embed.js';
import type { SnapshotDef, SnapshotDiskDef } from './def.js';

export interface SnapshotFormatOptions {
  /** VIR_DOMAIN_SNAPSHOT_XML_SECURE: include secrets in the embedded domain. */
  secure: boolean;
  /** The owning domain's uuid, written as `<domain><uuid>` when no domain was captured. */
  domainUUID?: string;
  /** Node-file form: adds `<active>` saying whether this is the current snapshot. */
  internalCurrent?: boolean;
}

function formatDisk(w: XmlWriter, disk: SnapshotDiskDef): void {
  const attrs: Array<[string, string | undefined]> = [
    ['name', disk.name],
    ['snapshot', disk.snapshot === 'default' ? undefined : disk.snapshot],
  ];
  const hasSource = disk.path !== undefined || disk.format !== undefined;
  if (hasSource) attrs.push(['type', disk.type]);
  if (!disk.deleteInProgress && !hasSource) {
    w.leaf('disk', attrs);
    return;
  }
  w.open('disk', attrs);
  if (disk.deleteInProgress) w.leaf('snapshotDeleteInProgress');
  if (hasSource) {
    if (disk.metadataCacheMaxSize !== undefined) {
      w.open('driver', [['type', disk.format]]).open('metadata_cache');
      w.leaf('max_size', [['unit', 'bytes']], disk.metadataCacheMaxSize.toString());
      w.close('metadata_cache').close('driver');
    } else if (disk.format !== undefined) {
      w.leaf('driver', [['type', disk.format]]);
    }
    const key = disk.type === 'block' ? 'dev' : disk.type === 'file' ? 'file' : 'name';
    if (disk.path !== undefined) w.leaf('source', [[key, disk.path]]);
  }
  w.close('disk');
}

/** virDomainSnapshotDefFormat */
export function formatSnapshotXML(def: SnapshotDef, opts: SnapshotFormatOptions): string {
  const w = new XmlWriter();
  w.open('domainsnapshot');
  w.leaf('name', [], def.name);
  w.optLeaf('description', def.description);
  w.optLeaf('state', def.state);
  if (def.parentName !== undefined) w.open('parent').leaf('name', [], def.parentName).close('parent');
  if (def.creationTime) w.leaf('creationTime', [], def.creationTime);
  if (def.memory !== 'default') w.leaf('memory', [['snapshot', def.memory], ['file', def.memoryFile]]);
  if (def.disks.length) {
    w.open('disks');
    for (const d of def.disks) formatDisk(w, d);
    w.close('disks');
  }
  let body = w.toString();
  if (def.dom) body += formatEmbeddedDomain(def.dom, opts.secure);
  else if (opts.domainUUID) body += `  <domain>\n    <uuid>${opts.domainUUID}</uuid>\n  </domain>\n`;
  if (def.inactiveDom) body += formatEmbeddedDomain(def.inactiveDom, opts.secure, 'inactiveDomain');
  if (def.cookie) body += def.cookie.replace(/^(?=.)/gm, '  ');
  if (opts.internalCurrent !== undefined) body += `  <active>${opts.internalCurrent ? 1 : 0}</active>\n`;
  return body + '</domainsnapshot>\n';
}
