import { DomainUndefine } from '../../core/api/domain.js';
import type { Connection } from '../../core/api/connection.js';
import type { DomainHandle, VolumeHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import { child, children, parseTree } from '../../core/xml/tree.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { exclusive, optDomain } from './util.js';

/** VIR_DOMAIN_SNAPSHOT_LIST_METADATA */
const SNAPSHOT_LIST_METADATA = 2;
/** VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS */
const VOL_DELETE_WITH_SNAPSHOTS = 2;

const FLAG_OPTS: Array<[string, number]> = [
  ['managed-save', DomainUndefine.MANAGED_SAVE],
  ['snapshots-metadata', DomainUndefine.SNAPSHOTS_METADATA],
  ['checkpoints-metadata', DomainUndefine.CHECKPOINTS_METADATA],
  ['nvram', DomainUndefine.NVRAM],
  ['keep-nvram', DomainUndefine.KEEP_NVRAM],
  ['tpm', DomainUndefine.TPM],
  ['keep-tpm', DomainUndefine.KEEP_TPM],
];

/** Runs a query whose NO_SUPPORT error means "nothing there" (virsh resets it and goes on). */
async function countOrZero(call: () => Promise<number | boolean>): Promise<number> {
  try {
    return Number(await call());
  } catch (e) {
    if (e instanceof VirError && e.codeName === 'NO_SUPPORT') return 0;
    throw e;
  }
}

interface Vol {
  vol: VolumeHandle;
  target: string;
  source: string;
}

/** The disks --storage / --remove-all-storage select, resolved to storage volumes. */
async function collectVolumes(
  ctx: CommandContext,
  conn: Connection,
  dom: DomainHandle,
  wanted: string[] | undefined,
): Promise<Vol[] | undefined> {
  const xml = parseTree(await conn.domainGetXMLDesc(dom, 0));
  const left = wanted ? [...wanted] : undefined;
  const vols: Vol[] = [];
  for (const disk of children(child(xml, 'devices'), 'disk')) {
    const target = child(disk, 'target')?.attrs.dev ?? '';
    const src = child(disk, 'source');
    const source = ['file', 'dir', 'name', 'dev', 'volume'].map((a) => src?.attrs[a]).find((v) => v !== undefined);
    if (source === undefined) continue;
    if (left) {
      const i = left.findIndex((v) => v === target || v === source);
      if (i < 0) continue;
      left.splice(i, 1, '\0');
    }
    const pool = src?.attrs.pool;
    let vol: VolumeHandle | undefined;
    try {
      if (pool !== undefined) {
        let p;
        try {
          p = await conn.storagePoolLookupByName(pool);
        } catch (e) {
          if (!(e instanceof VirError)) throw e;
          ctx.error(`Storage pool '${pool}' for volume '${target}' not found.`);
          continue;
        }
        vol = await conn.storageVolLookupByName(p, source);
      } else vol = await conn.storageVolLookupByPath(source);
    } catch (e) {
      if (!(e instanceof VirError)) throw e;
    }
    if (!vol) {
      ctx.error(`Storage volume '${target}'(${source}) is not managed by libvirt. Remove it manually.\n`);
      continue;
    }
    vols.push({ vol, target, source });
  }
  const missing = (left ?? []).filter((v) => v !== '\0');
  for (const v of missing) ctx.error(`Volume '${v}' was not found in domain's definition.\n`);
  return missing.length ? undefined : vols;
}

/** vshStringToArray: comma-separated, ",," escapes a comma. */
function splitList(s: string): string[] {
  return s.split(/(?<!,),(?!,)/).map((p) => p.replace(/,,/g, ','));
}

export const undefine: Handler = async (ctx, opts: CommandOptions) => {
  if (opts.bool('delete-storage-volume-snapshots') && !opts.bool('remove-all-storage')) {
    ctx.error('Option --remove-all-storage is required by option --delete-storage-volume-snapshots');
    return false;
  }
  if (!exclusive(ctx, opts, 'nvram', 'keep-nvram') || !exclusive(ctx, opts, 'tpm', 'keep-tpm')) return false;
  // Read quietly: an empty --storage counts as none.
  const volString = opts.stringQuiet('storage');
  const removeAll = opts.bool('remove-all-storage');
  const wipe = opts.bool('wipe-storage');
  if (!(volString || removeAll) && wipe) {
    ctx.error("'--wipe-storage' requires '--storage <string>' or '--remove-all-storage'");
    return false;
  }
  let flags = 0;
  for (const [name, bit] of FLAG_OPTS) if (opts.bool(name)) flags |= bit;
  const managedSave = opts.bool('managed-save');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const conn = await ctx.conn();

  const running = await conn.domainIsActive(dom);
  let hasManagedSave = 0;
  let hasSnapshots = 0;
  let hasSnapshotsMetadata = 0;
  let managedSaveSafe = managedSave;
  let snapshotsSafe = opts.bool('snapshots-metadata');
  if (!running) {
    hasManagedSave = await countOrZero(() => conn.domainHasManagedSaveImage(dom, 0));
    hasSnapshots = await countOrZero(() => conn.domainSnapshotNum(dom, 0));
    if (hasSnapshots) {
      try {
        hasSnapshotsMetadata = await conn.domainSnapshotNum(dom, SNAPSHOT_LIST_METADATA);
        managedSaveSafe = snapshotsSafe = true;
      } catch (e) {
        if (!(e instanceof VirError)) throw e;
        hasSnapshotsMetadata = hasSnapshots;
      }
    }
  }
  if (!hasManagedSave) {
    flags &= ~DomainUndefine.MANAGED_SAVE;
    managedSaveSafe = true;
  }
  if (hasSnapshots === 0) snapshotsSafe = true;
  if (hasSnapshotsMetadata === 0) {
    flags &= ~DomainUndefine.SNAPSHOTS_METADATA;
    snapshotsSafe = true;
  }

  let vols: Vol[] = [];
  if (volString || removeAll) {
    if (running) {
      ctx.error('Storage volume deletion is supported only on stopped domains');
      return false;
    }
    if (volString && removeAll) {
      ctx.error('Specified both --storage and --remove-all-storage');
      return false;
    }
    const found = await collectVolumes(ctx, conn, dom, volString ? splitList(volString) : undefined);
    if (!found) return false;
    vols = found;
  }

  const failed = `Failed to undefine domain '${name}'`;
  let done = false;
  if ((managedSaveSafe && snapshotsSafe) || opts.bool('nvram')) {
    try {
      await conn.domainUndefine(dom, flags);
      done = true;
    } catch (e) {
      const fallBack =
        e instanceof VirError && !opts.bool('nvram') && (e.codeName === 'NO_SUPPORT' || e.codeName === 'INVALID_ARG');
      if (!fallBack) {
        ctx.error(failed);
        throw e;
      }
    }
  }
  if (!done) {
    if (hasManagedSave) {
      if (!managedSave) {
        ctx.error('Refusing to undefine while domain managed save image exists');
        return false;
      }
      await conn.domainManagedSaveRemove(dom, 0);
    }
    if (hasSnapshotsMetadata) {
      ctx.error(
        opts.bool('snapshots-metadata')
          ? `Unable to remove metadata of ${hasSnapshotsMetadata} snapshots`
          : `Refusing to undefine while ${hasSnapshotsMetadata} snapshots exist`,
      );
      return false;
    }
    await ctx.attempt(failed, () => conn.domainUndefine(dom, 0));
  }
  ctx.printExtra(`Domain '${name}' has been undefined\n`);

  let ok = true;
  const volFlags = opts.bool('delete-storage-volume-snapshots') ? VOL_DELETE_WITH_SNAPSHOTS : 0;
  for (const v of vols) {
    if (wipe) {
      ctx.printExtra(`Wiping volume '${v.target}'(${v.source}) ... `);
      try {
        await conn.storageVolWipe(v.vol, 0);
        ctx.printExtra('Done.\n');
      } catch (e) {
        if (!(e instanceof VirError)) throw e;
        ctx.error('Failed! Volume not removed.');
        ok = false;
        continue;
      }
    }
    try {
      await conn.storageVolDelete(v.vol, volFlags);
      ctx.printExtra(`Volume '${v.target}'(${v.source}) removed.\n`);
    } catch (e) {
      if (!(e instanceof VirError)) throw e;
      ctx.error(`Failed to remove storage volume '${v.target}'(${v.source})`);
      ok = false;
    }
  }
  return ok;
};
