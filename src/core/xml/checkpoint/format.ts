import { XmlWriter } from '../writer.js';
import { formatEmbeddedDomain } from '../snapshot/embed.js';
import type { CheckpointDef } from './def.js';

export interface CheckpointFormatOptions {
  secure: boolean;
  noDomain: boolean;
  size: boolean;
}

/** virDomainCheckpointDefFormat */
export function formatCheckpointXML(def: CheckpointDef, opts: CheckpointFormatOptions): string {
  const w = new XmlWriter();
  w.open('domaincheckpoint');
  w.leaf('name', [], def.name);
  w.optLeaf('description', def.description);
  if (def.parentName !== undefined) w.open('parent').leaf('name', [], def.parentName).close('parent');
  if (def.creationTime) w.leaf('creationTime', [], def.creationTime);
  if (def.disks.length) {
    w.open('disks');
    for (const d of def.disks) {
      w.leaf('disk', [
        ['name', d.name],
        ['checkpoint', d.type === 'default' ? undefined : d.type],
        ['bitmap', d.bitmap],
        ['size', opts.size && d.bitmap !== undefined ? d.size : undefined],
      ]);
    }
    w.close('disks');
  }
  let body = w.toString();
  if (def.dom && !opts.noDomain) body += formatEmbeddedDomain(def.dom, opts.secure);
  return body + '</domaincheckpoint>\n';
}
