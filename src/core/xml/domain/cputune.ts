import { parseCpuList, formatCpuList } from '../../cpumap.js';
import { virErr } from '../../errors.js';
import { libvirtWarn } from '../../libvirt-log.js';
import { child, children, type XNode } from '../tree.js';
import { canon, elem, type Elem } from './elem.js';
import { internalError, unsupportedConfig, xmlError } from './errors.js';
import { CPUMASK_LEN, propUInt } from './numbers.js';
import { DOMAIN_SPECS } from './specs.js';
import { parseThreadTuning, THREAD_TUNING } from './cputune-sched.js';
import { parseResctrl, RESCTRL_ELEMENTS } from './resctrl.js';

/** The scalar tunables in output order: [element, signed, how the parse error names it]. */
const SCALARS: Array<[string, boolean, string]> = [
  ['shares', false, 'shares'],
  ['period', false, 'period'],
  ['quota', true, 'quota'],
  ['global_period', false, 'global period'],
  ['global_quota', true, 'global quota'],
  ['emulator_period', false, 'emulator period'],
  ['emulator_quota', true, 'emulator quota'],
  ['iothread_period', false, 'iothread period'],
  ['iothread_quota', true, 'iothread quota'],
];

const PERIOD: [bigint, bigint] = [1000n, 1000000n];
const QUOTA: [bigint, bigint] = [1000n, 17592186044415n];
const SHARES: [bigint, bigint] = [2n, 262144n];

/** virBitmapParse of a pin's cpuset, refusing an empty set, in virBitmapFormat form. */
function cpuset(text: string): string {
  const map = parseCpuList(text, CPUMASK_LEN);
  if (!map) throw virErr('INVALID_ARG', `Failed to parse bitmap '${text}'`);
  if (!map.includes(true)) throw unsupportedConfig(`Invalid value of 'cpuset': ${text}`);
  return formatCpuList(map);
}

/**
 * virDomainCputuneDefParse (the parts virsh users meet): scalar tunables parsed as numbers,
 * vCPU pins keyed by vCPU (pins past the vCPU count are dropped, as libvirt only warns),
 * one emulator pin, resctrl groups; the rest kept in canonical shape.
 */
export function parseCputune(root: XNode, maxVcpus: number, iothreads: number[], inactive: boolean): Elem | undefined {
  const n = child(root, 'cputune');
  if (!n) return undefined;
  const out: Elem[] = [];
  for (const [name, signed, label] of SCALARS) {
    const c = child(n, name);
    if (!c) continue;
    const t = c.text;
    const ok = signed ? /^[ \t\n]*[-+]?\d+$/.test(t) : /^[ \t\n]*\+?\d+$/.test(t);
    const v = ok ? BigInt(t.trim()) : undefined;
    if (v === undefined || v > (signed ? 0x7fffffffffffffffn : 0xffffffffffffffffn) || v < -0x8000000000000000n)
      throw xmlError(`can't parse cputune ${label} value`);
    if (v !== 0n || name === 'shares') out.push(elem(name, [], [], String(v)));
  }
  const pins = new Map<number, string>();
  for (const p of children(n, 'vcpupin')) {
    const id = propUInt(p, 'vcpu', 10, { required: true })!;
    if (id >= maxVcpus) {
      libvirtWarn('virDomainVcpuPinDefParseXML:15765', 'Ignoring vcpupin for missing vcpus');
      continue;
    }
    if (p.attrs.cpuset === undefined) throw internalError('missing cpuset for vcpupin');
    if (pins.has(id)) throw internalError(`duplicate vcpupin for vcpu '${id}'`);
    pins.set(id, cpuset(p.attrs.cpuset));
  }
  for (const id of [...pins.keys()].sort((a, b) => a - b)) out.push(elem('vcpupin', [['vcpu', id], ['cpuset', pins.get(id)]]));
  const emulatorpins = children(n, 'emulatorpin');
  if (emulatorpins.length > 1) throw xmlError('only one emulatorpin is supported');
  if (emulatorpins.length) {
    const set = emulatorpins[0].attrs.cpuset;
    if (set === undefined) throw internalError('missing cpuset for emulatorpin');
    out.push(elem('emulatorpin', [['cpuset', cpuset(set)]]));
  }
  out.push(...parseThreadTuning(n, maxVcpus, iothreads));
  out.push(...parseResctrl(n, maxVcpus, inactive));
  const owned = [...SCALARS.map(([s]) => s), 'vcpupin', 'emulatorpin', ...THREAD_TUNING, ...RESCTRL_ELEMENTS];
  const rest = canon(n, DOMAIN_SPECS.cputune).children.filter((c) => !owned.includes(c.name));
  const all = [...out, ...rest];
  return all.length ? elem('cputune', [], all) : undefined;
}

/** virDomainDefCputuneValidate: values outside the cgroup ranges are refused. */
export function validateCputune(cputune: Elem | undefined): void {
  const value = (name: string) => {
    const t = cputune?.children.find((c) => c.name === name)?.text;
    return t === undefined ? 0n : BigInt(t);
  };
  const check = (name: string, [lo, hi]: [bigint, bigint]) => {
    const v = value(name);
    if (v > 0n && (v < lo || v > hi)) throw unsupportedConfig(`Value of cputune '${name}' must be in range [${lo}, ${hi}]`);
  };
  check('shares', SHARES);
  for (const p of ['period', 'global_period', 'emulator_period', 'iothread_period']) check(p, PERIOD);
  for (const q of ['quota', 'global_quota', 'emulator_quota', 'iothread_quota']) check(q, QUOTA);
}
