import type { CommandContext, CommandOptions } from '../types.js';

/** g_date_time_format(local time, "%Y-%m-%d %H:%M:%S %z") of a creation time. */
export function formatCreationTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const off = -d.getTimezoneOffset();
  const zone = `${off < 0 ? '-' : '+'}${p(Math.trunc(Math.abs(off) / 60))}${p(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${zone}`;
}

/** g_ascii_strcasecmp, for virsh's name sort. */
export function asciiCaseCompare(a: string, b: string): number {
  const la = a.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const lb = b.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return la < lb ? -1 : la > lb ? 1 : 0;
}

export interface TreeEntry {
  name: string;
  parent: string | undefined;
}

/** vshTreePrint from every entry without a parent: `+- ` branches with `|` rails. */
export function formatTree(entries: TreeEntry[]): string {
  let out = '';
  const walk = (i: number, last: number, root: boolean, indent: string): void => {
    const name = entries[i].name;
    out += `${indent}${root ? '' : '+- '}${name}\n`;
    const ind = root ? indent : indent + (i === last ? ' ' : '|') + ' ';
    let nextLast = -1;
    entries.forEach((e, j) => {
      if (e.parent === name) nextLast = j;
    });
    if (nextLast !== -1) out += `${ind}  |\n`;
    entries.forEach((e, j) => {
      if (e.parent === name) walk(j, nextLast, false, ind + '  ');
    });
    if (nextLast === -1 && i === last) out += `${ind}\n`;
  };
  entries.forEach((e, i) => {
    if (e.parent === undefined) walk(i, i, true, '');
  });
  return out;
}

/** VSH_EXCLUSIVE_OPTIONS_VAR on two already-read booleans. */
export function exclusiveVars(ctx: CommandContext, a: [string, boolean], b: [string, boolean]): boolean {
  if (a[1] && b[1]) {
    ctx.error(`Options --${a[0]} and --${b[0]} are mutually exclusive`);
    return false;
  }
  return true;
}

/** vshCommandOptBool over several options, as a bit mask. */
export function flagsFrom(opts: CommandOptions, table: ReadonlyArray<readonly [string, number]>): number {
  let flags = 0;
  for (const [name, bit] of table) if (opts.bool(name)) flags |= bit;
  return flags;
}

/**
 * What snapshot-list and checkpoint-list share: the listed moments in virsh's order (by name
 * unless topological), printed as --tree or --name. Returns the ordered moments when the caller
 * still has its table to print, undefined once this printed them.
 */
export async function printMomentTreeOrNames<H extends { name: string }>(
  ctx: CommandContext,
  moments: H[],
  start: H | undefined,
  how: { tree: boolean; name: boolean; topological: boolean },
  parentName: (moment: H) => Promise<string | undefined>,
): Promise<H[] | undefined> {
  const entries: Array<{ moment: H; parent: string | undefined }> = [];
  for (const moment of moments) entries.push({ moment, parent: how.tree ? await parentName(moment) : undefined });
  if (how.tree && start) entries.push({ moment: start, parent: undefined });
  if (!how.topological) entries.sort((a, b) => asciiCaseCompare(a.moment.name, b.moment.name));
  if (how.tree) {
    ctx.print(formatTree(entries.map((e) => ({ name: e.moment.name, parent: e.parent }))));
    return undefined;
  }
  if (how.name) {
    for (const e of entries) ctx.print(`${e.moment.name}\n`);
    return undefined;
  }
  return entries.map((e) => e.moment);
}
