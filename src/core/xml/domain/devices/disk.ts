import type { KindRule } from './rules.js';
import { keepAttrs, sub } from '../elem.js';

/** Which `<source>` attributes each disk type carries (virDomainDiskSourceFormat). */
const SOURCE_ATTRS: Record<string, readonly string[]> = {
  file: ['file', 'fdgroup', 'startupPolicy', 'index'],
  block: ['dev', 'startupPolicy', 'index'],
  dir: ['dir', 'startupPolicy', 'index'],
  network: ['protocol', 'name', 'query', 'tls', 'tlsHostname', 'startupPolicy', 'index'],
  volume: ['pool', 'volume', 'mode', 'startupPolicy', 'index'],
  nvme: ['type', 'managed', 'namespace', 'startupPolicy', 'index'],
  vhostuser: ['type', 'path', 'startupPolicy', 'index'],
};

export const diskRule: KindRule = {
  allowBoot: true,
  normalize(dev) {
    const type = dev.el.attrs.find(([k]) => k === 'type')?.[1] ?? 'file';
    keepAttrs(sub(dev.el, 'source'), SOURCE_ATTRS[type] ?? []);
  },
};
