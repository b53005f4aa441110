import type { XNode } from '../../tree.js';
import { attr, elem, sub, type Elem } from '../elem.js';
import type { DeviceDef } from '../types.js';
import { xmlError } from '../errors.js';
import { parseUInt } from '../numbers.js';
import { diskRule } from './disk.js';
import { interfaceRule } from './interface.js';
import { graphicsRule } from './graphics.js';
import { chrRule } from './chr.js';
import { controllerRule } from './controller.js';
import { videoRule } from './video.js';
import { inputRule } from './input.js';
import { memoryRule } from './memory.js';
import { canonicalPciSource } from './pci-source.js';
import { canonicalChrSources } from '../chr-source.js';

export interface ParseContext {
  /** Parsing a persistent definition (define) rather than live status XML. */
  inactive: boolean;
  osType: string;
  arch: string;
  virtType: string;
}

export interface FormatContext {
  /** VIR_DOMAIN_XML_* flags. */
  flags: number;
  /** The domain is formatted inactive (no id, or VIR_DOMAIN_XML_INACTIVE). */
  inactive: boolean;
}

/**
 * virDomainRNGDefParseXML's rate (a zero or absent byte count means no limit; the period only
 * counts with one) and virDomainRNGDefPostParse's default random source.
 */
function rngRateAndSource(dev: DeviceDef): void {
  const rate = sub(dev.el, 'rate');
  if (rate) {
    const num = (k: string, what: string) => {
      const v = attr(rate, k);
      if (v === undefined || v === '') return 0;
      const n = parseUInt(v, 10);
      if (n === undefined) throw xmlError(`invalid RNG rate ${what} value`);
      return n;
    };
    const bytes = num('bytes', 'bytes');
    const period = bytes ? num('period', 'period') : 0;
    rate.attrs = bytes ? ([['bytes', String(bytes)], ...(period ? [['period', String(period)]] : [])] as Array<[string, string]>) : [];
    if (!bytes) dev.el.children = dev.el.children.filter((c) => c !== rate);
  }
  const backend = sub(dev.el, 'backend');
  if (attr(backend, 'model') === 'random' && !backend!.text) backend!.text = '/dev/random';
}

/** Per-kind behaviour beyond the declarative element shape in specs.ts. */
export interface KindRule {
  allowBoot?: boolean;
  allowRom?: boolean;
  /** Checks libvirt rejects at parse time. */
  validate?(n: XNode, ctx: ParseContext): void;
  /** Fixes values libvirt normalises at parse time (defaults, canonical spellings). */
  normalize?(dev: DeviceDef, n: XNode, ctx: ParseContext): void;
  /** A body differing from the stored one (flag-dependent parts). */
  format?(dev: DeviceDef, ctx: FormatContext): Elem;
  /** Index in the body's children where the info elements go, when not at the end. */
  infoAt?(body: Elem): number;
}

export const KIND_RULES: Partial<Record<DeviceDef['kind'], KindRule>> = {
  disk: diskRule,
  controller: controllerRule,
  video: videoRule,
  input: inputRule,
  interface: interfaceRule,
  graphics: graphicsRule,
  serial: chrRule,
  parallel: chrRule,
  console: chrRule,
  channel: chrRule,
  hostdev: {
    allowBoot: true,
    allowRom: true,
    normalize(dev) {
      const mode = dev.el.attrs.find(([k]) => k === 'mode')?.[1] ?? 'subsystem';
      if (mode !== 'subsystem') return;
      const rest = dev.el.attrs.filter(([k]) => !['mode', 'type', 'managed'].includes(k));
      const type = dev.el.attrs.find(([k]) => k === 'type')?.[1];
      const managed = dev.el.attrs.find(([k]) => k === 'managed')?.[1] === 'yes' ? 'yes' : 'no';
      dev.el.attrs = [['mode', mode], ...(type ? ([['type', type]] as Array<[string, string]>) : []), ['managed', managed], ...rest];
      if (type === 'pci') canonicalPciSource(sub(dev.el, 'source'), false);
    },
  },
  smartcard: {
    normalize(dev) {
      if (attr(dev.el, 'mode') === 'passthrough') canonicalChrSources(attr(dev.el, 'type') ?? 'null', dev.el);
    },
  },
  redirdev: {
    allowBoot: true,
    normalize(dev) {
      canonicalChrSources(attr(dev.el, 'type') ?? 'null', dev.el, 'org.qemu.usbredir');
    },
  },
  rng: {
    normalize(dev) {
      rngRateAndSource(dev);
      const backend = sub(dev.el, 'backend');
      if (attr(backend, 'model') === 'egd') canonicalChrSources(attr(backend, 'type') ?? 'null', backend!);
    },
  },
  filesystem: {},
  memory: memoryRule,
  watchdog: {
    normalize(dev) {
      // virDomainWatchdogDefParseXML: without an action the watchdog resets the guest.
      if (!attr(dev.el, 'action')) dev.el.attrs.push(['action', 'reset']);
    },
  },
};
