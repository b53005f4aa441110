import type { CommandContext, Handler, HandlerTable } from '../types.js';
import type { VolumeHandle } from '../../core/api/handles.js';
import { VolCreateFlags } from '../../core/api/storage.js';
import { makeCloneXML } from './clone-xml.js';
import { optPool, optVol } from './util.js';
import { volSize } from './vol-size.js';

/** Parses a size for vol-create-as; prints "Malformed size" (then libvirt's reason, if any). */
function sizeOrFail(ctx: CommandContext, text: string): bigint | undefined {
  try {
    const v = volSize(text);
    if (v === undefined) ctx.error(`Malformed size ${text}`);
    return v;
  } catch (e) {
    ctx.error(`Malformed size ${text}`);
    throw e;
  }
}

const volCreateAs: Handler = async (ctx, opts) => {
  const flags = opts.bool('prealloc-metadata') ? VolCreateFlags.PREALLOC_METADATA : 0;
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const conn = await ctx.conn();
  const name = opts.requiredString('name');
  const capacity = sizeOrFail(ctx, opts.requiredString('capacity'));
  if (capacity === undefined) return false;
  const allocText = opts.stringQuiet('allocation');
  let allocation: bigint | undefined;
  if (allocText !== undefined) {
    allocation = sizeOrFail(ctx, allocText);
    if (allocation === undefined) return false;
  }
  const format = opts.string('format');
  const backing = opts.string('backing-vol');
  const backingFormat = opts.string('backing-vol-format');
  const lines = ['<volume>', `  <name>${name}</name>`, `  <capacity>${capacity}</capacity>`];
  if (allocation !== undefined) lines.push(`  <allocation>${allocation}</allocation>`);
  if (format !== undefined) lines.push('  <target>', `    <format type='${format}'/>`, '  </target>');
  if (backing !== undefined) {
    let snap: VolumeHandle | undefined;
    let lastError: unknown;
    const lookups: Array<[string, () => Promise<VolumeHandle>]> = [
      ['name', () => conn.storageVolLookupByName(pool, backing)],
      ['key', () => conn.storageVolLookupByKey(backing)],
      ['path', () => conn.storageVolLookupByPath(backing)],
    ];
    for (const [as, look] of lookups) {
      ctx.debug(0, `${ctx.command}: Look up backing store volume '${backing}' as ${as}\n`);
      snap = await look().catch((e) => void (lastError = e));
      if (snap) {
        ctx.debug(0, `${ctx.command}: Backing store volume found using '${backing}' as ${as}\n`);
        break;
      }
    }
    if (!snap) {
      ctx.error(`failed to get vol '${backing}'`);
      throw lastError;
    }
    const path = await conn.storageVolGetPath(snap);
    lines.push('  <backingStore>', `    <path>${path}</path>`);
    if (backingFormat !== undefined) lines.push(`    <format type='${backingFormat}'/>`);
    lines.push('  </backingStore>');
  }
  lines.push('</volume>', '');
  const xml = lines.join('\n');
  if (opts.bool('print-xml')) {
    ctx.print(xml);
    return true;
  }
  await ctx.attempt(`Failed to create vol ${name}`, () => conn.storageVolCreateXML(pool, xml, flags));
  ctx.printExtra(`Vol ${name} created\n`);
  return true;
};

const volCreate: Handler = async (ctx, opts) => {
  const flags = (opts.bool('prealloc-metadata') ? VolCreateFlags.PREALLOC_METADATA : 0) | (opts.bool('validate') ? VolCreateFlags.VALIDATE : 0);
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const file = opts.requiredString('file');
  const xml = await ctx.readFile(file);
  const vol = await ctx.attempt(`Failed to create vol from ${file}`, async () => (await ctx.conn()).storageVolCreateXML(pool, xml, flags));
  ctx.printExtra(`Vol ${vol.name} created from ${file}\n`);
  return true;
};

function cloneFlags(opts: Parameters<Handler>[1]): number {
  return (opts.bool('prealloc-metadata') ? VolCreateFlags.PREALLOC_METADATA : 0) | (opts.bool('reflink') ? VolCreateFlags.REFLINK : 0);
}

const volCreateFrom: Handler = async (ctx, opts) => {
  const pool = await optPool(ctx, opts);
  if (!pool) return false;
  const flags = cloneFlags(opts) | (opts.bool('validate') ? VolCreateFlags.VALIDATE : 0);
  const file = opts.requiredString('file');
  const input = await optVol(ctx, opts, 'vol', 'inputpool');
  if (!input) return false;
  const xml = await ctx.readFile(file);
  const vol = await ctx.attempt(`Failed to create vol from ${file}`, async () =>
    (await ctx.conn()).storageVolCreateXMLFrom(pool, xml, input, flags),
  );
  ctx.printExtra(`Vol ${vol.name} created from input vol ${input.name}\n`);
  return true;
};

const volClone: Handler = async (ctx, opts) => {
  const orig = await optVol(ctx, opts);
  if (!orig) return false;
  const conn = await ctx.conn();
  const flags = cloneFlags(opts);
  const pool = await conn.storagePoolLookupByVolume(orig);
  const name = opts.requiredString('newname');
  const xml = await conn.storageVolGetXMLDesc(orig, 0);
  const newXml = makeCloneXML(xml, name);
  if (opts.bool('print-xml')) {
    ctx.print(newXml);
    return true;
  }
  const vol = await ctx.attempt(`Failed to clone vol from ${orig.name}`, () => conn.storageVolCreateXMLFrom(pool, newXml, orig, flags));
  ctx.printExtra(`Vol ${vol.name} cloned from ${orig.name}\n`);
  return true;
};

export const volCreateHandlers: HandlerTable = {
  'vol-create-as': volCreateAs,
  'vol-create': volCreate,
  'vol-create-from': volCreateFrom,
  'vol-clone': volClone,
};
