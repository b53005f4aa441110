import type { KindRule } from './rules.js';
import { cloneElem, setAttr } from '../elem.js';

const VIR_DOMAIN_XML_SECURE = 1;

export const graphicsRule: KindRule = {
  format(dev, ctx) {
    if (ctx.flags & VIR_DOMAIN_XML_SECURE) return dev.el;
    const el = cloneElem(dev.el);
    setAttr(el, 'passwd', undefined);
    return el;
  },
};
