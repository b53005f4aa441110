import { CheckpointCreate } from '../../core/api/checkpoint.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { escapeXml } from '../../core/xml/writer.js';
import { optDomain } from '../domain/util.js';
import type { CommandContext, Handler } from '../types.js';
import { flagsFrom } from '../snapshot/moment-util.js';
import { stringToArray } from '../shell/string-array.js';

const C = CheckpointCreate;

async function createFrom(ctx: CommandContext, dom: DomainHandle, xml: string, flags: number, from?: string): Promise<boolean> {
  const chk = await (await ctx.conn()).domainCheckpointCreateXML(dom, xml, flags);
  ctx.printExtra(from ? `Domain checkpoint ${chk.name} created from '${from}'` : `Domain checkpoint ${chk.name} created`);
  return true;
}

export const checkpointCreate: Handler = async (ctx, opts) => {
  if (opts.bool('redefine-validate') && !opts.bool('redefine')) {
    ctx.error('Option --redefine is required by option --redefine-validate');
    return false;
  }
  const flags = flagsFrom(opts, [['redefine', C.REDEFINE], ['redefine-validate', C.REDEFINE_VALIDATE], ['quiesce', C.QUIESCE]]);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const from = opts.string('xmlfile');
  const xml = from === undefined ? '<domaincheckpoint/>' : await ctx.readFile(from);
  return createFrom(ctx, dom, xml, flags, from);
};

/** virshParseCheckpointDiskspec: `disk[,checkpoint=type][,bitmap=name]`. */
function diskspecXML(ctx: CommandContext, str: string): string | undefined {
  const [name, ...rest] = stringToArray(str);
  const v: Record<string, string> = {};
  for (const f of rest) {
    const key = ['checkpoint', 'bitmap'].find((k) => v[k] === undefined && f.startsWith(`${k}=`));
    if (!key) {
      ctx.error(`unable to parse diskspec: ${str}`);
      return undefined;
    }
    v[key] = f.slice(key.length + 1);
  }
  // An empty spec splits into no fields at all, so virsh writes no name attribute.
  let out = str === '' ? '    ' : `    <disk name='${escapeXml(name)}'`;
  if (v.checkpoint !== undefined) out += ` checkpoint='${v.checkpoint}'`;
  if (v.bitmap !== undefined) out += ` bitmap='${v.bitmap}'`;
  return out + '/>\n';
}

export const checkpointCreateAs: Handler = async (ctx, opts) => {
  const flags = opts.bool('quiesce') ? C.QUIESCE : 0;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.string('name');
  const desc = opts.string('description');
  let xml = '<domaincheckpoint>\n';
  if (name !== undefined) xml += `  <name>${escapeXml(name)}</name>\n`;
  if (desc !== undefined) xml += `  <description>${escapeXml(desc)}</description>\n`;
  if (opts.has('diskspec')) {
    xml += '  <disks>\n';
    for (const spec of opts.argv('diskspec')) {
      const disk = diskspecXML(ctx, spec);
      if (disk === undefined) return false;
      xml += disk;
    }
    xml += '  </disks>\n';
  }
  xml += '</domaincheckpoint>\n';
  if (opts.bool('print-xml')) {
    ctx.print(`${xml}\n`);
    return true;
  }
  return createFrom(ctx, dom, xml, flags);
};
