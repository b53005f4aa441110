// qemuProcessUpdateAndVerifyCPU for x86 guests: QEMU may enable features beyond the named
// model (TCG's qemu64 adds hypervisor and lahf_lm) or drop some it cannot emulate. libvirt
// reads the running vCPU's feature properties back and records the difference in the live
// definition (virCPUx86UpdateLive), after which the guest CPU is checked in full.
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, setAttr, subs, type Elem } from '../../../xml/domain/elem.js';
import { virErr } from '../../../errors.js';
import { addData, isSubsetData, subtractData, type X86Data } from '../../../cpu/x86-bits.js';
import { findX86Feature, findX86Model, x86Map } from '../../../cpu/x86-map.js';
import { FEATURE_NAMES } from '../command/cpu.js';
import type { QmpClient } from '../qmp/index.js';

/** virQEMUCapsCPUFeatureFromQEMU: QEMU's spelling back to the CPU map's. */
const FROM_QEMU = new Map(Object.entries(FEATURE_NAMES).map(([libvirt, qemu]) => [qemu, libvirt]));

/** virCPUx86DataAddFeature: names the map does not know are ignored. */
function addFeatureData(data: X86Data, qemuName: string): void {
  const f = findX86Feature(FROM_QEMU.get(qemuName) ?? qemuName);
  if (f) addData(data, f.data);
}

/** qemuMonitorJSONGetGuestCPU: every true boolean property of the vCPU, and the unavailable features. */
async function fetchGuestCpu(qmp: QmpClient): Promise<{ enabled: X86Data; disabled: X86Data }> {
  const cpus = await qmp.execute<Array<{ 'qom-path'?: string }>>('query-cpus-fast');
  const path = cpus[0]?.['qom-path'] ?? '/machine/unattached/device[0]';
  const props = await qmp.execute<Array<{ name: string; type: string }>>('qom-list', { path });
  const bools = props.filter((p) => p.type === 'bool').map((p) => p.name);
  const values = await Promise.all(bools.map((property) => qmp.execute<boolean>('qom-get', { path, property })));
  const enabled: X86Data = new Map();
  bools.forEach((name, i) => values[i] && addFeatureData(enabled, name));
  const disabled: X86Data = new Map();
  for (const name of await qmp.execute<string[]>('qom-get', { path, property: 'unavailable-features' })) addFeatureData(disabled, name);
  return { enabled, disabled };
}

type Policy = 'force' | 'require' | 'optional' | 'disable' | 'forbid';

/** x86ModelFromCPU: the model's bits with the listed features added or taken away (policy -1), or only one policy's. */
function modelData(cpu: Elem, only?: Policy): X86Data {
  const data: X86Data = new Map();
  const modelName = subs(cpu, 'model')[0]?.text;
  if (modelName && (only === undefined || only === 'require')) {
    const model = findX86Model(modelName);
    if (!model) throw virErr('INTERNAL_ERROR', `Unknown CPU model ${modelName}`);
    addData(data, model.data);
  }
  for (const f of subs(cpu, 'feature')) {
    const policy = (attr(f, 'policy') ?? 'require') as Policy;
    if (only === undefined ? policy === 'optional' : policy !== only) continue;
    const feature = findX86Feature(attr(f, 'name') ?? '');
    if (!feature) throw virErr('INTERNAL_ERROR', `Unknown CPU feature ${attr(f, 'name')}`);
    if (only !== undefined || policy === 'force' || policy === 'require') addData(data, feature.data);
    else subtractData(data, feature.data);
  }
  return data;
}

/** virCPUDefUpdateFeature: an existing entry changes policy, a new one follows the last feature. */
function updateFeature(cpu: Elem, name: string, policy: Policy): void {
  const existing = subs(cpu, 'feature').find((f) => attr(f, 'name') === name);
  if (existing) {
    setAttr(existing, 'policy', policy);
    return;
  }
  const el = elem('feature', [['policy', policy], ['name', name]]);
  const lastFeature = cpu.children.map((c) => c.name).lastIndexOf('feature');
  const numa = cpu.children.findIndex((c) => c.name === 'numa');
  const at = lastFeature >= 0 ? lastFeature + 1 : numa >= 0 ? numa : cpu.children.length;
  cpu.children.splice(at, 0, el);
}

/** virCPUx86UpdateLive, then check='full' as qemuProcessUpdateLiveGuestCPU sets it. */
function updateLive(cpu: Elem, enabled: X86Data, disabled: X86Data): void {
  const mode = attr(cpu, 'mode') ?? 'custom';
  const passthrough = mode === 'host-passthrough' || mode === 'maximum';
  const checkFull = attr(cpu, 'check') === 'full';
  const model = modelData(cpu);
  const modelDisabled = passthrough ? modelData(cpu, 'disable') : undefined;
  const added: string[] = [];
  const removed: string[] = [];
  for (const feature of x86Map().features) {
    let expected: Policy | undefined;
    if (isSubsetData(model, feature.data)) expected = 'require';
    else if (!modelDisabled || isSubsetData(modelDisabled, feature.data)) expected = 'disable';
    if (expected === 'disable' && isSubsetData(enabled, feature.data)) {
      if (checkFull) added.push(feature.name);
      else updateFeature(cpu, feature.name, 'require');
    }
    if (isSubsetData(disabled, feature.data) || (expected === 'require' && !isSubsetData(enabled, feature.data))) {
      if (checkFull) removed.push(feature.name);
      else updateFeature(cpu, feature.name, 'disable');
    }
  }
  // virCPUx86DisableRemovedFeatures: features QEMU dropped from the model stay off.
  const modelName = subs(cpu, 'model')[0]?.text;
  for (const name of (modelName && findX86Model(modelName)?.removed) || [])
    if (!subs(cpu, 'feature').some((f) => attr(f, 'name') === name)) updateFeature(cpu, name, 'disable');
  const mismatch = 'guest CPU doesn\'t match specification';
  if (added.length && removed.length)
    throw virErr('OPERATION_FAILED', `${mismatch}: extra features: ${added.join(',')}, missing features: ${removed.join(',')}`);
  if (added.length) throw virErr('OPERATION_FAILED', `${mismatch}: extra features: ${added.join(',')}`);
  if (removed.length) throw virErr('OPERATION_FAILED', `${mismatch}: missing features: ${removed.join(',')}`);
  if (checkFull && disabled.size && [...disabled.values()].some((regs) => regs.some((r) => r !== 0))) throw virErr('OPERATION_FAILED', mismatch);
  setAttr(cpu, 'check', 'full');
}

/** Runs once QEMU is up with its CPUs stopped, before the live definition is saved. */
export async function updateLiveGuestCpu(qmp: QmpClient, def: DomainDef): Promise<void> {
  if (def.os.arch !== 'x86_64' && def.os.arch !== 'i686') return;
  const cpu = def.cpu;
  if (!cpu || ((attr(cpu, 'mode') ?? 'custom') === 'custom' && !subs(cpu, 'model')[0]?.text)) return;
  const { enabled, disabled } = await fetchGuestCpu(qmp);
  updateLive(cpu, enabled, disabled);
}
