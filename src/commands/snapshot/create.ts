import type { DomainHandle, SnapshotHandle } from '../../core/api/handles.js';
import { ErrorCodes } from '../../core/error-codes.js';
import { VirError } from '../../core/errors.js';
import { SnapshotCreate } from '../../core/api/snapshot.js';
import { escapeXml } from '../../core/xml/writer.js';
import { optDomain } from '../domain/util.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { flagsFrom } from './moment-util.js';
import { stringToArray } from '../shell/string-array.js';

const C = SnapshotCreate;

const COMMON_FLAGS = [
  ['no-metadata', C.NO_METADATA],
  ['halt', C.HALT],
  ['disk-only', C.DISK_ONLY],
  ['reuse-external', C.REUSE_EXT],
  ['quiesce', C.QUIESCE],
  ['atomic', C.ATOMIC],
  ['live', C.LIVE],
  ['validate', C.VALIDATE],
] as const;

type Outcome = { snap: SnapshotHandle; error?: undefined } | { snap?: undefined; error: unknown };

const failedWith = (o: Outcome, code: keyof typeof ErrorCodes) =>
  o.error instanceof VirError && o.error.code === ErrorCodes[code][0];

/**
 * virshSnapshotCreate: create, and report the new snapshot's name. Like virsh, when no file
 * was given and the server calls the request unsupported, it is sent again without VALIDATE;
 * when the server calls HALT an invalid argument, the snapshot is taken without HALT and
 * virsh destroys the domain itself (so `--redefine --halt` redefines, then stops it).
 */
async function createFrom(ctx: CommandContext, dom: DomainHandle, xml: string, flags: number, from?: string): Promise<boolean> {
  const conn = await ctx.conn();
  const attempt = async (f: number): Promise<Outcome> => {
    try {
      return { snap: await conn.domainSnapshotCreateXML(dom, xml, f) };
    } catch (error) {
      return { error };
    }
  };
  let outcome = await attempt(flags);
  if (failedWith(outcome, 'NO_SUPPORT') && from === undefined) {
    flags &= ~C.VALIDATE;
    outcome = await attempt(flags);
  }
  let halt = false;
  if (failedWith(outcome, 'INVALID_ARG') && flags & C.HALT) {
    if (!(await conn.domainIsPersistent(dom))) {
      ctx.error('cannot halt after snapshot of transient domain');
      return false;
    }
    halt = await conn.domainIsActive(dom);
    outcome = await attempt(flags & ~C.HALT);
  }
  if (!outcome.snap) throw outcome.error;
  if (halt) await conn.domainDestroy(dom, 0);
  const name = outcome.snap.name;
  ctx.printExtra(from ? `Domain snapshot ${name} created from '${from}'` : `Domain snapshot ${name} created`);
  return true;
}

export const snapshotCreate: Handler = async (ctx, opts) => {
  const flags = flagsFrom(opts, [['redefine', C.REDEFINE], ['current', C.CURRENT], ...COMMON_FLAGS]);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const from = opts.string('xmlfile');
  const xml = from === undefined ? '<domainsnapshot/>' : await ctx.readFile(from);
  return createFrom(ctx, dom, xml, flags, from);
};

/** virshParseSnapshotMemspec: `[file=]/path[,snapshot=type]`. */
function memspecXML(ctx: CommandContext, str: string): string | undefined {
  let snapshot: string | undefined;
  let file: string | undefined;
  for (const f of stringToArray(str)) {
    if (snapshot === undefined && f.startsWith('snapshot=')) snapshot = f.slice(9);
    else if (file === undefined && f.startsWith('file=')) file = f.slice(5);
    else if (file === undefined && f.startsWith('/')) file = f;
    else {
      ctx.error(`unable to parse memspec: ${str}`);
      return undefined;
    }
  }
  const attr = (k: string, v: string | undefined) => (v === undefined ? '' : ` ${k}='${escapeXml(v)}'`);
  return `  <memory${attr('snapshot', snapshot)}${attr('file', file)}/>\n`;
}

/** virshParseSnapshotDiskspec: `disk[,snapshot=type][,driver=type][,stype=type][,file=name]`. */
function diskspecXML(ctx: CommandContext, str: string): string | undefined {
  const [name, ...rest] = stringToArray(str);
  const keys = ['snapshot', 'driver', 'stype', 'file'];
  const v: Record<string, string> = {};
  const fail = () => {
    ctx.error(`unable to parse diskspec: ${str}`);
    return undefined;
  };
  for (const f of rest) {
    const key = keys.find((k) => v[k] === undefined && f.startsWith(`${k}=`));
    if (!key) return fail();
    v[key] = f.slice(key.length + 1);
  }
  // An empty spec splits into no fields at all, so virsh writes no name attribute.
  let out = str === '' ? '    ' : `    <disk name='${escapeXml(name)}'`;
  if (v.snapshot !== undefined) out += ` snapshot='${v.snapshot}'`;
  if (v.stype !== undefined) {
    if (v.stype !== 'block' && v.stype !== 'file') {
      ctx.error(`Unknown storage type: '${v.stype}'`);
      return fail();
    }
    out += ` type='${v.stype}'`;
  }
  if (v.driver === undefined && v.file === undefined) return out + '/>\n';
  out += '>\n';
  if (v.driver !== undefined) out += `      <driver type='${v.driver}'/>\n`;
  if (v.file !== undefined) out += `      <source ${v.stype === 'block' ? 'dev' : 'file'}='${escapeXml(v.file)}'/>\n`;
  return out + '    </disk>\n';
}

function buildCreateAsXML(ctx: CommandContext, opts: CommandOptions): string | undefined {
  const name = opts.string('name');
  const desc = opts.string('description');
  let xml = '<domainsnapshot>\n';
  if (name !== undefined) xml += `  <name>${escapeXml(name)}</name>\n`;
  if (desc !== undefined) xml += `  <description>${escapeXml(desc)}</description>\n`;
  const memspec = opts.string('memspec');
  if (memspec !== undefined) {
    const mem = memspecXML(ctx, memspec);
    if (mem === undefined) return undefined;
    xml += mem;
  }
  if (opts.has('diskspec')) {
    xml += '  <disks>\n';
    for (const spec of opts.argv('diskspec')) {
      const disk = diskspecXML(ctx, spec);
      if (disk === undefined) return undefined;
      xml += disk;
    }
    xml += '  </disks>\n';
  }
  return xml + '</domainsnapshot>\n';
}

export const snapshotCreateAs: Handler = async (ctx, opts) => {
  const flags = flagsFrom(opts, COMMON_FLAGS);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const xml = buildCreateAsXML(ctx, opts);
  if (xml === undefined) return false;
  if (opts.bool('print-xml')) {
    ctx.print(`${xml}\n`);
    return true;
  }
  return createFrom(ctx, dom, xml, flags);
};
