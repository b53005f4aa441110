import { parseCpuList, formatCpuList } from '../../cpumap.js';
import { virErr } from '../../errors.js';
import { children, type XNode } from '../tree.js';
import { elem, type Elem } from './elem.js';
import { internalError, unsupportedConfig, xmlError } from './errors.js';
import { CPUMASK_LEN, propEnum, propInt, propUInt } from './numbers.js';

const POLICIES = ['none', 'batch', 'idle', 'fifo', 'rr'] as const;

interface Sched {
  policy: (typeof POLICIES)[number];
  priority: number;
}

/** virBitmapParse of a cpuset, refusing an empty set (`empty` is the error it raises). */
function bitmap(text: string, empty: () => Error): boolean[] {
  const map = parseCpuList(text, CPUMASK_LEN);
  if (!map) throw virErr('INVALID_ARG', `Failed to parse bitmap '${text}'`);
  if (!map.includes(true)) throw empty();
  return map;
}

/** virDomainSchedulerParseCommonAttrs: a real policy, with a priority for the real-time ones. */
function commonAttrs(n: XNode): Sched {
  const policy = propEnum(n, 'scheduler', POLICIES, { required: true, nonzero: true })!;
  const priority = policy === 'fifo' || policy === 'rr' ? propInt(n, 'priority', { required: true })! : 0;
  return { policy, priority };
}

/** virDomainSchedulerFormat: batch/idle without a priority, fifo/rr with one. */
function schedElem(name: string, s: Sched, id?: number): Elem {
  const prio = s.policy === 'fifo' || s.policy === 'rr' ? s.priority : undefined;
  return elem(`${name}sched`, [[`${name}s`, id], ['scheduler', s.policy], ['priority', prio]]);
}

/**
 * virDomainThreadSchedParseHelper for <vcpusched vcpus=…>/<iothreadsched iothreads=…>: each
 * thread named gets the policy once; `known` reports a thread the domain lacks.
 */
function threadScheds(nodes: XNode[], what: 'vcpu' | 'iothread', known: (id: number) => void): Map<number, Sched> {
  const out = new Map<number, Sched>();
  const el = `${what}sched`;
  const at = `${what}s`;
  for (const n of nodes) {
    const text = n.attrs[at];
    if (text === undefined) throw xmlError(`Missing attribute '${at}' in element '${el}'`);
    const map = bitmap(text, () => unsupportedConfig(`'${at}' scheduler bitmap '${text}' is empty`));
    const s = commonAttrs(n);
    map.forEach((set, id) => {
      if (!set) return;
      known(id);
      if (out.has(id)) throw virErr('XML_DETAIL', `'${el}' attributes '${at}' must not overlap`, 'DOMAIN');
      out.set(id, s);
    });
  }
  return out;
}

/**
 * The <cputune> parts after <emulatorpin> that virDomainDefTunablesParse turns into typed
 * state: iothread pins, emulator, vCPU and iothread schedulers. Returned as libvirt formats
 * them (pins and schedulers per thread, vCPUs in id order, iothreads in definition order).
 */
export function parseThreadTuning(cputune: XNode, maxVcpus: number, iothreads: number[]): Elem[] {
  const notFound = (id: number) => unsupportedConfig(`Cannot find 'iothread' : ${id}`);
  const iopins = new Map<number, string>();
  for (const p of children(cputune, 'iothreadpin')) {
    const id = propUInt(p, 'iothread', 10, { required: true, nonzero: true })!;
    if (!iothreads.includes(id)) throw notFound(id);
    if (p.attrs.cpuset === undefined) throw internalError('missing cpuset for iothreadpin');
    const set = formatCpuList(bitmap(p.attrs.cpuset, () => unsupportedConfig(`Invalid value of 'cpuset': ${p.attrs.cpuset}`)));
    if (iopins.has(id)) throw internalError(`duplicate iothreadpin for same iothread '${id}'`);
    iopins.set(id, set);
  }
  const vcpus = threadScheds(children(cputune, 'vcpusched'), 'vcpu', (id) => {
    if (id >= maxVcpus) throw unsupportedConfig(`vCPU '${id}' is not present in domain definition`);
  });
  const ios = threadScheds(children(cputune, 'iothreadsched'), 'iothread', (id) => {
    if (!iothreads.includes(id)) throw notFound(id);
  });
  const emulators = children(cputune, 'emulatorsched');
  if (emulators.length > 1) throw xmlError('only one emulatorsched is supported');
  const emulator = emulators.length ? commonAttrs(emulators[0]) : undefined;

  const out: Elem[] = [];
  for (const id of iothreads) if (iopins.has(id)) out.push(elem('iothreadpin', [['iothread', id], ['cpuset', iopins.get(id)]]));
  if (emulator) out.push(schedElem('emulator', emulator));
  for (const id of [...vcpus.keys()].sort((a, b) => a - b)) out.push(schedElem('vcpu', vcpus.get(id)!, id));
  for (const id of iothreads) if (ios.has(id)) out.push(schedElem('iothread', ios.get(id)!, id));
  return out;
}

/** Elements parseThreadTuning owns. */
export const THREAD_TUNING = ['iothreadpin', 'emulatorsched', 'vcpusched', 'iothreadsched'];
