import type { KindRule } from './rules.js';
import { keepAttrs, sub } from '../elem.js';

/** Which `<source>` attributes each interface type carries (virDomainNetDefFormat). */
const SOURCE_ATTRS: Record<string, readonly string[]> = {
  network: ['network', 'portgroup', 'portid'],
  bridge: ['bridge'],
  direct: ['dev', 'mode'],
  ethernet: [],
  user: ['dev'],
  vhostuser: ['type', 'path', 'mode'],
  server: ['address', 'port'],
  client: ['address', 'port'],
  mcast: ['address', 'port'],
  udp: ['address', 'port'],
  internal: ['name'],
  hostdev: [],
  vdpa: ['dev'],
  vds: ['switchid', 'portid', 'portgroupid', 'connectionid'],
};

export const interfaceRule: KindRule = {
  allowBoot: true,
  allowRom: true,
  normalize(dev) {
    const type = dev.el.attrs.find(([k]) => k === 'type')?.[1] ?? '';
    keepAttrs(sub(dev.el, 'source'), SOURCE_ATTRS[type] ?? []);
  },
};
