import { spawn } from 'node:child_process';
import { virErr } from '../../../errors.js';
import type { SevCaps, SgxCaps } from './confidential.js';

/** One machine type as QEMU's query-machines reports it. */
export interface ProbedMachine {
  name: string;
  alias?: string;
  isDefault: boolean;
  maxCpus: number;
  deprecated: boolean;
  /** QOM type of the default CPU, e.g. qemu64-x86_64-cpu. */
  defaultCpuType?: string;
}

export interface ProbedCpuModel {
  name: string;
  typename?: string;
  usable?: boolean;
  deprecated: boolean;
  blockers: string[];
}

/** What the QEMU driver learns from one binary (a small part of libvirt's virQEMUCaps). */
export interface QemuProbe {
  emulator: string;
  /** major*1e6 + minor*1e3 + micro */
  version: number;
  kvm: boolean;
  /** Machines in libvirt's order: the default first, the rest as QEMU listed them. */
  machines: ProbedMachine[];
  /** QOM types (devices, objects) the binary has. */
  types: string[];
  cpuModels: ProbedCpuModel[];
  /** The guest architecture QEMU emulates (query-target), in libvirt's spelling. */
  arch: string;
  /** The accelerator that answered (libvirt keeps its data per accelerator). */
  accel: 'kvm' | 'tcg';
  /** Host CPU model expansion (static; 'host' under KVM, 'max' under TCG). */
  hostCpu?: HostCpuExpansion;
  /** Hyper-V enlightenments the full expansion enables (libvirt's names). */
  hyperv: string[];
  /** What the QAPI schema and command line options say about features libvirt checks. */
  schema: SchemaFlags;
  tpmModels: string[];
  tpmTypes: string[];
  sev?: SevCaps;
  sgx?: SgxCaps;
}

export type CpuProp = boolean | number | string;

/** query-cpu-model-expansion's props, migratable and not (as libvirt asks twice). */
export interface HostCpuExpansion {
  migratable: Record<string, CpuProp>;
  all: Record<string, CpuProp>;
}

export interface SchemaFlags {
  displays: string[];
  vnc: boolean;
  spice: boolean;
  incrementalBackup: boolean;
}

interface QmpQuery {
  execute: string;
  arguments?: Record<string, unknown>;
}

/**
 * Runs the binary once with `-machine none` and QMP on stdio (as libvirt's
 * virQEMUCapsInitQMP does over a socket), sends the queries, and returns their answers in order.
 */
function runQmp(binary: string, accel: string, queries: QmpQuery[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const args = ['-S', '-no-user-config', '-nodefaults', '-nographic', '-machine', `none,accel=${accel}`, '-qmp', 'stdio'];
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const answers: unknown[] = [];
    let buffered = '';
    let stderr = '';
    let sent = false;
    const send = () => {
      for (const q of [{ execute: 'qmp_capabilities' }, ...queries, { execute: 'quit' }]) child.stdin.write(`${JSON.stringify(q)}\n`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        const msg = JSON.parse(line) as Record<string, unknown>;
        if ('QMP' in msg && !sent) {
          sent = true;
          send();
        } else if ('return' in msg || 'error' in msg) answers.push(msg);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(virErr('INTERNAL_ERROR', `Failed to probe capabilities for ${binary}: ${e.message}`)));
    child.on('close', () => {
      // answers[0] is qmp_capabilities; the last is quit.
      const replies = answers.slice(1, 1 + queries.length) as Array<{ return?: unknown }>;
      // A binary that dies before answering: qemuProcessQMPLaunch's error with QEMU's stderr.
      if (replies.length < queries.length)
        return reject(virErr('INTERNAL_ERROR', `Failed to start QEMU binary ${binary} for probing: ${stderr}`));
      resolve(replies.map((r) => r.return));
    });
  });
}

interface QmpMachine {
  name: string;
  alias?: string;
  'is-default'?: boolean;
  'cpu-max': number;
  deprecated?: boolean;
  'default-cpu-type'?: string;
}

/** virQEMUCapsProbeQMPMachineTypes: QEMU's order, with the default machine moved first. */
function machineOrder(list: QmpMachine[]): ProbedMachine[] {
  const machines = list
    .filter((m) => m.name !== 'none')
    .map((m) => ({
      name: m.name,
      alias: m.alias,
      isDefault: !!m['is-default'],
      maxCpus: m['cpu-max'],
      deprecated: !!m.deprecated,
      defaultCpuType: m['default-cpu-type'],
    }));
  const def = machines.findIndex((m) => m.isDefault);
  if (def > 0) machines.unshift(...machines.splice(def, 1));
  return machines;
}

interface SchemaEntity {
  name: string;
  'meta-type': string;
  'ret-type'?: string;
  'arg-type'?: string;
  members?: Array<{ name: string }>;
  variants?: Array<{ case: string }>;
}

/** The few QAPI schema facts domain capabilities depend on (virQEMUCapsQMPSchemaQueries). */
function schemaFlags(schema: SchemaEntity[] | undefined, lineOpts: Array<{ option: string }> | undefined): SchemaFlags {
  const byName = new Map((schema ?? []).map((e) => [e.name, e]));
  const command = (n: string) => (byName.get(n)?.['meta-type'] === 'command' ? byName.get(n) : undefined);
  const display = byName.get(command('query-display-options')?.['ret-type'] ?? '');
  const params = byName.get(command('migrate-set-parameters')?.['arg-type'] ?? '');
  return {
    displays: (display?.variants ?? []).map((v) => v.case),
    vnc: !!command('query-vnc'),
    spice: !!lineOpts?.some((o) => o.option === 'spice'),
    incrementalBackup: !!command('blockdev-reopen') && !!params?.members?.some((m) => m.name === 'block-bitmap-mapping'),
  };
}

