import { children, type XNode } from '../tree.js';
import { elem, type Elem } from './elem.js';
import { internalError, xmlError } from './errors.js';
import { propEnum, TRISTATE_BOOL, TRISTATE_SWITCH } from './numbers.js';

/** virPerfEvent, in the order libvirt writes the events. */
export const PERF_EVENTS = [
  'cmt', 'mbmt', 'mbml', 'cpu_cycles', 'instructions', 'cache_references', 'cache_misses', 'branch_instructions',
  'branch_misses', 'bus_cycles', 'stalled_cycles_frontend', 'stalled_cycles_backend', 'ref_cpu_cycles', 'cpu_clock',
  'task_clock', 'page_faults', 'context_switches', 'cpu_migrations', 'page_faults_min', 'page_faults_maj',
  'alignment_faults', 'emulation_faults',
] as const;

/** virDomainPerfDefParseXML: known events, each once, written back in event order. */
export function parsePerf(root: XNode): Elem | undefined {
  const set = new Map<string, string>();
  for (const e of children(children(root, 'perf')[0], 'event')) {
    const name = propEnum(e, 'name', PERF_EVENTS, { required: true })!;
    const enabled = propEnum(e, 'enabled', TRISTATE_BOOL, { required: true, nonzero: true })!;
    if (set.has(name)) throw xmlError(`perf event '${name}' was already specified`);
    set.set(name, enabled);
  }
  const events = PERF_EVENTS.filter((n) => set.has(n)).map((n) => elem('event', [['name', n], ['enabled', set.get(n)]]));
  return events.length ? elem('perf', [], events) : undefined;
}

const CIPHERS = ['aes', 'dea'] as const;

/** virDomainKeyWrapDefParseXML: one state per cipher, aes before dea. */
export function parseKeywrap(root: XNode): Elem | undefined {
  const state = new Map<string, string>();
  for (const c of children(children(root, 'keywrap')[0], 'cipher')) {
    const name = propEnum(c, 'name', CIPHERS, { required: true })!;
    const s = propEnum(c, 'state', TRISTATE_SWITCH, { required: true, nonzero: true })!;
    if (state.has(name)) throw internalError(`A domain definition can have no more than one cipher node with name ${name}`);
    state.set(name, s);
  }
  const ciphers = CIPHERS.filter((n) => state.has(n)).map((n) => elem('cipher', [['name', n], ['state', state.get(n)]]));
  return ciphers.length ? elem('keywrap', [], ciphers) : undefined;
}
