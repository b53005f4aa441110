import { children, type XNode } from '../tree.js';
import { propEnum, propUInt, TRISTATE_BOOL } from './numbers.js';
import { unsupportedConfig, xmlError } from './errors.js';
import type { DomainDef, VcpuState } from './types.js';

/**
 * `<vcpus>` (libvirt's individualvcpus): one state per vCPU id up to the maximum; ids the
 * element leaves out are offline, a later entry for an id replaces an earlier one.
 * Undefined when the element lists no vCPU.
 */
export function parseVcpuStates(root: XNode, max: number): VcpuState[] | undefined {
  const nodes = children(children(root, 'vcpus')[0], 'vcpu');
  if (!nodes.length) return undefined;
  const states: VcpuState[] = Array.from({ length: max }, () => ({ online: false, order: 0 }));
  for (const v of nodes) {
    const id = propUInt(v, 'id', 10, { required: true })!;
    if (id >= max) throw xmlError(`vcpu id '${id}' is out of range of maximum vcpu count`);
    const enabled = propEnum(v, 'enabled', TRISTATE_BOOL, { required: true, nonzero: true });
    const hotpluggable = propEnum(v, 'hotpluggable', TRISTATE_BOOL, { nonzero: true });
    const order = propUInt(v, 'order', 10) ?? 0;
    states[id] = { online: enabled === 'yes', hotpluggable: hotpluggable as VcpuState['hotpluggable'], order };
  }
  return states;
}

/**
 * virDomainVcpuDefPostParse: a vCPU without a hotpluggable setting gets one from its state;
 * an offline vCPU cannot be pinned as not hotpluggable.
 */
export function postParseVcpuStates(states: VcpuState[] | undefined): void {
  states?.forEach((v, i) => {
    if (v.hotpluggable === undefined) v.hotpluggable = v.online ? 'no' : 'yes';
    else if (v.hotpluggable === 'no' && !v.online)
      throw unsupportedConfig(`vcpu '${i}' is both offline and not hotpluggable`);
  });
}

/** The `<vcpus>` element, every vCPU in id order. */
export function formatVcpuStates(states: VcpuState[] | undefined): string {
  if (!states) return '';
  const lines = states.map((v, i) => {
    const hot = v.hotpluggable ? ` hotpluggable='${v.hotpluggable}'` : '';
    const order = v.order ? ` order='${v.order}'` : '';
    return `    <vcpu id='${i}' enabled='${v.online ? 'yes' : 'no'}'${hot}${order}/>\n`;
  });
  return `  <vcpus>\n${lines.join('')}  </vcpus>\n`;
}

/** Whether vCPU `i` is online: its own state, else the first `vcpus` ones are. */
export function vcpuOnline(def: DomainDef, i: number): boolean {
  return def.vcpuStates ? def.vcpuStates[i]?.online === true : i < def.vcpus;
}

/** virDomainDefSetVcpus: the first `n` vCPUs online, the rest offline. */
export function setOnlineVcpus(def: DomainDef, n: number): void {
  def.vcpuStates?.forEach((v, i) => (v.online = i < n));
  def.vcpus = n;
}

/** virDomainDefSetVcpusMax: new vCPUs start offline with no settings; dropped ones go. */
export function setMaxVcpus(def: DomainDef, n: number): void {
  if (def.vcpuStates) {
    def.vcpuStates = def.vcpuStates.slice(0, n);
    while (def.vcpuStates.length < n) def.vcpuStates.push({ online: false, order: 0 });
    def.vcpus = def.vcpuStates.filter((v) => v.online).length;
  } else def.vcpus = Math.min(def.vcpus, n);
  def.maxVcpus = n;
}
