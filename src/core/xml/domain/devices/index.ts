import type { XNode } from '../../tree.js';
import { canon, elem, type Elem } from '../elem.js';
import type { DeviceDef, DeviceKind } from '../types.js';
import { DEVICE_KINDS } from '../types.js';
import { deviceInfoElems, parseDeviceInfo } from './info.js';
import { DEVICE_SPECS } from './specs.js';
import { checkDeviceAttrs } from './checks.js';
import { KIND_RULES, type FormatContext, type ParseContext } from './rules.js';

export { type FormatContext, type ParseContext } from './rules.js';

export function isDeviceKind(name: string): name is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(name);
}

/** Parses one device element (its kind is its element name). */
export function parseDevice(n: XNode, ctx: ParseContext): DeviceDef {
  const kind = n.name as DeviceKind;
  const rule = KIND_RULES[kind] ?? {};
  checkDeviceAttrs(kind, n);
  rule.validate?.(n, ctx);
  const el = canon(n, DEVICE_SPECS[kind]);
  const info = parseDeviceInfo(n, { allowBoot: !!rule.allowBoot, allowRom: !!rule.allowRom, inactive: ctx.inactive });
  const dev: DeviceDef = { kind, el, info };
  rule.normalize?.(dev, n, ctx);
  return dev;
}

/** The device element as libvirt's formatter writes it for the given VIR_DOMAIN_XML flags. */
export function deviceElem(dev: DeviceDef, ctx: FormatContext): Elem {
  const rule = KIND_RULES[dev.kind] ?? {};
  const body = rule.format ? rule.format(dev, ctx) : dev.el;
  const infoEls = deviceInfoElems(dev.info, !!rule.allowBoot);
  const children = rule.infoAt !== undefined ? [...body.children.slice(0, rule.infoAt(body)), ...infoEls, ...body.children.slice(rule.infoAt(body))] : [...body.children, ...infoEls];
  return elem(body.name, body.attrs, children, children.length ? undefined : body.text);
}
