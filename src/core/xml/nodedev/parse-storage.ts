import { virErr } from '../../errors.js';
import { children, type XNode } from '../tree.js';
import { str } from './parse-helpers.js';
import type { StorageCap } from './types.js';

/** virNodeDevCapsDefParseULongLong: a required unsigned 64-bit value with its two error texts. */
function requiredULongLong(node: XNode, name: string, what: string, devName: string): bigint {
  const t = str(node, name);
  if (t === undefined) throw virErr('INTERNAL_ERROR', `no ${what} supplied for '${devName}'`);
  const m = /^\s*\+?(\d+)$/.exec(t);
  if (!m || BigInt(m[1]) > 0xffffffffffffffffn) throw virErr('INTERNAL_ERROR', `invalid ${what} supplied for '${devName}'`);
  return BigInt(m[1]);
}

/**
 * virNodeDevCapStorageParseXML: a block device with a size, or a removable one with its
 * media; logical block size and block count are only ever filled in from the host.
 */
export function parseStorage(node: XNode, devName: string): StorageCap {
  const block = str(node, 'block');
  if (block === undefined) throw virErr('INTERNAL_ERROR', `no block device path supplied for '${devName}'`);
  const cap: StorageCap = {
    type: 'storage',
    block,
    bus: str(node, 'bus'),
    driveType: str(node, 'drive_type'),
    model: str(node, 'model'),
    vendor: str(node, 'vendor'),
    serial: str(node, 'serial'),
    size: 0n,
    hotpluggable: false,
  };
  for (const sub of children(node, 'capability')) {
    const type = sub.attrs.type;
    if (type === undefined) throw virErr('INTERNAL_ERROR', `missing storage capability type for '${devName}'`);
    if (type === 'hotpluggable') {
      cap.hotpluggable = true;
    } else if (type === 'removable') {
      cap.removable = {
        mediaAvailable: children(sub, 'media_available').some((m) => m.text === '1' && m.children.length === 0),
        mediaLabel: str(sub, 'media_label'),
        mediaSize: requiredULongLong(sub, 'media_size', 'removable media size', devName),
      };
    } else {
      throw virErr('INTERNAL_ERROR', `unknown storage capability type '${type}' for '${devName}'`);
    }
  }
  if (!cap.removable) cap.size = requiredULongLong(node, 'size', 'size', devName);
  return cap;
}

