import { children, type XNode } from '../../../xml/tree.js';
import { parsePoolNode } from '../../../xml/storage/pool.js';
import { parseVolNode } from '../../../xml/storage/volume.js';
import { sliceOf, type LoadContext, type TestNode } from '../node.js';
import { resolveFileRef } from '../network/file-ref.js';
import { listAdd } from './list-add.js';
import { addVol, allocate, setDefaults, type StorageState } from './state.js';

/** testParseStorage: every /node/pool starts active at 100 GiB with its nested volumes. */
export function loadStorage(root: XNode, ctx: LoadContext): StorageState {
  const state: StorageState = { pools: [], callbacks: [], nextCallbackId: 0 };
  for (const el of children(root, 'pool')) {
    const node = resolveFileRef(el, ctx);
    const def = parsePoolNode(node);
    const obj = listAdd(state, def, false);
    setDefaults(obj.def);
    obj.persistent = true;
    obj.active = true;
    for (const volEl of children(node, 'volume')) {
      const vol = parseVolNode(resolveFileRef(volEl, ctx), obj.def.type);
      // libvirt prints a pool without a target path as "(null)" here, as at volume creation.
      vol.path ??= `${obj.def.targetPath ?? '(null)'}/${vol.name}`;
      vol.key ??= vol.path;
      addVol(obj, vol);
      allocate(obj.def, vol.allocation);
    }
  }
  return state;
}

/** The node's pools and volumes, read from its file on first use. */
export const storageOf = (node: TestNode): StorageState => sliceOf(node, 'storage', loadStorage);
