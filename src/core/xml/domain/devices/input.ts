import { unsupportedConfig, internalError } from '../errors.js';
import { attr, setAttr } from '../elem.js';
import type { KindRule } from './rules.js';

const INPUT_TYPES = ['mouse', 'tablet', 'keyboard', 'passthrough', 'evdev'];
const INPUT_BUSES = ['ps2', 'usb', 'xen', 'parallels', 'virtio', 'none'];
const INPUT_MODELS = ['default', 'virtio', 'virtio-transitional', 'virtio-non-transitional'];

export const inputRule: KindRule = {
  validate(n) {
    const { type, bus, model } = n.attrs;
    if (type === undefined) throw internalError('missing input device type');
    if (!INPUT_TYPES.includes(type)) throw unsupportedConfig(`unknown input device type '${type}'`);
    if (model !== undefined && (!INPUT_MODELS.includes(model) || model === 'default')) throw unsupportedConfig(`unknown input model '${model}'`);
    if (bus !== undefined && !INPUT_BUSES.includes(bus)) throw unsupportedConfig(`unknown input bus type '${bus}'`);
  },
  normalize(dev, _n, ctx) {
    if (attr(dev.el, 'bus') !== undefined) return;
    const type = attr(dev.el, 'type')!;
    let bus: string | undefined;
    if (ctx.osType === 'hvm') {
      if ((type === 'mouse' || type === 'keyboard') && ctx.arch.match(/^(i686|x86_64)$/)) bus = 'ps2';
      else if (ctx.arch.startsWith('s390') || type === 'passthrough') bus = 'virtio';
      else if (type === 'evdev') bus = undefined;
      else bus = 'usb';
    } else if (ctx.osType === 'xen' || ctx.osType === 'xenpvh') bus = 'xen';
    if (bus) {
      setAttr(dev.el, 'bus', bus);
      const order = ['type', 'bus', 'model'];
      dev.el.attrs.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
    }
  },
};
