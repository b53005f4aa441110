import { child } from '../../tree.js';
import { attr, elem, setAttr, sub, type Elem } from '../elem.js';
import { unsupportedConfig, xmlError } from '../errors.js';
import { parseUInt } from '../numbers.js';
import type { DeviceDef, DomainDef } from '../types.js';
import type { KindRule } from './rules.js';

export const VIDEO_TYPES = ['default', 'vga', 'cirrus', 'vmvga', 'xen', 'vbox', 'qxl', 'parallels', 'virtio', 'gop', 'none', 'bochs', 'ramfb'];

/** virDomainVideoDefaultRAM (KiB). */
function defaultRam(def: DomainDef, type: string): number {
  switch (type) {
    case 'vga':
    case 'cirrus':
    case 'vmvga':
      return def.type === 'vbox' ? 8192 : def.type === 'vmware' ? 4096 : 16384;
    case 'bochs':
      return 16384;
    case 'xen':
      return 4096;
    case 'qxl':
      return 65536;
    default:
      return 0;
  }
}

const roundUpPow2 = (v: number): number => (v <= 0 ? 0 : 2 ** Math.ceil(Math.log2(v)));

export const videoRule: KindRule = {
  validate(n) {
    const m = child(n, 'model');
    const type = m?.attrs.type;
    if (type !== undefined && !VIDEO_TYPES.includes(type)) throw unsupportedConfig(`unknown video model '${type}'`);
    for (const k of ['ram', 'vram', 'vram64', 'vgamem'])
      if (m?.attrs[k] !== undefined && parseUInt(m.attrs[k], 10) === undefined) throw xmlError(`cannot parse video ${k} '${m.attrs[k]}'`);
    if (m?.attrs.heads !== undefined && parseUInt(m.attrs.heads, 10) === undefined) throw xmlError(`cannot parse video heads '${m.attrs.heads}'`);
  },
  normalize(dev) {
    let m = sub(dev.el, 'model');
    if (!m) {
      m = elem('model');
      dev.el.children.push(m);
    }
    if (!attr(m, 'type')) m.attrs.unshift(['type', 'default']);
    // A 'none' video device has no display heads to default.
    if (!attr(m, 'heads') && attr(m, 'type') !== 'none') setAttr(m, 'heads', '1');
    if (attr(m, 'primary') !== 'yes') setAttr(m, 'primary', undefined);
    for (const k of ['ram', 'vram', 'vram64', 'vgamem', 'heads']) {
      const v = attr(m, k);
      if (v !== undefined) setAttr(m, k, Number(parseUInt(v, 10)) ? String(parseUInt(v, 10)) : undefined);
    }
    reorderModel(m);
  },
};

function reorderModel(m: Elem): void {
  const order = ['type', 'ram', 'vram', 'vram64', 'vgamem', 'heads', 'primary', 'blob'];
  m.attrs.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

export function newVideo(): DeviceDef {
  return { kind: 'video', el: elem('video', [], [elem('model', [['type', 'default'], ['heads', 1]])]), info: {} };
}

/** testDomainDevicesDefPostParse + virDomainVideoDefPostParse. */
export function postParseVideo(def: DomainDef, video: DeviceDef): void {
  const m = sub(video.el, 'model')!;
  if (attr(m, 'type') === 'default') {
    const os = def.os;
    setAttr(m, 'type', os.type === 'xen' || os.type === 'linux' ? 'xen' : os.arch === 'ppc64' || os.arch === 'ppc64le' ? 'vga' : 'cirrus');
  }
  const type = attr(m, 'type')!;
  let ram = Number(attr(m, 'ram') ?? 0);
  let vram = Number(attr(m, 'vram') ?? 0);
  if (ram === 0 && type === 'qxl') ram = defaultRam(def, type);
  if (vram === 0) vram = defaultRam(def, type);
  setAttr(m, 'ram', ram ? String(roundUpPow2(ram)) : undefined);
  setAttr(m, 'vram', vram ? String(roundUpPow2(vram)) : undefined);
  reorderModel(m);
}

export function setPrimary(video: DeviceDef): void {
  const m = sub(video.el, 'model')!;
  setAttr(m, 'primary', 'yes');
  reorderModel(m);
}
