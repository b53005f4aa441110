import { formatCpuList, isAllClear, parseCpuList } from '../../cpumap.js';
import { strToULongLong, scaleInteger } from '../../strtol.js';
import { children, type XNode } from '../tree.js';
import { elem, type Elem } from './elem.js';
import { invalidArg, xmlError } from './errors.js';
import { CPUMASK_LEN, propEnum, propUInt } from './numbers.js';

/**
 * <cachetune>/<memorytune>: libvirt's resctrl groups. Each group is a vCPU set with one
 * allocation (cache sizes per level/type/cache id, memory bandwidth per node) and its
 * monitors; a <memorytune> with the same vCPUs as a <cachetune> joins that group.
 */

const CACHE_TYPES = ['both', 'code', 'data'] as const;
const MONITOR_CACHE_LEVEL = 3;
const ULLONG_MAX = 0xffffffffffffffffn;

interface Monitor {
  cache: boolean;
  vcpus: boolean[];
}

interface Group {
  vcpus: boolean[];
  id: string;
  /** Cache sizes in bytes keyed `level/typeIndex/cacheId`. */
  caches: Map<string, bigint>;
  bandwidths: Map<number, number>;
  monitors: Monitor[];
}

const same = (a: boolean[], b: boolean[]) => a.every((v, i) => v === b[i]);
const overlaps = (a: boolean[], b: boolean[]) => a.some((v, i) => v && b[i]);

/** virDomainResctrlParseVcpus: the set, cut to the vCPU count. */
function parseVcpus(n: XNode, maxVcpus: number): boolean[] {
  const text = n.attrs.vcpus;
  if (text === undefined) throw xmlError(`Missing ${n.name} attribute 'vcpus'`);
  const map = parseCpuList(text, CPUMASK_LEN);
  if (!map) throw xmlError(`Invalid ${n.name} attribute 'vcpus' value '${text}'`);
  return map.map((v, i) => v && i < maxVcpus);
}

/** virDomainResctrlVcpuMatch: the group with these very vCPUs; partial overlap is refused. */
function matchGroup(groups: Group[], vcpus: boolean[]): Group | undefined {
  for (const g of groups) {
    if (same(g.vcpus, vcpus)) return g;
    if (overlaps(g.vcpus, vcpus)) throw xmlError('Overlapping vcpus in resctrls');
  }
  return undefined;
}

function newGroup(n: XNode, vcpus: boolean[], inactive: boolean): Group {
  const id = (!inactive ? n.attrs.id : undefined) ?? `vcpus_${formatCpuList(vcpus)}`;
  return { vcpus, id, caches: new Map(), bandwidths: new Map(), monitors: [] };
}

const isEmpty = (g: Group) => g.caches.size === 0 && g.bandwidths.size === 0;

/** virResctrlAllocSetCacheSize: 'both' collides with any type of the same cache, others with themselves. */
function setCache(g: Group, level: number, type: number, cache: number, size: bigint): void {
  const has = (t: number) => g.caches.has(`${level}/${t}/${cache}`);
  if (has(0) || (type === 0 ? has(1) || has(2) : has(type)))
    throw xmlError(`Colliding cache allocations for cache level '${level}' id '${cache}', type '${CACHE_TYPES[type]}'`);
  g.caches.set(`${level}/${type}/${cache}`, size);
}

/** virParseScaledValue of ./@size and ./@unit (bytes by default scale 1024). */
function cacheSize(n: XNode): bigint {
  const text = n.attrs.size;
  if (!text) throw xmlError("missing element or attribute './@size'");
  const v = strToULongLong(text, false);
  if (v === undefined) throw xmlError(`Invalid value '${text}' for element or attribute './@size'`);
  return scaleInteger(v, n.attrs.unit || undefined, 1024n, ULLONG_MAX);
}

/** virDomainResctrlValidateMonitor: a monitor watches some of its group's vCPUs, not another monitor's. */
function checkMonitor(g: Group, m: Monitor): void {
  if (isAllClear(m.vcpus)) throw invalidArg('vcpus is empty');
  if (m.vcpus.some((v, i) => v && !g.vcpus[i])) throw invalidArg('Monitor vcpus conflicts with allocation');
  const equalToGroup = same(m.vcpus, g.vcpus);
  let overlapAny = false;
  let overlapNoGroup = false;
  for (const o of g.monitors) {
    if (same(m.vcpus, o.vcpus)) {
      if (m.cache !== o.cache) continue;
      throw invalidArg('Identical vcpus found in same type monitors');
    }
    if (overlaps(m.vcpus, o.vcpus)) overlapAny = true;
    if (equalToGroup || same(o.vcpus, g.vcpus)) continue;
    if (overlaps(m.vcpus, o.vcpus)) overlapNoGroup = true;
  }
  if (overlapNoGroup || (isEmpty(g) && overlapAny)) throw invalidArg('vcpus overlaps in resctrl groups');
}

/** virDomainResctrlMonDefParse: the element's <monitor>s, appended to the group. */
function parseMonitors(n: XNode, g: Group, cache: boolean, maxVcpus: number): number {
  const nodes = children(n, 'monitor');
  for (const mn of nodes) {
    if (cache) {
      const level = propUInt(mn, 'level', 10, { required: true })!;
      if (level !== MONITOR_CACHE_LEVEL) throw xmlError(`Invalid monitor cache level '${level | 0}'`);
    }
    const m = { cache, vcpus: parseVcpus(mn, maxVcpus) };
    checkMonitor(g, m);
    g.monitors.push(m);
  }
  return nodes.length;
}

