// fs.promises is a lazy getter: node:fs/promises loads only when a volume is streamed.
import { promises as fsp } from 'node:fs';
import { jobDisplay } from '../job/progress.js';
import { transferJob } from '../job/transfer.js';
import type { Handler, HandlerTable } from '../types.js';
import { VolDeleteFlags, VolResizeFlags, VolStreamFlags } from '../../core/api/storage.js';
import { optVol } from './util.js';
import { volSize } from './vol-size.js';
import { WIPE_ALGORITHMS } from './names.js';


const volDelete: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  const name = opts.requiredString('vol');
  const flags = opts.bool('delete-snapshots') ? VolDeleteFlags.WITH_SNAPSHOTS : 0;
  await ctx.attempt(`Failed to delete vol ${name}`, async () => (await ctx.conn()).storageVolDelete(vol, flags));
  ctx.printExtra(`Vol ${name} deleted\n`);
  return true;
};

const volWipe: Handler = async (ctx, opts) => {
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  const name = opts.requiredString('vol');
  const algName = opts.string('algorithm');
  const alg = algName === undefined ? 0 : WIPE_ALGORITHMS.indexOf(algName);
  if (alg < 0) {
    ctx.error(`Unsupported algorithm '${algName}'`);
    return false;
  }
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to wipe vol ${name}`, async () => {
    try {
      await conn.storageVolWipePattern(vol, alg, 0);
    } catch (e) {
      // Older drivers only know the plain zero wipe.
      const noSupport = (e as { codeName?: string }).codeName === 'NO_SUPPORT';
      if (!noSupport || alg !== 0) throw e;
      await conn.storageVolWipe(vol, 0);
    }
  });
  ctx.printExtra(`Vol ${name} wiped\n`);
  return true;
};

const volResize: Handler = async (ctx, opts) => {
  let flags = (opts.bool('allocate') ? VolResizeFlags.ALLOCATE : 0) | (opts.bool('shrink') ? VolResizeFlags.SHRINK : 0);
  let delta = opts.bool('delta');
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  let text = opts.requiredString('capacity').trimStart();
  if (text.startsWith('-')) {
    if (!opts.bool('shrink')) {
      ctx.error('negative size requires --shrink');
      return false;
    }
    text = text.slice(1);
    delta = true;
  }
  if (delta) flags |= VolResizeFlags.DELTA;
  let capacity: bigint | undefined;
  try {
    capacity = volSize(text);
  } catch (e) {
    ctx.error(`Malformed size ${text}`);
    throw e;
  }
  if (capacity === undefined) {
    ctx.error(`Malformed size ${text}`);
    return false;
  }
  const how = delta ? 'by' : 'to';
  await ctx.attempt(`Failed to change size of volume '${vol.name}' ${how} ${text}`, async () =>
    (await ctx.conn()).storageVolResize(vol, capacity!, flags),
  );
  ctx.printExtra(`Size of volume '${vol.name}' successfully changed ${how} ${text}\n`);
  return true;
};

/** --offset / --length as virsh reads them (unsigned, length may wrap from -1). */
function range(opts: Parameters<Handler>[1]): [bigint, bigint] {
  return [opts.ulong('offset') ?? 0n, opts.ulong('length', true) ?? 0n];
}

const volUpload: Handler = async (ctx, opts) => {
  const [offset, length] = range(opts);
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  const name = opts.requiredString('vol');
  const file = opts.requiredString('file');
  const fh = await fsp.open(file, 'r').catch(() => undefined);
  if (!fh) {
    ctx.error(`cannot read ${file}`);
    return false;
  }
  try {
    const flags = opts.bool('sparse') ? VolStreamFlags.SPARSE_STREAM : 0;
    const st = await ctx.attempt(`cannot upload to volume ${name}`, async () => (await ctx.conn()).storageVolUpload(vol, offset, length, flags));
    const size = (await fh.stat()).size;
    const job = transferJob('Upload', length > 0n && length < BigInt(size) ? Number(length) : size);
    try {
      for await (const chunk of fh.createReadStream()) {
        await st.send(chunk as Uint8Array);
        job.add((chunk as Uint8Array).length);
      }
    } finally {
      job.end();
    }
    await ctx.attempt(`cannot close volume ${name}`, () => st.finish());
  } finally {
    await fh.close();
  }
  return true;
};

const volDownload: Handler = async (ctx, opts) => {
  const [offset, length] = range(opts);
  const vol = await optVol(ctx, opts);
  if (!vol) return false;
  const name = opts.requiredString('vol');
  const file = opts.requiredString('file');
  let created = true;
  let fh = await fsp.open(file, 'wx', 0o666).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : null));
  if (fh === undefined) {
    created = false;
    fh = await fsp.open(file, 'w', 0o666).catch(() => null);
  }
  if (!fh) {
    ctx.error(`cannot create ${file}`);
    return false;
  }
  let ok = false;
  try {
    const flags = opts.bool('sparse') ? VolStreamFlags.SPARSE_STREAM : 0;
    const st = await ctx.attempt(`cannot download from volume ${name}`, async () =>
      (await ctx.conn()).storageVolDownload(vol, offset, length, flags),
    );
    // the bar's total (asked only when a bar is shown): the volume after --offset, or --length when shorter
    const capacity = jobDisplay() ? await (await ctx.conn()).storageVolGetInfo(vol).then((i) => i.capacity - offset, () => 0n) : 0n;
    const job = transferJob('Download', Number(length > 0n && (capacity <= 0n || length < capacity) ? length : capacity));
    try {
      for (let chunk = await st.recv(); chunk; chunk = await st.recv()) {
        await fh.write(chunk);
        job.add(chunk.length);
      }
    } finally {
      job.end();
    }
    await ctx.attempt(`cannot close volume ${name}`, () => st.finish());
    ok = true;
  } finally {
    await fh.close();
    if (!ok && created) await fsp.unlink(file).catch(() => undefined);
  }
  return true;
};

export const volOpsHandlers: HandlerTable = {
  'vol-delete': volDelete,
  'vol-wipe': volWipe,
  'vol-resize': volResize,
  'vol-upload': volUpload,
  'vol-download': volDownload,
};
