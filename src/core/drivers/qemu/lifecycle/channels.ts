// Virtio channels at start-up: a unix channel without a path gets a listening socket in the
// guest's channel directory (qemuDomainPrepareChannel), and once QEMU runs the live definition
// records whether the guest side has the port open (qemuProcessRefreshChannelVirtioState).
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, setAttr, sub } from '../../../xml/domain/elem.js';
import { DEVICE_SPECS } from '../../../xml/domain/devices/specs.js';
import type { QmpClient } from '../qmp/index.js';

const TARGET_ATTRS = (DEVICE_SPECS.channel.children ?? []).find(([n]) => n === 'target')?.[1].attrs ?? [];

const virtioChannels = (def: DomainDef): DeviceDef[] =>
  def.devices.filter((d) => d.kind === 'channel' && attr(sub(d.el, 'target'), 'type') === 'virtio');

function pad2(n: number | undefined): string {
  return String(n ?? 0).padStart(2, '0');
}

/** Fills in the socket path of unix channels that have none, under `dir`. */
export function prepareChannels(def: DomainDef, dir: string): void {
  for (const c of virtioChannels(def)) {
    const source = sub(c.el, 'source');
    if (attr(c.el, 'type') !== 'unix' || attr(source, 'path')) continue;
    const name = attr(sub(c.el, 'target'), 'name');
    const a = c.info.address?.type === 'virtio-serial' ? c.info.address : undefined;
    const path = name ? `${dir}/${name}` : `${dir}/vioser-${pad2(a?.controller)}-${pad2(a?.bus)}-${pad2(a?.port)}.sock`;
    if (source) {
      setAttr(source, 'mode', attr(source, 'mode') ?? 'bind');
      setAttr(source, 'path', path);
    } else c.el.children.unshift(elem('source', [['mode', 'bind'], ['path', path]]));
  }
}

/** The guest side's state of each virtio channel, from query-chardev's frontend-open. */
export async function refreshChannelState(qmp: QmpClient, def: DomainDef): Promise<void> {
  const channels = virtioChannels(def);
  if (!channels.length) return;
  const info = await qmp.execute<Array<{ label: string; 'frontend-open'?: boolean }>>('query-chardev');
  for (const c of channels) {
    const entry = info.find((i) => i.label === `char${c.info.alias}`);
    const target = sub(c.el, 'target');
    if (!entry || entry['frontend-open'] === undefined || !target) continue;
    setAttr(target, 'state', entry['frontend-open'] ? 'connected' : 'disconnected');
    target.attrs.sort(([a], [b]) => TARGET_ATTRS.indexOf(a) - TARGET_ATTRS.indexOf(b));
  }
}
