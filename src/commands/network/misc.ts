import { NetworkEventID, NetworkEventLifecycle } from '../../core/api/network.js';
import { formatTable } from '../domain/table.js';
import type { Handler } from '../types.js';
import { optNetwork } from './lookup.js';
import { EventLoop, timeoutMs, timestamp } from '../events/wait.js';

const EVENT_NAMES = ['lifecycle'];
const LIFECYCLE_NAMES: Record<number, string> = {
  [NetworkEventLifecycle.DEFINED]: 'Defined',
  [NetworkEventLifecycle.UNDEFINED]: 'Undefined',
  [NetworkEventLifecycle.STARTED]: 'Started',
  [NetworkEventLifecycle.STOPPED]: 'Stopped',
};

export const netEvent: Handler = async (ctx, opts) => {
  if (opts.bool('list')) {
    for (const n of EVENT_NAMES) ctx.print(`${n}\n`);
    return true;
  }
  const eventName = opts.string('event');
  if (eventName === undefined) {
    ctx.error('either --list or --event <type> is required');
    return false;
  }
  if (!EVENT_NAMES.includes(eventName)) {
    ctx.error(`unknown event type ${eventName}`);
    return false;
  }
  const timeout = timeoutMs(ctx, opts);
  if (timeout === undefined) return false;
  // A network that cannot be found is reported, then virsh waits for events of every
  // network; libvirt's lookup error surfaces only when the command fails at the end.
  let lookupError: unknown;
  const net = opts.has('network')
    ? await optNetwork(ctx, opts).catch((e: unknown) => {
        lookupError = e;
        return undefined;
      })
    : undefined;
  const conn = await ctx.conn();
  const loop = new EventLoop(ctx, opts.bool('loop'), opts.bool('timestamp'));
  const id = await conn.networkEventRegisterAny(net, NetworkEventID.LIFECYCLE, (ev) =>
    loop.print(`event 'lifecycle' for network ${ev.network.name}: ${LIFECYCLE_NAMES[ev.event] ?? 'unknown'}\n`),
  );
  const ok = await loop.wait(timeout);
  await conn.networkEventDeregisterAny(id);
  if (!ok && lookupError) throw lookupError;
  return ok;
};

export const netDhcpLeases: Handler = async (ctx, opts) => {
  // virsh reads --mac before it looks the network up, so an empty --mac is reported first.
  const mac = opts.string('mac');
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const conn = await ctx.conn();
  const name = opts.requiredString('network');
  const leases = await ctx.attempt(`Failed to get leases info for ${name}`, () => conn.networkGetDHCPLeases(net, mac, 0));
  const rows = leases.map((l) => [
    timestamp(new Date(l.expirytime * 1000)).slice(0, 19),
    l.mac,
    l.type === 0 ? 'ipv4' : 'ipv6',
    `${l.ipaddr}/${l.prefix}`,
    l.hostname ?? '-',
    l.clientid ?? '-',
  ]);
  ctx.print(
    formatTable(['Expiry Time', 'MAC address', 'Protocol', 'IP address', 'Hostname', 'Client ID or DUID'], rows, !ctx.shell.quiet),
  );
  return true;
};
