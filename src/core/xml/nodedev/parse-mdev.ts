import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import { canonicalUuid, str } from './parse-helpers.js';
import type { MdevCap } from './types.js';

/** virNodeDevCapMdevParseXML */
export function parseMdev(node: XNode, devName: string): MdevCap {
  const typeId = child(node, 'type')?.attrs.id;
  if (!typeId) throw virErr('CONFIG_UNSUPPORTED', `missing type id attribute for '${devName}'`);
  const cap: MdevCap = { type: 'mdev', typeId, iommuGroup: 0, attrs: [] };
  const uuid = str(node, 'uuid');
  if (uuid !== undefined) {
    cap.uuid = canonicalUuid(uuid);
    if (!cap.uuid) throw virErr('INTERNAL_ERROR', `Invalid uuid '${uuid}' for new mdev device`);
  }
  const group = child(node, 'iommuGroup')?.attrs.number;
  if (group) {
    const m = /^\s*\+?(\d+)$/.exec(group);
    if (!m || Number(m[1]) > 0xffffffff) {
      throw virErr('INTERNAL_ERROR', `invalid iommuGroup number attribute for '${devName}'`);
    }
    cap.iommuGroup = Number(m[1]);
  }
  for (const attr of children(node, 'attr')) {
    const { name, value } = attr.attrs;
    // libvirt reports an attribute without name or value but ignores that failure, so the
    // attribute is just dropped.
    if (name && value) cap.attrs.push({ name, value });
  }
  return cap;
}
