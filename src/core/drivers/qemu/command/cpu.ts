import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, featureState, sub, subs } from './util.js';
import { qemuError } from './errors.js';

/** libvirt's x86 feature names that QEMU spells differently (virQEMUCapsCPUFeaturesX86). */
export const FEATURE_NAMES: Record<string, string> = {
  cmp_legacy: 'cmp-legacy',
  ds_cpl: 'ds-cpl',
  fxsr_opt: 'fxsr-opt',
  kvm_pv_eoi: 'kvm-pv-eoi',
  kvm_pv_unhalt: 'kvm-pv-unhalt',
  lahf_lm: 'lahf-lm',
  nodeid_msr: 'nodeid-msr',
  pclmuldq: 'pclmulqdq',
  perfctr_core: 'perfctr-core',
  perfctr_nb: 'perfctr-nb',
  tsc_adjust: 'tsc-adjust',
};

const POLICY_SWITCH: Record<string, string | undefined> = { force: 'on', require: 'on', disable: 'off', forbid: 'off' };

/** The model part of -cpu (qemuBuildCpuModelArgStr). */
function cpuModel(def: DomainDef): string | undefined {
  const cpu = def.cpu;
  const mode = attr(cpu, 'mode') ?? 'custom';
  const model = sub(cpu, 'model')?.text;
  if (!cpu || (mode === 'custom' && !model)) return def.os.arch === 'i686' && (def.emulator ?? '').includes('x86_64') ? 'qemu32' : undefined;
  let s: string;
  if (mode === 'host-passthrough' || mode === 'maximum') {
    s = mode === 'maximum' ? 'max' : 'host';
    const migratable = attr(cpu, 'migratable');
    if (migratable) s += `,migratable=${migratable}`;
  } else if (mode === 'host-model') {
    // Host-model is expanded against the probed host CPU before the command is built.
    throw qemuError('INTERNAL_ERROR', `unexpected host-model CPU for ${def.os.arch} architecture`);
  } else s = model!;
  const vendor = attr(sub(cpu, 'model'), 'vendor_id');
  if (vendor) s += `,vendor=${vendor}`;
  for (const f of subs(cpu, 'feature')) {
    const value = POLICY_SWITCH[attr(f, 'policy') ?? 'require'];
    const name = attr(f, 'name')!;
    if (value) s += `,${FEATURE_NAMES[name] ?? name}=${value}`;
  }
  return s;
}

/** qemuValidateDomainDefCpu's capability check: TCG cannot pass the host CPU through. */
export function validateCpu(def: DomainDef): void {
  const mode = attr(def.cpu, 'mode');
  if (mode === 'host-passthrough' && def.type !== 'kvm') {
    const host = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch;
    throw qemuError('CONFIG_UNSUPPORTED', `CPU mode '${mode}' for ${def.os.arch} ${def.type} domain on ${host} host is not supported by hypervisor`);
  }
}

/** Flags -cpu carries from clock timers and <features> (paravirt bits). */
function cpuFlags(def: DomainDef): string {
  let s = '';
  for (const t of def.clock.timers) {
    const name = attr(t, 'name');
    const present = attr(t, 'present');
    if (name === 'kvmclock' && present) s += `,kvmclock=${present === 'yes' ? 'on' : 'off'}`;
    else if (name === 'hypervclock' && present === 'yes') s += ',hv-time=on';
    else if (name === 'tsc' && Number(attr(t, 'frequency') ?? 0) > 0) s += `,tsc-frequency=${attr(t, 'frequency')}`;
  }
  const eoi = attr(sub(def.features, 'apic'), 'eoi');
  if (eoi) s += `,kvm-pv-eoi=${eoi}`;
  const spin = featureState(def, 'pvspinlock');
  if (spin) s += `,kvm-pv-unhalt=${spin}`;
  const pmu = featureState(def, 'pmu');
  if (pmu) s += `,pmu=${pmu}`;
  return s;
}

/** -cpu MODEL[,flags] (qemuBuildCpuCommandLine). */
export function buildCpu(cmd: QemuCommand, def: DomainDef): void {
  let model = cpuModel(def);
  const flags = cpuFlags(def);
  if (flags && !model) {
    if (def.os.arch === 'i686') model = 'qemu32';
    else if (def.os.arch === 'x86_64') model = 'qemu64';
    else throw qemuError('CONFIG_UNSUPPORTED', `CPU flags requested but can't determine default CPU for arch ${def.os.arch}`);
  }
  if (model) cmd.add('-cpu', model + flags);
}

/** -smp N[,maxcpus=M],sockets=…,dies=…,cores=…,threads=… (qemuBuildSmpCommandLine). */
export function buildSmp(cmd: QemuCommand, def: DomainDef): void {
  let s = `${def.vcpus}`;
  if (def.vcpus !== def.maxVcpus) s += `,maxcpus=${def.maxVcpus}`;
  const topo = sub(def.cpu, 'topology');
  if (topo && attr(topo, 'sockets')) {
    s += `,sockets=${attr(topo, 'sockets')},dies=${attr(topo, 'dies') ?? 1},cores=${attr(topo, 'cores')},threads=${attr(topo, 'threads')}`;
  } else s += `,sockets=${def.maxVcpus},cores=1,threads=1`;
  cmd.add('-smp', s);
}
