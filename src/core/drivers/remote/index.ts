import type { Connection } from '../../api/connection.js';
import { unsupported } from '../../errors.js';
import type { RemoteTarget } from '../../uri/remote-target.js';
import { P } from '../../rpc/procedures/index.js';
import { formatURI, type VirURI } from '../../uri/parse.js';
import { openName } from './name.js';
import { domainOps } from './ops/domain.js';
import { eventOps } from './ops/events.js';
import { streamOps } from './ops/streams.js';
import { guestBlockOps } from './ops/guest-block.js';
import { hostOps } from './ops/host.js';
import { migrateOps } from './ops/migrate.js';
import { networkOps } from './ops/network.js';
import { nodeExtraOps } from './ops/node-extra.js';
import { objectOps } from './ops/objects.js';
import { snapshotOps } from './ops/snapshot.js';
import { storageOps } from './ops/storage.js';
import { tuneSetOps } from './ops/tune-set.js';
import { tuningOps } from './ops/tuning.js';
import { openSession } from './session.js';
import { openLink } from './transport.js';
import { UriArgs } from './uri-args.js';

export interface RemoteOpenOptions {
  readonly: boolean;
}

/** remoteGetURIDaemonInfo's USER and AUTOSTART bits, which travel in CONNECT_OPEN. */
function daemonFlags(uri: VirURI | undefined, target: RemoteTarget): { user: boolean } {
  const nonRoot = (process.geteuid?.() ?? 0) > 0;
  const user = nonRoot && !!uri?.path && !!uri.scheme && (uri.path === '/session' || uri.scheme.startsWith('test+'));
  return { user: user || (nonRoot && !uri && target.transport === 'unix') };
}

/**
 * The remote driver: a Connection whose every call is a procedure on a daemon. Calls this
 * driver has no row for yet raise libvirt's "not supported" error, never silently succeed.
 */
export async function openRemoteConnection(
  uri: VirURI | undefined,
  target: RemoteTarget,
  opts: RemoteOpenOptions,
): Promise<Connection> {
  const name = openName(uri);
  const { user } = daemonFlags(uri, target);
  const link = await openLink(target, { uri, args: new UriArgs(uri).checkFlags(), name, readonly: opts.readonly, user });
  const session = await openSession(link, {
    name,
    readonly: opts.readonly,
    user,
  });
  // Without a URI the daemon picked the driver; virConnectGetURI then reports its choice.
  const uristr = uri ? formatURI(uri) : (await session.call(P.connectGetURI, undefined)).uri;
  const ops = {
    ...hostOps(session, uristr),
    ...domainOps(session),
    ...snapshotOps(session),
    ...networkOps(session),
    ...storageOps(session),
    ...objectOps(session),
    ...eventOps(session),
    ...streamOps(session),
    ...tuningOps(session),
    ...tuneSetOps(session),
    ...nodeExtraOps(session),
    ...guestBlockOps(session),
    ...migrateOps(session),
  };
  return new Proxy(ops, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver);
      if (prop === 'then') return undefined;
      return () => Promise.reject(unsupported(`vir${prop[0].toUpperCase()}${prop.slice(1)}`));
    },
  }) as Connection;
}
