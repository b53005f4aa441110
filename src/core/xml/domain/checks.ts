import { child, children, type XNode } from '../tree.js';
import { internalError, unsupportedConfig, xmlError } from './errors.js';
import { parseCpuList } from '../../cpumap.js';
import { CPUMASK_LEN, propEnum, propUInt, TRISTATE_BOOL, TRISTATE_SWITCH } from './numbers.js';

/*
 * Parse-time checks of the domain-level elements libvirt parses into typed structures while
 * we keep them in canonical re-serialised form (memoryBacking, features, clock
 * timers, cpu, launchSecurity). Each function follows the order of its C parser so
 * the first failure is the one virsh reports.
 */

const MEMORY_SOURCES = ['none', 'file', 'anonymous', 'memfd'];
const MEMORY_ACCESS = ['default', 'shared', 'private'];
const MEMORY_ALLOCATION = ['default', 'immediate', 'ondemand'];

/** virDomainDefParseMemory's memoryBacking part (the lookups refuse each enum's first value). */
export function checkMemoryBacking(root: XNode): void {
  const mb = child(root, 'memoryBacking');
  const lookups: Array<[string, string, string[]]> = [
    ['source', 'type', MEMORY_SOURCES],
    ['access', 'mode', MEMORY_ACCESS],
    ['allocation', 'mode', MEMORY_ALLOCATION],
  ];
  for (const [el, name, values] of lookups) {
    const v = child(mb, el)?.attrs[name];
    if (v !== undefined && values.indexOf(v) <= 0) throw unsupportedConfig(`unknown memoryBacking/${el}/${name} '${v}'`);
  }
  const threads = child(mb, 'allocation')?.attrs.threads;
  if (threads !== undefined && !/^\d+$/.test(threads.trim())) throw xmlError('Failed to parse memory allocation threads');
}

const FEATURES = ['acpi', 'apic', 'pae', 'hap', 'viridian', 'privnet', 'hyperv', 'kvm', 'pvspinlock', 'capabilities', 'pmu', 'vmport', 'gic', 'smm', 'ioapic', 'hpt', 'vmcoreinfo', 'htm', 'nested-hv', 'msrs', 'ccf-assist', 'xen', 'cfpc', 'sbbc', 'ibs', 'tcg'];
/** virGICVersion. */
const GIC_VERSIONS = ['none', 'host', '2', '3'];
/** Features whose state= is a tristate switch (on/off). */
const STATE_FEATURES = ['hap', 'pmu', 'pvspinlock', 'vmport', 'vmcoreinfo', 'smm', 'htm', 'nested-hv', 'ccf-assist'];

/** virDomainFeaturesDefParse: known feature names and their state values. */
export function checkFeatures(root: XNode): void {
  for (const f of child(root, 'features')?.children ?? []) {
    if (!FEATURES.includes(f.name)) throw unsupportedConfig(`unexpected feature '${f.name}'`);
    if (f.name === 'apic') propEnum(f, 'eoi', TRISTATE_SWITCH, { nonzero: true });
    if (f.name === 'gic') propEnum(f, 'version', GIC_VERSIONS, { nonzero: true });
    if (STATE_FEATURES.includes(f.name)) propEnum(f, 'state', TRISTATE_SWITCH, { nonzero: true });
  }
}

const TIMER_NAMES = ['platform', 'pit', 'rtc', 'hpet', 'tsc', 'kvmclock', 'hypervclock', 'armvtimer'];
const TIMER_TICKPOLICY = ['none', 'delay', 'catchup', 'merge', 'discard'];
const TIMER_TRACK = ['none', 'boot', 'guest', 'wall', 'realtime'];
const TIMER_MODE = ['none', 'auto', 'native', 'emulate', 'paravirt', 'smpsafe'];

/** virDomainTimerDefParseXML for each <clock>/<timer>. */
export function checkTimers(clock: XNode | undefined): void {
  for (const t of children(clock, 'timer')) {
    propEnum(t, 'name', TIMER_NAMES, { required: true });
    propEnum(t, 'present', TRISTATE_BOOL, { nonzero: true });
    propEnum(t, 'tickpolicy', TIMER_TICKPOLICY, { nonzero: true });
    propEnum(t, 'track', TIMER_TRACK, { nonzero: true });
    const freq = t.attrs.frequency;
    if (freq !== undefined && !/^\d+$/.test(freq))
      throw xmlError(`Invalid value for attribute 'frequency' in element 'timer': '${freq}'. Expected non-negative integer value`);
    propEnum(t, 'mode', TIMER_MODE, { nonzero: true });
  }
}

