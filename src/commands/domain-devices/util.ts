import type { Connection } from '../../core/api/connection.js';
import type { TypedParam } from '../../core/api/domain-devices.js';
import { virErr } from '../../core/errors.js';
import { ShellError } from '../shell/errors.js';
import type { CommandContext, CommandOptions } from '../types.js';

export { optDomain, exclusive, affectFlags } from '../domain/util.js';
export { formatTable } from '../domain/table.js';

/** VSH_REQUIRE_OPTION: `needs` must be given whenever `opt` is. */
export function requireOpt(ctx: CommandContext, opts: CommandOptions, opt: string, needs: string): boolean {
  if (opts.has(opt) && !opts.has(needs)) {
    ctx.error(`Option --${needs} is required by option --${opt}`);
    return false;
  }
  return true;
}

/** virshNodeGetCPUCount: host CPUs from the CPU map, falling back to the node info. */
export async function hostCpuCount(conn: Connection): Promise<number> {
  try {
    return (await conn.nodeGetCPUMap(0)).cpus;
  } catch {
    const i = await conn.nodeGetInfo();
    return i.nodes * i.sockets * i.cores * i.threads;
  }
}

/** VIR_CPU_MAPLEN in bits: virsh sizes every CPU map to whole bytes. */
export const mapBits = (maxcpu: number): number => Math.ceil(maxcpu / 8) * 8;

/** virBitmapParse (cpuset syntax); undefined when malformed or beyond `limit`. */
export function parseBitmap(text: string, limit: number): boolean[] | undefined {
  const set = new Set<number>();
  let max = -1;
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const neg = part.startsWith('^');
    const m = /^(\d+)(?:-(\d+))?$/.exec(neg ? part.slice(1) : part);
    if (!m || (neg && m[2] !== undefined)) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo || hi >= limit) return undefined;
    for (let i = lo; i <= hi; i++) {
      if (neg) set.delete(i);
      else set.add(i);
    }
  }
  for (const i of set) max = Math.max(max, i);
  return Array.from({ length: max + 1 }, (_, i) => set.has(i));
}

/** virshParseCPUList: "r" = every host CPU, else a cpuset within the host's CPUs. */
export function parseCpuList(cpulist: string, maxcpu: number): boolean[] {
  if (cpulist.startsWith('r')) return new Array<boolean>(maxcpu).fill(true);
  const map = parseBitmap(cpulist, 1024);
  if (!map || !map.some(Boolean)) {
    throw new ShellError(
      `Invalid cpulist '${cpulist}'`,
      map ? undefined : virErr('INVALID_ARG', `Failed to parse bitmap '${cpulist}'`),
    );
  }
  const last = map.lastIndexOf(true);
  if (last >= maxcpu) throw new ShellError(`CPU ${last} in cpulist '${cpulist}' exceed the maxcpu ${maxcpu}`);
  return map;
}

/** virBitmapDataFormat over the first `bits` bits: "0-3,5". */
export function formatMap(map: boolean[], bits: number): string {
  const out: string[] = [];
  for (let i = 0; i < bits; i++) {
    if (!map[i]) continue;
    let j = i;
    while (j + 1 < bits && map[j + 1]) j++;
    out.push(i === j ? `${i}` : `${i}-${j}`);
    i = j;
  }
  return out.join(',');
}

/** vshGetTypedParamValue */
export function paramValue(p: TypedParam): string {
  if (p.type === 6) return p.value ? 'yes' : 'no';
  if (p.type === 5) return (p.value as number).toFixed(6);
  return String(p.value);
}

/** The "%-15s: %s" listing the tuning commands print. */
export function printParams(ctx: CommandContext, params: TypedParam[]): void {
  for (const p of params) ctx.print(`${p.field.padEnd(15)}: ${paramValue(p)}\n`);
}

/** printf("%-Ns") */
export const pad = (s: string, n: number): string => s.padEnd(n);
