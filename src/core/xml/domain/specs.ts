import type { ElemSpec } from './elem.js';

/*
 * Canonical shapes of the domain-level elements libvirt re-serialises from what it parsed:
 * kept attributes and children, in the order virDomainDefFormat writes them.
 */

const leaf = (...attrs: string[]): ElemSpec => ({ attrs });
const text: ElemSpec = { text: true };
const sized: ElemSpec = { attrs: ['unit'], text: true };
const verbatim: ElemSpec = { verbatim: true };
const stateOnly = leaf('state');

const hyperv: ElemSpec = {
  attrs: ['mode'],
  children: [
    ['relaxed', stateOnly],
    ['vapic', stateOnly],
    ['spinlocks', leaf('state', 'retries')],
    ['vpindex', stateOnly],
    ['runtime', stateOnly],
    ['synic', stateOnly],
    ['stimer', { attrs: ['state'], children: [['direct', stateOnly]] }],
    ['reset', stateOnly],
    ['vendor_id', leaf('state', 'value')],
    ['frequencies', stateOnly],
    ['reenlightenment', stateOnly],
    ['tlbflush', stateOnly],
    ['ipi', stateOnly],
    ['evmcs', stateOnly],
    ['avic', stateOnly],
  ],
};

/** `<features>` children in libvirt's feature enum order. */
const features: ElemSpec = {
  children: [
    ['acpi', leaf()],
    ['apic', leaf('eoi')],
    ['pae', leaf()],
    ['hap', stateOnly],
    ['viridian', leaf()],
    ['privnet', leaf()],
    ['hyperv', hyperv],
    ['kvm', { children: [['hidden', stateOnly], ['hint-dedicated', stateOnly], ['poll-control', stateOnly], ['pv-ipi', stateOnly], ['dirty-ring', leaf('state', 'size')]] }],
    ['pvspinlock', stateOnly],
    ['capabilities', verbatim],
    ['pmu', stateOnly],
    ['vmport', stateOnly],
    ['gic', leaf('version')],
    ['smm', { attrs: ['state'], children: [['tseg', sized]] }],
    ['ioapic', leaf('driver')],
    ['hpt', { attrs: ['resizing'], children: [['maxpagesize', sized]] }],
    ['vmcoreinfo', stateOnly],
    ['htm', stateOnly],
    ['nested-hv', stateOnly],
    ['msrs', leaf('unknown')],
    ['ccf-assist', stateOnly],
    ['xen', verbatim],
    ['cfpc', leaf('value')],
    ['sbbc', leaf('value')],
    ['ibs', leaf('value')],
    ['tcg', { children: [['tb-cache', sized]] }],
  ],
};

const numaCell: ElemSpec = {
  attrs: ['id', 'cpus', 'memory', 'unit', 'memAccess', 'discard'],
  children: [['distances', { children: [['sibling', leaf('id', 'value')]] }], ['cache', verbatim]],
};

const cpu: ElemSpec = {
  attrs: ['mode', 'match', 'check', 'migratable'],
  children: [
    ['model', { attrs: ['fallback', 'vendor_id'], text: true }],
    ['vendor', text],
    ['topology', leaf('sockets', 'dies', 'cores', 'threads')],
    ['cache', leaf('level', 'mode')],
    ['maxphysaddr', leaf('mode', 'bits')],
    ['feature', leaf('policy', 'name')],
    ['numa', { children: [['cell', numaCell], ['interconnects', verbatim]] }],
  ],
};

export const DOMAIN_SPECS = {
  timer: { attrs: ['name', 'present', 'tickpolicy', 'track', 'frequency', 'mode'], children: [['catchup', leaf('threshold', 'slew', 'limit')]] } as ElemSpec,
  memtune: { children: [['hard_limit', sized], ['soft_limit', sized], ['min_guarantee', sized], ['swap_hard_limit', sized]] } as ElemSpec,
  memoryBacking: {
    children: [
      ['hugepages', { children: [['page', leaf('size', 'unit', 'nodeset')]] }],
      ['nosharepages', leaf()],
      ['locked', leaf()],
      ['source', leaf('type')],
      ['access', leaf('mode')],
      ['allocation', leaf('mode', 'threads')],
      ['discard', leaf()],
    ],
  } as ElemSpec,
  vcpus: { children: [['vcpu', leaf('id', 'enabled', 'hotpluggable', 'order')]] } as ElemSpec,
  iothreads: text,
  iothreadids: { children: [['iothread', leaf('id', 'thread_pool_min', 'thread_pool_max')]] } as ElemSpec,
  cputune: {
    children: [
      ['shares', text], ['period', text], ['quota', text], ['global_period', text], ['global_quota', text],
      ['emulator_period', text], ['emulator_quota', text], ['iothread_period', text], ['iothread_quota', text],
      ['vcpupin', leaf('vcpu', 'cpuset')], ['emulatorpin', leaf('cpuset')], ['iothreadpin', leaf('iothread', 'cpuset')],
      ['vcpusched', leaf('vcpus', 'scheduler', 'priority')], ['iothreadsched', leaf('iothreads', 'scheduler', 'priority')],
    ],
  } as ElemSpec,
  features,
  cpu,
  launchSecurity: verbatim,
  loader: { attrs: ['readonly', 'secure', 'type', 'format', 'stateless'], text: true } as ElemSpec,
  nvram: { attrs: ['template', 'format'], text: true } as ElemSpec,
  firmware: { children: [['feature', leaf('enabled', 'name')]] } as ElemSpec,
};