function parseCachetune(n: XNode, groups: Group[], maxVcpus: number, inactive: boolean): void {
  const vcpus = parseVcpus(n, maxVcpus);
  if (isAllClear(vcpus)) return;
  if (matchGroup(groups, vcpus)) throw xmlError('Identical vcpus in cachetunes found');
  const g = newGroup(n, vcpus, inactive);
  const caches = children(n, 'cache');
  for (const c of caches) {
    const id = propUInt(c, 'id', 10, { required: true })!;
    const level = propUInt(c, 'level', 10, { required: true })!;
    const type = CACHE_TYPES.indexOf(propEnum(c, 'type', CACHE_TYPES, { required: true })!);
    setCache(g, level, type, id, cacheSize(c));
  }
  const monitors = parseMonitors(n, g, true, maxVcpus);
  if (monitors || caches.length) groups.push(g);
}

function parseMemorytune(n: XNode, groups: Group[], maxVcpus: number, inactive: boolean): void {
  const vcpus = parseVcpus(n, maxVcpus);
  if (isAllClear(vcpus)) return;
  const existing = matchGroup(groups, vcpus);
  const g = existing ?? newGroup(n, vcpus, inactive);
  const nodes = children(n, 'node');
  for (const node of nodes) {
    const id = propUInt(node, 'id', 10, { required: true })!;
    const bandwidth = propUInt(node, 'bandwidth', 10, { required: true })!;
    if (bandwidth > 100) throw xmlError('Memory Bandwidth value exceeding 100 is invalid.');
    if (g.bandwidths.has(id)) throw xmlError(`Memory Bandwidth already defined for node ${id}`);
    g.bandwidths.set(id, bandwidth);
  }
  const monitors = parseMonitors(n, g, false, maxVcpus);
  if (!existing && (monitors || nodes.length)) groups.push(g);
}

/** virFormatIntPretty: the largest binary unit that divides the size exactly. */
function prettySize(bytes: bigint): [bigint, string] {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  while (i < units.length - 1 && bytes !== 0n && bytes % 1024n === 0n) {
    bytes /= 1024n;
    i++;
  }
  return [bytes, units[i]];
}

function cachetuneElem(g: Group): Elem | undefined {
  const kids: Elem[] = [];
  const keys = [...g.caches.keys()].map((k) => k.split('/').map(Number));
  keys.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [level, type, cache] of keys) {
    const [size, unit] = prettySize(g.caches.get(`${level}/${type}/${cache}`)!);
    kids.push(elem('cache', [['id', cache], ['level', level], ['type', CACHE_TYPES[type]], ['size', String(size)], ['unit', unit]]));
  }
  for (const m of g.monitors.filter((x) => x.cache)) kids.push(elem('monitor', [['level', MONITOR_CACHE_LEVEL], ['vcpus', formatCpuList(m.vcpus)]]));
  return kids.length ? elem('cachetune', [['vcpus', formatCpuList(g.vcpus)], ['id', g.id]], kids) : undefined;
}

function memorytuneElem(g: Group): Elem | undefined {
  const kids: Elem[] = [];
  for (const id of [...g.bandwidths.keys()].sort((a, b) => a - b)) kids.push(elem('node', [['id', id], ['bandwidth', g.bandwidths.get(id)]]));
  for (const m of g.monitors.filter((x) => !x.cache)) kids.push(elem('monitor', [['vcpus', formatCpuList(m.vcpus)]]));
  return kids.length ? elem('memorytune', [['vcpus', formatCpuList(g.vcpus)], ['id', g.id]], kids) : undefined;
}

/**
 * Parses <cputune>'s <cachetune>s then <memorytune>s (virDomainDefTunablesParse order) and
 * returns them as virDomainDefFormat writes them: every group's cachetune, then every
 * group's memorytune, each carrying its allocation id (written for running domains only).
 */
export function parseResctrl(cputune: XNode, maxVcpus: number, inactive: boolean): Elem[] {
  const groups: Group[] = [];
  for (const n of children(cputune, 'cachetune')) parseCachetune(n, groups, maxVcpus, inactive);
  for (const n of children(cputune, 'memorytune')) parseMemorytune(n, groups, maxVcpus, inactive);
  const out: Elem[] = [];
  for (const g of groups) {
    const e = cachetuneElem(g);
    if (e) out.push(e);
  }
  for (const g of groups) {
    const e = memorytuneElem(g);
    if (e) out.push(e);
  }
  return out;
}

export const RESCTRL_ELEMENTS = ['cachetune', 'memorytune'];

/** The inactive form: resctrl allocation ids are runtime state. */
export function withoutResctrlIds(cputune: Elem | undefined): Elem | undefined {
  if (!cputune?.children.some((c) => RESCTRL_ELEMENTS.includes(c.name))) return cputune;
  const strip = (c: Elem): Elem => (RESCTRL_ELEMENTS.includes(c.name) ? { ...c, attrs: c.attrs.filter(([k]) => k !== 'id') } : c);
  return { ...cputune, children: cputune.children.map(strip) };
}
