import { NetworkEventID, NetworkEventLifecycle } from '../../core/api/network.js';
import { formatTable } from '../domain/table.js';
import type { Handler } from '../types.js';
import { optNetwork } from './lookup.js';

const EVENT_NAMES = ['lifecycle'];
const LIFECYCLE_NAMES: Record<number, string> = {
  [NetworkEventLifecycle.DEFINED]: 'Defined',
  [NetworkEventLifecycle.UNDEFINED]: 'Undefined',
  [NetworkEventLifecycle.STARTED]: 'Started',
  [NetworkEventLifecycle.STOPPED]: 'Stopped',
};

/** virsh's timestamp for --timestamp: local time with milliseconds and the UTC offset. */
function timestamp(d = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:` +
    `${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}${sign}${p(Math.floor(Math.abs(off) / 60))}${p(Math.abs(off) % 60)}`
  );
}

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
  const loop = opts.bool('loop');
  const stamp = opts.bool('timestamp');
  const timeout = opts.uint('timeout');
  if (timeout !== undefined && (timeout === 0 || timeout > Math.floor(0x7fffffff / 1000))) {
    ctx.error(`Numeric value '${timeout}' for <timeout> option is malformed or out of range`);
    return false;
  }
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
  let count = 0;
  let finish: (how: 'done' | 'timeout') => void = () => {};
  const done = new Promise<'done' | 'timeout'>((res) => (finish = res));
  const id = await conn.networkEventRegisterAny(net, NetworkEventID.LIFECYCLE, (ev) => {
    const what = `event 'lifecycle' for network ${ev.network.name}: ${LIFECYCLE_NAMES[ev.event] ?? 'unknown'}\n`;
    ctx.print(stamp ? `${timestamp()}: ${what}` : what);
    count++;
    if (!loop) finish('done');
  });
  const timer = timeout !== undefined ? setTimeout(() => finish('timeout'), timeout * 1000) : undefined;
  const how = await done;
  if (timer) clearTimeout(timer);
  if (how === 'timeout') ctx.print('event loop timed out\n');
  ctx.print(`events received: ${count}\n`);
  await conn.networkEventDeregisterAny(id);
  if (count === 0 && lookupError) throw lookupError;
  return count > 0;
};

export const netDhcpLeases: Handler = async (ctx, opts) => {
  const net = await optNetwork(ctx, opts);
  if (!net) return false;
  const mac = opts.string('mac');
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
