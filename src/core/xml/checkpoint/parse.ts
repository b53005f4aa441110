import { virErr } from '../../errors.js';
import { parseXmlDocument } from '../parse.js';
import { child, type XNode } from '../tree.js';
import { parseEmbeddedDomain, pathString } from '../snapshot/embed.js';
import { type CheckpointDef, type CheckpointType } from './def.js';

/** virDomainCheckpointParseFlags */
export const CheckpointParse = { REDEFINE: 1 << 0 } as const;

function parseDisk(node: XNode): CheckpointDef['disks'][number] {
  const checkpoint = node.attrs.checkpoint;
  const type: CheckpointType = checkpoint === undefined ? 'bitmap' : (checkpoint as CheckpointType);
  return { name: node.attrs.name ?? '', type, bitmap: node.attrs.bitmap };
}

/**
 * virDomainCheckpointDefParseString. libvirt always validates checkpoints against
 * domaincheckpoint.rng; the driver runs that check first (relaxng/check.ts).
 */
export function parseCheckpointXML(xml: string, flags: number, now: () => number): CheckpointDef {
  const root = parseXmlDocument(xml, '(domain_checkpoint)', 'domaincheckpoint', 'DOMAIN_CHECKPOINT');
  const redefine = !!(flags & CheckpointParse.REDEFINE);
  const name = pathString(root, 'name');
  if (name === undefined && redefine) {
    throw virErr('XML_ERROR', 'a redefined checkpoint must have a name', 'DOMAIN_CHECKPOINT');
  }
  const def: CheckpointDef = { name: name ?? '', description: pathString(root, 'description'), creationTime: 0, disks: [] };
  if (redefine) {
    const creation = pathString(root, 'creationTime');
    if (creation === undefined || !/^\s*[-+]?\d+$/.test(creation)) {
      throw virErr('INTERNAL_ERROR', 'missing creationTime from existing checkpoint', 'DOMAIN_CHECKPOINT');
    }
    def.creationTime = Number(creation.trim());
    def.parentName = pathString(root, 'parent', 'name');
    const domNode = child(root, 'domain');
    if (domNode) def.dom = parseEmbeddedDomain(domNode);
  } else {
    def.creationTime = now();
    if (name === undefined) def.name = String(def.creationTime);
  }
  def.disks = (child(root, 'disks')?.children ?? []).map(parseDisk);
  return def;
}

