import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { virErr } from '../../../errors.js';
import { parseXmlDocument } from '../../../xml/parse.js';
import { children, type XNode } from '../../../xml/tree.js';
import { parsePoolNode } from '../../../xml/storage/pool.js';
import { parseVolNode } from '../../../xml/storage/volume.js';
import type { LoadContext } from '../node.js';
import { setDefaults, type PoolObj, type StorageState } from './state.js';

/** testParseXMLDocFromFile: an element may stand for the document named by its file= attribute. */
function resolveFileRef(node: XNode, ctx: LoadContext, root: string): XNode {
  const file = node.attrs.file;
  if (file === undefined) return node;
  const path = resolve(ctx.baseDir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw virErr('INTERNAL_ERROR', `failed to load external definition file '${path}'`);
  }
  return parseXmlDocument(text, path, root);
}

/** testParseStorage: every /node/pool starts active at 100 GiB with its nested volumes. */
export function loadStorage(root: XNode, ctx: LoadContext): StorageState {
  const state: StorageState = { pools: [], callbacks: [], nextCallbackId: 0 };
  for (const el of children(root, 'pool')) {
    const node = resolveFileRef(el, ctx, 'pool');
    const def = parsePoolNode(node);
    if (state.pools.some((p) => p.def.name === def.name || p.def.uuid === def.uuid)) {
      throw virErr('OPERATION_FAILED', `pool '${def.name}' already exists with uuid ${def.uuid}`);
    }
    setDefaults(def);
    const obj: PoolObj = { def, active: true, persistent: true, autostart: false, volumes: [] };
    state.pools.push(obj);
    for (const volEl of children(node, 'volume')) {
      const vol = parseVolNode(resolveFileRef(volEl, ctx, 'volume'), def.type);
      vol.path ??= `${def.targetPath}/${vol.name}`;
      vol.key ??= vol.path;
      obj.volumes.push(vol);
      def.allocation += vol.allocation;
      def.available = def.capacity - def.allocation;
    }
  }
  return state;
}
