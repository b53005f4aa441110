import { virErr } from '../../../errors.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import type { DeviceDef } from '../../../xml/domain/index.js';

/**
 * virDomainDiskTranslateSourcePool for a disk being attached: a volume source must name an
 * active pool holding that volume, asked of the storage driver over the connection
 * virGetConnectStorage opens (the modular storage daemon's socket, this being no daemon).
 * The config keeps the volume form, so only the checks matter here.
 */
export async function translateSourcePool(dev: DeviceDef): Promise<void> {
  const src = sub(dev.el, 'source');
  const pool = attr(src, 'pool');
  if (dev.kind !== 'disk' || attr(dev.el, 'type') !== 'volume' || pool === undefined) return;
  const volume = attr(src, 'volume') ?? '';
  const { openConnection } = await import('../../../open.js');
  const uri = `storage://${process.geteuid?.() === 0 ? '/system' : '/session'}?mode=direct`;
  const conn = await openConnection(uri, { readonly: false });
  try {
    const p = await conn.storagePoolLookupByName(pool);
    if (!(await conn.storagePoolIsActive(p)))
      throw virErr('CONFIG_UNSUPPORTED', `storage pool '${pool}' containing volume '${volume}' is not active`);
    await conn.storageVolLookupByName(p, volume);
  } finally {
    await conn.close();
  }
}
