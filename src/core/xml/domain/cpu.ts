import { unsupportedConfig } from './errors.js';
import { attr, elem, sub, subs, type Elem } from './elem.js';

/** Modes whose <model>/<vendor> libvirt parses and writes back. */
const MODEL_MODES = ['custom', 'host-model'];
/** Modes that take a migratable attribute. */
const MIGRATABLE_MODES = ['host-passthrough', 'maximum'];

/**
 * The guest <cpu> as virCPUDefParseXML stores it and virCPUDefFormatBufFull writes it back:
 * defaults filled in (mode custom, match exact, fallback allow, feature policy require),
 * attributes only when the CPU is more than a topology/cache holder, <model> and <vendor>
 * only for the modes that use them, and no element at all when nothing is left.
 * Rejects a check policy without a model first (virDomainDefPostParseCPU).
 * Returns the canonical element (undefined for an empty one).
 */
export function postParseCpu(cpu: Elem | undefined): Elem | undefined {
  if (!cpu) return undefined;
  const mode = attr(cpu, 'mode') ?? 'custom';
  const modelEl = sub(cpu, 'model');
  // string(./model[1]) is NULL when empty
  const model = modelEl?.text || undefined;
  const check = attr(cpu, 'check');
  // virDomainDefPostParseCPU
  if (mode === 'custom' && !model && check !== undefined && check !== 'default')
    throw unsupportedConfig('check attribute specified for CPU with no model');
  const withModel = MODEL_MODES.includes(mode);
  const attrs: Array<[string, string | undefined]> = [];
  if (mode !== 'custom' || model) {
    attrs.push(['mode', mode]);
    if (mode === 'custom') attrs.push(['match', attr(cpu, 'match') ?? 'exact']);
    if (check !== 'default') attrs.push(['check', check]);
    if (MIGRATABLE_MODES.includes(mode)) attrs.push(['migratable', attr(cpu, 'migratable')]);
  }
  const children: Elem[] = [];
  const vendorId = withModel ? attr(modelEl, 'vendor_id') : undefined;
  if (withModel && (model || vendorId)) {
    const fallback = model ? attr(modelEl, 'fallback') ?? 'allow' : undefined;
    children.push(elem('model', [['fallback', fallback], ['vendor_id', vendorId]], [], model));
  }
  const vendor = sub(cpu, 'vendor')?.text;
  if (withModel && vendor) children.push(elem('vendor', [], [], vendor));
  const topology = sub(cpu, 'topology');
  if (topology) children.push(topology);
  for (const name of ['cache', 'maxphysaddr']) {
    const c = sub(cpu, name);
    if (c) children.push(c);
  }
  for (const f of subs(cpu, 'feature')) children.push(elem('feature', [['policy', attr(f, 'policy') ?? 'require'], ['name', attr(f, 'name')]]));
  const numa = sub(cpu, 'numa');
  if (numa?.children.length) children.push(numa);
  const out = elem('cpu', attrs, children);
  return out.attrs.length || out.children.length ? out : undefined;
}