const CPU_MODES = ['custom', 'host-model', 'host-passthrough', 'maximum'];
const CPU_MATCH = ['exact', 'minimum', 'strict'];
const CPU_CHECK = ['default', 'none', 'partial', 'full'];
const CPU_FALLBACK = ['allow', 'forbid'];
const CPU_FEATURE_POLICY = ['force', 'require', 'optional', 'disable', 'forbid'];

/** virCPUDefParseXML for the guest <cpu>. */
export function checkCpu(root: XNode): void {
  const cpu = child(root, 'cpu');
  if (!cpu) return;
  const mode = cpu.attrs.mode ?? 'custom';
  if (!CPU_MODES.includes(mode)) throw unsupportedConfig(`Invalid mode attribute '${mode}'`);
  propEnum(cpu, 'migratable', TRISTATE_SWITCH, { nonzero: true });
  if (cpu.attrs.migratable !== undefined && mode !== 'host-passthrough' && mode !== 'maximum')
    throw unsupportedConfig('Attribute migratable is only allowed for \'host-passthrough\' / \'maximum\' CPU mode');
  propEnum(cpu, 'match', CPU_MATCH);
  propEnum(cpu, 'check', CPU_CHECK);
  const model = child(cpu, 'model');
  if (model && mode !== 'host-passthrough' && mode !== 'maximum' && model.attrs.fallback !== undefined && !CPU_FALLBACK.includes(model.attrs.fallback))
    throw unsupportedConfig('Invalid fallback attribute');
  const topology = child(cpu, 'topology');
  if (topology) {
    propUInt(topology, 'sockets', 10, { required: true, nonzero: true });
    propUInt(topology, 'dies', 10, { nonzero: true });
    propUInt(topology, 'cores', 10, { required: true, nonzero: true });
    propUInt(topology, 'threads', 10, { required: true, nonzero: true });
  }
  const features = children(cpu, 'feature');
  if (features.length && !model?.text.trim() && mode === 'custom') throw xmlError('Non-empty feature list specified without CPU model');
  const seen: string[] = [];
  for (const f of features) {
    const policy = f.attrs.policy;
    if (policy !== undefined && !CPU_FEATURE_POLICY.includes(policy)) throw unsupportedConfig('Invalid CPU feature policy');
    const name = f.attrs.name;
    if (!name) throw xmlError('Invalid CPU feature name');
    if (seen.includes(name)) throw xmlError(`CPU feature '${name}' specified more than once`);
    seen.push(name);
  }
  if (children(cpu, 'cache').length > 1) throw xmlError('at most one CPU cache element may be specified');
}

const LAUNCH_SECURITY = ['', 'sev', 's390-pv'];

/** virDomainSecDefParseXML: the launch security type. */
export function checkLaunchSecurity(root: XNode): void {
  const ls = child(root, 'launchSecurity');
  if (ls) propEnum(ls, 'type', LAUNCH_SECURITY, { required: true, nonzero: true });
}

/** virDomainDefParseXML after the NUMA cells: their CPUs must fit in the vCPU count. */
export function checkNumaVcpus(root: XNode, maxVcpus: number): void {
  const cells = children(child(child(root, 'cpu'), 'numa'), 'cell');
  let total = 0;
  let maxId = 0;
  for (const c of cells) {
    const map = c.attrs.cpus === undefined ? undefined : parseCpuList(c.attrs.cpus, CPUMASK_LEN);
    if (!map) continue;
    total += map.filter(Boolean).length;
    maxId = Math.max(maxId, map.lastIndexOf(true));
  }
  if (total > maxVcpus) throw internalError('Number of CPUs in <numa> exceeds the <vcpu> count');
  if (maxId >= maxVcpus) throw internalError('CPU IDs in <numa> exceed the <vcpu> count');
}
