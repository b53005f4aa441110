import { virErr } from '../../errors.js';
import { child, type XNode } from '../tree.js';
import type { XmlWriter } from '../writer.js';
import { xpathString } from './props.js';

/** <permissions> of a pool target or volume (virStoragePerms); absent fields are undefined. */
export interface Perms {
  mode?: number;
  owner?: number;
  group?: number;
  label?: string;
}

function parseId(node: XNode, name: 'owner' | 'group'): number | undefined {
  const el = child(node, name);
  if (!el) return undefined;
  const text = xpathString(node, name) ?? '';
  const ok = /^\s*[-+]?\d+$/.test(text);
  const val = ok ? Number(text) : NaN;
  if (!ok || !((val >= 0 && val <= 0xffffffff) || val === -1)) {
    throw virErr('XML_ERROR', `malformed ${name} element`);
  }
  return val === -1 || val === 0xffffffff ? undefined : val;
}

/** virStorageDefParsePerms on the <permissions> element, when present. */
export function parsePerms(node: XNode | undefined): Perms {
  if (!node) return {};
  const perms: Perms = {};
  const mode = xpathString(node, 'mode');
  if (mode !== undefined) {
    const m = /^\s*[-+]?[0-7]+$/.test(mode) ? parseInt(mode, 8) : NaN;
    if (!Number.isFinite(m) || m < 0 || m & ~0o777) throw virErr('XML_ERROR', 'malformed octal mode');
    perms.mode = m;
  }
  perms.owner = parseId(node, 'owner');
  perms.group = parseId(node, 'group');
  perms.label = xpathString(node, 'label');
  return perms;
}

export function writePerms(w: XmlWriter, p: Perms): void {
  if (p.mode === undefined && p.owner === undefined && p.group === undefined && p.label === undefined) return;
  w.open('permissions');
  if (p.mode !== undefined) w.leaf('mode', [], '0' + p.mode.toString(8));
  w.optLeaf('owner', p.owner);
  w.optLeaf('group', p.group);
  w.optLeaf('label', p.label);
  w.close('permissions');
}
