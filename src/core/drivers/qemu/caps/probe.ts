import { spawn } from 'node:child_process';
import { virErr } from '../../../errors.js';

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
      if (replies.length < queries.length)
        return reject(virErr('INTERNAL_ERROR', `Failed to probe capabilities for ${binary}: ${stderr.trim()}`));
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

export async function probeQemu(binary: string): Promise<QemuProbe> {
  const [version, kvm, machines, types, cpus] = (await runQmp(binary, 'kvm:tcg', [
    { execute: 'query-version' },
    { execute: 'query-kvm' },
    { execute: 'query-machines' },
    { execute: 'qom-list-types' },
    { execute: 'query-cpu-definitions' },
  ])) as [
    { qemu: { major: number; minor: number; micro: number } },
    { enabled: boolean; present: boolean },
    QmpMachine[],
    Array<{ name: string }>,
    Array<{ name: string; typename?: string; 'unavailable-features'?: string[]; deprecated?: boolean }> | undefined,
  ];
  return {
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
