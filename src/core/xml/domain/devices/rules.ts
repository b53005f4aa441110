import type { XNode } from '../../tree.js';
import { attr, elem, sub, type Elem } from '../elem.js';
import type { DeviceDef } from '../types.js';
import { diskRule } from './disk.js';
import { interfaceRule } from './interface.js';
import { graphicsRule } from './graphics.js';
import { chrRule } from './chr.js';
import { controllerRule } from './controller.js';
import { videoRule } from './video.js';
import { inputRule } from './input.js';
import { memoryRule } from './memory.js';

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
    },
  },
  redirdev: { allowBoot: true },
  rng: {
    normalize(dev) {
      // virDomainChrSourceDefFormat: a TCP character source always states its protocol.
      const backend = sub(dev.el, 'backend');
      if (attr(backend, 'model') !== 'egd' || attr(backend, 'type') !== 'tcp' || sub(backend, 'protocol')) return;
      backend!.children.push(elem('protocol', [['type', 'raw']]));
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
