// The save cookie in a live snapshot's XML (qemuDomainSaveCookieParse / Format): the guest
// CPU QEMU actually ran when it differed from the defined one, and whether a slirp helper
// may serve the guest's user-mode interfaces. A snapshot takes it as save/image.ts makes it.
import { formatElem, fromNode } from '../../../xml/domain/elem.js';
import type { XNode } from '../../../xml/tree.js';

function format(cpu: string, slirpHelper: boolean): string {
  return `<cookie>\n${cpu}${slirpHelper ? '  <slirpHelper/>\n' : ''}</cookie>\n`;
}

/** qemuDomainSaveCookieParse, formatted again. */
export function parseCookie(node: XNode): string {
  const cpu = node.children.find((c) => c.name === 'cpu');
  return format(cpu ? formatElem(fromNode(cpu), 1) : '', node.children.some((c) => c.name === 'slirpHelper'));
}