/** QEMU's spelling of a few x86 features libvirt names differently (virQEMUCapsCPUFeaturesX86). */
const QEMU_TO_LIBVIRT_FEATURE: Record<string, string> = {
  'cmp-legacy': 'cmp_legacy',
  'ds-cpl': 'ds_cpl',
  'fxsr-opt': 'fxsr_opt',
  'kvm-pv-eoi': 'kvm_pv_eoi',
  'kvm-pv-unhalt': 'kvm_pv_unhalt',
  'lahf-lm': 'lahf_lm',
  'nodeid-msr': 'nodeid_msr',
  pclmulqdq: 'pclmuldq',
  'perfctr-core': 'perfctr_core',
  'perfctr-nb': 'perfctr_nb',
  'tsc-adjust': 'tsc_adjust',
};

export const featureFromQemu = (name: string): string => QEMU_TO_LIBVIRT_FEATURE[name] ?? name;

/** libvirt's Hyper-V enlightenment names (virDomainHyperv), in enum order. */
const HYPERV_FEATURES = [
  'relaxed', 'vapic', 'spinlocks', 'vpindex', 'runtime', 'synic', 'stimer', 'reset', 'vendor_id',
  'frequencies', 'reenlightenment', 'tlbflush', 'ipi', 'evmcs', 'avic',
];

/** virQEMUCapsProbeHypervCapabilities: hv-* props that are on, non-zero or set. */
function hypervFeatures(props: Record<string, CpuProp> | undefined): string[] {
  const on = new Set<string>();
  for (const [name, value] of Object.entries(props ?? {})) {
    if (!name.startsWith('hv-')) continue;
    const feature = name.slice(3).replaceAll('-', '_');
    if (!HYPERV_FEATURES.includes(feature)) continue;
    if (value === true || (typeof value === 'number' && value > 0) || typeof value === 'string') on.add(feature);
  }
  return HYPERV_FEATURES.filter((f) => on.has(f));
}

/** virQEMUCapsArchFromString: QEMU's target names libvirt spells differently. */
const QEMU_ARCH_NAMES: Record<string, string> = { i386: 'i686', arm: 'armv7l', or32: 'or1k' };

type Expansion = { model: { props: Record<string, CpuProp> } } | undefined;

export async function probeQemu(binary: string, accelArg = 'kvm:tcg'): Promise<QemuProbe> {
  // Under KVM libvirt expands 'host', under TCG 'max'; which one answers is only known after
  // query-kvm, so both are asked and the matching pair kept.
  const expand = (type: string, model: string, props?: Record<string, CpuProp>) => ({
    execute: 'query-cpu-model-expansion',
    arguments: { type, model: props ? { name: model, props } : { name: model } },
  });
  const [version, kvm, machines, types, cpus, lineOpts, schema, tpmModels, tpmTypes, sev, sgx, target, ...expansions] = (await runQmp(binary, accelArg, [
    { execute: 'query-version' },
    { execute: 'query-kvm' },
    { execute: 'query-machines' },
    // qom-list-types loads QEMU's modules, which add options such as -spice: it goes first.
    { execute: 'qom-list-types' },
    { execute: 'query-cpu-definitions' },
    { execute: 'query-command-line-options' },
    { execute: 'query-qmp-schema' },
    { execute: 'query-tpm-models' },
    { execute: 'query-tpm-types' },
    { execute: 'query-sev-capabilities' },
    { execute: 'query-sgx-capabilities' },
    { execute: 'query-target' },
    ...['host', 'max'].flatMap((m) => [
      expand('static', m),
      expand('static', m, { migratable: false }),
      expand('full', m, { migratable: false, 'hv-passthrough': true }),
    ]),
  ])) as [
    { qemu: { major: number; minor: number; micro: number } },
    { enabled: boolean; present: boolean },
    QmpMachine[],
    Array<{ name: string }>,
    Array<{ name: string; typename?: string; 'unavailable-features'?: string[]; deprecated?: boolean }> | undefined,
    Array<{ option: string }> | undefined,
    SchemaEntity[] | undefined,
    string[] | undefined,
    string[] | undefined,
    SevCaps | undefined,
    SgxCaps | undefined,
    { arch: string },
    ...Expansion[],
  ];
  const accel = kvm.enabled ? 'kvm' : 'tcg';
  const [mig, all, full] = expansions.slice(accel === 'kvm' ? 0 : 3, accel === 'kvm' ? 3 : 6);
  return {
    arch: QEMU_ARCH_NAMES[target.arch] ?? target.arch,
    accel,
    hostCpu: mig && all ? { migratable: mig.model.props, all: all.model.props } : undefined,
    hyperv: hypervFeatures(full?.model.props),
    schema: schemaFlags(schema, lineOpts),
    tpmModels: tpmModels ?? [],
    tpmTypes: tpmTypes ?? [],
    sev,
    sgx,
    emulator: binary,
    version: version.qemu.major * 1_000_000 + version.qemu.minor * 1000 + version.qemu.micro,
    kvm: kvm.enabled,
    machines: machineOrder(machines),
    types: types.map((t) => t.name).sort(),
    cpuModels: (cpus ?? []).map((c) => ({
      name: c.name,
      typename: c.typename,
      usable: c['unavailable-features'] ? c['unavailable-features'].length === 0 : undefined,
      deprecated: !!c.deprecated,
      blockers: c['unavailable-features'] ?? [],
    })),
  };
}
