import { attr, sub, subs, type Elem } from '../../../xml/domain/elem.js';
import type { DeviceDef, DeviceKind, DomainDef } from '../../../xml/domain/index.js';

export { attr, sub, subs, type Elem };

export const devicesOf = (def: DomainDef, kind: DeviceKind): DeviceDef[] => def.devices.filter((d) => d.kind === kind);

/** A `<features>` child's state: on when present (or state='on'), off for state='off'. */
export function featureState(def: DomainDef, name: string): 'on' | 'off' | undefined {
  const f = sub(def.features, name);
  if (!f) return undefined;
  return attr(f, 'state') === 'off' ? 'off' : 'on';
}

export const isQ35 = (def: DomainDef): boolean => /^(pc-)?q35/.test(def.os.machine ?? '');

export const hex = (n: number): string => `0x${n.toString(16)}`;
