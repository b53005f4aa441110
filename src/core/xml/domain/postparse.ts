import { xmlError, unsupportedConfig } from './errors.js';
import { attr, sub } from './elem.js';
import type { DomainDef } from './types.js';
import { ITERATE_ORDER } from './validate.js';
import { postParseCpu } from './cpu.js';
import { addImplicitDevices, postParseDevices } from './devices/postparse.js';

/** Sum of the guest NUMA cells' memory, KiB (virDomainNumaGetMemorySize). */
function numaMemory(def: DomainDef): number {
  const cells = def.cpu?.children.find((c) => c.name === 'numa')?.children.filter((c) => c.name === 'cell') ?? [];
  return cells.reduce((sum, c) => sum + Number(attr(c, 'memory') ?? 0), 0);
}

/**
 * virDomainDefPostParseMemory: <memory> is the total including memory devices; without it the
 * NUMA cells plus the devices make the total, and something must be left for the initial size.
 */
function postParseMemory(def: DomainDef): void {
  const numa = def.memory === 0 ? numaMemory(def) : 0;
  const hotplug = def.devices.filter((d) => d.kind === 'memory').reduce((sum, d) => sum + Number(sub(sub(d.el, 'target'), 'size')?.text ?? 0), 0);
  if (numa) def.memory = numa + hotplug;
  else if (hotplug > def.memory) throw xmlError('Total size of memory devices exceeds the total memory size');
  if (def.memory - hotplug === 0) throw xmlError('Memory size must be specified via <memory> or in the <numa> configuration');
  if (def.currentMemory > def.memory || def.currentMemory === 0) def.currentMemory = def.memory;
  if (def.maxMemory && !(def.maxMemory.kib && def.maxMemory.slots))
    throw xmlError('both maximum memory size and memory slot count must be specified');
  if (def.maxMemory && def.maxMemory.kib < def.memory)
    throw xmlError('maximum memory size must be equal or greater than the actual memory size');
}

/** virDomainDefBootOrderPostParse: per-device boot excludes os/boot; neither means boot from disk. */
function postParseBootOrder(def: DomainDef): void {
  const seen = new Set<number>();
  for (const kind of ITERATE_ORDER) {
    for (const d of def.devices) {
      const order = d.kind === kind ? d.info.bootOrder : undefined;
      if (!order) continue;
      if (seen.has(order)) throw unsupportedConfig(`boot order '${order}' used for more than one device`);
      seen.add(order);
    }
  }
  const perDevice = seen.size > 0;
  if (def.os.bootDevs.length && perDevice)
    throw unsupportedConfig('per-device boot elements cannot be used together with os/boot elements');
  if (!def.os.bootDevs.length && !perDevice) def.os.bootDevs.push('hd');
}

/** virDomainDefRejectDuplicateControllers (USB excepted) and virDomainDefRejectDuplicatePanics. */
function rejectDuplicates(def: DomainDef): void {
  const seen = new Set<string>();
  for (const c of def.devices.filter((d) => d.kind === 'controller')) {
    const type = attr(c.el, 'type')!;
    if (type === 'usb') continue;
    const key = `${type}/${attr(c.el, 'index')}`;
    if (seen.has(key)) throw xmlError(`Multiple '${type}' controllers with index '${attr(c.el, 'index')}'`);
    seen.add(key);
  }
  const panics = new Set<string>();
  for (const p of def.devices.filter((d) => d.kind === 'panic')) {
    const model = attr(p.el, 'model') ?? 'default';
    if (panics.has(model)) throw xmlError(`Multiple panic devices with model '${model}'`);
    panics.add(model);
  }
}

/** virDomainDefPostParse as the test driver configures it (no driver callbacks but video). */
export function postParse(def: DomainDef): void {
  postParseDevices(def);
  if (def.os.type === 'exe' && !def.os.init) throw xmlError('init binary must be specified');
  postParseMemory(def);
  rejectDuplicates(def);
  if (def.os.type === 'hvm') postParseBootOrder(def);
  addImplicitDevices(def);
  def.cpu = postParseCpu(def.cpu);
  // virDomainDefPostParseCheckFeatures: the test driver does not allow '/' in names.
  if (def.name.includes('/')) throw xmlError(`name ${def.name} cannot contain '/'`);
}
