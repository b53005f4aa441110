/**
 * The part of network.rng that --validate checks here: the attributes and elements a
 * <network> may hold, and the element children of its direct children, with libxml2's
 * RelaxNG messages. Deeper content is left to the parser's own checks.
 */
import { virErr } from '../../errors.js';
import type { XNode } from '../tree.js';

const SCHEMA = '/usr/share/libvirt/schemas/network.rng';
const ROOT_ATTRS = ['connections', 'ipv6', 'trustGuestRxFilters'];
/** Direct children, each with the element names it may contain ([] = none). */
const CHILDREN: Record<string, readonly string[]> = {
  name: [],
  uuid: [],
  metadata: ['*'],
  bridge: [],
  mtu: [],
  mac: [],
  domain: [],
  forward: ['interface', 'address', 'pf', 'driver', 'nat'],
  bandwidth: ['inbound', 'outbound'],
  vlan: ['tag'],
  port: [],
  dns: ['forwarder', 'txt', 'srv', 'host'],
  virtualport: ['parameters'],
  portgroup: ['virtualport', 'bandwidth', 'vlan'],
  ip: ['tftp', 'dhcp'],
  route: [],
};
const REPEATABLE = ['portgroup', 'ip', 'route'];

function fail(lines: string[]): never {
  throw virErr('XML_INVALID_SCHEMA', `Unable to validate doc against ${SCHEMA}\n${lines.map((l) => l + '\n').join('')}`, 'NETWORK');
}

export function validateNetworkSchema(root: XNode): void {
  for (const a of Object.keys(root.attrs)) {
    if (!ROOT_ATTRS.includes(a) && !a.startsWith('xmlns')) fail([`Invalid attribute ${a} for element network`]);
  }
  const seen = new Set<string>();
  for (const c of root.children) {
    const allowed = CHILDREN[c.name];
    if (!allowed) fail([`Element network has extra content: ${c.name}`]);
    const bad = allowed.includes('*') ? undefined : c.children.find((g) => !allowed.includes(g.name));
    const extra = bad ? [`Element ${c.name} has extra content: ${bad.name}`] : [];
    if (bad || (seen.has(c.name) && !REPEATABLE.includes(c.name))) {
      fail([...extra, `Extra element ${c.name} in interleave`, 'Element network failed to validate content']);
    }
    seen.add(c.name);
  }
  if (!seen.has('name')) {
    fail(['Expecting an element name, got nothing', 'Invalid sequence in interleave', 'Element network failed to validate content']);
  }
}
