import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, featureState, sub, subs } from './util.js';
import { qemuError } from './errors.js';

/** <features> that become -machine properties (qemuAppendDomainFeaturesMachineParam). */
const MACHINE_FEATURES: Array<[string, string]> = [['vmport', 'vmport'], ['smm', 'smm']];

/** -machine TYPE,usb=off,… then -accel tcg|kvm. */
export function buildMachine(cmd: QemuCommand, def: DomainDef): void {
  if (!def.os.machine) throw qemuError('INTERNAL_ERROR', 'no machine type');
  const opts = [def.os.machine, 'usb=off'];
  for (const [feature, prop] of MACHINE_FEATURES) {
    const state = featureState(def, feature);
    if (state) opts.push(`${prop}=${state}`);
  }
  const ioapic = attr(sub(def.features, 'ioapic'), 'driver');
  if (ioapic) opts.push(`kernel_irqchip=${ioapic === 'qemu' ? 'split' : 'on'}`);
  opts.push(`dump-guest-core=${def.dumpCore ?? 'off'}`);
  if (sub(def.memoryBacking, 'nosharepages')) opts.push('mem-merge=off');
  if (!hasNuma(def)) opts.push('memory-backend=pc.ram');
  if (def.os.bios?.useserial === 'yes') opts.push('graphics=off');
  cmd.add('-machine', opts.join(','));
  cmd.add('-accel', def.type === 'kvm' ? 'kvm' : 'tcg');
}

export const hasNuma = (def: DomainDef): boolean => subs(sub(def.cpu, 'numa'), 'cell').length > 0;
