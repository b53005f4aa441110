// The save cookie a live snapshot carries (qemuDomainSaveCookieNew / Format / Parse): the
// guest CPU QEMU actually runs when it differs from the defined one, and whether a slirp
// helper may serve the guest's user-mode interfaces.
import { attr, formatElem, fromNode } from '../../../xml/domain/elem.js';
import type { XNode } from '../../../xml/tree.js';
import type { QemuDomainObj } from '../domain/obj.js';

function format(cpu: string, slirpHelper: boolean): string {
  return `<cookie>\n${cpu}${slirpHelper ? '  <slirpHelper/>\n' : ''}</cookie>\n`;
}

/** qemuDomainSaveCookieNew + Format for the running guest. */
export function snapshotCookie(obj: QemuDomainObj): string {
  const userNet = obj.def.devices.some((d) => d.kind === 'interface' && attr(d.el, 'type') === 'user');
  return format(obj.origCpu && obj.def.cpu ? formatElem(obj.def.cpu, 1) : '', !userNet);
}

/** qemuDomainSaveCookieParse, formatted again. */
export function parseCookie(node: XNode): string {
  const cpu = node.children.find((c) => c.name === 'cpu');
  return format(cpu ? formatElem(fromNode(cpu), 1) : '', node.children.some((c) => c.name === 'slirpHelper'));
}
