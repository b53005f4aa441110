import type { VirError } from '../../errors.js';
import { AuthType, Feature, OpenFlags } from '../../rpc/constants.js';
import { RpcClient } from '../../rpc/client.js';
import { P, type ArgsOf, type Procedure, type RetOf } from '../../rpc/procedures/index.js';
import type { Link } from './transport.js';
import { virErr } from '../../errors.js';

export interface SessionOptions {
  name: string;
  readonly: boolean;
  /** REMOTE_DRIVER_OPEN_USER: a per-user (session) daemon is wanted. */
  user: boolean;
}

/**
 * Calls kept on the wire at once. libvirtd works on max_client_requests (5) of a client's
 * calls at a time and simply stops reading the socket beyond that, so a deeper pipeline
 * costs nothing there and keeps the daemon's workers busy without waiting on round trips.
 */
const PIPELINE_DEPTH = 64;

type EventListener = (proc: Procedure, payload: unknown) => void;

/**
 * An opened remote connection: the RPC client plus what doRemoteOpen learnt while opening
 * (which features the daemon has). Ops files call through it.
 */
export class Session {
  readonly listeners = new Set<EventListener>();
  /** Told when the link goes down, with the virConnectCloseReason. */
  readonly closeListeners = new Set<(reason: number) => void>();
  closeCallback = false;
  eventCallbacks = false;
  closeError?: VirError;
  /** The daemon speaks the keepalive program (probed while opening). */
  keepalive = false;

  constructor(readonly client: RpcClient) {}

  call<Q extends Procedure>(proc: Q, args: ArgsOf<Q>): Promise<RetOf<Q>> {
    return this.client.call(proc, args);
  }

  /** A call that opens a data stream (vol upload/download, screenshot). */
  callStream<Q extends Procedure>(proc: Q, args: ArgsOf<Q>) {
    return this.client.callStream(proc, args);
  }

  /** remoteConnectSetKeepAlive: pings start only when asked (virsh asks right after opening). */
  async setKeepAlive(interval: number, count: number): Promise<void> {
    if (!this.keepalive) {
      throw virErr('INTERNAL_ERROR', "the caller doesn't support keepalive protocol; perhaps it's missing event loop implementation", 'RPC');
    }
    if (interval > 0) this.client.startKeepalive(interval, count);
    else this.client.stopKeepalive();
  }

  async supports(feature: number): Promise<boolean> {
    return (await this.call(P.connectSupportsFeature, { feature })).supported;
  }

  /** Closes as virsh does: unregister the close callback, CONNECT_CLOSE, drop the link. */
  async close(): Promise<void> {
    if (!this.client.isOpen) return;
    try {
      if (this.closeCallback) await this.call(P.connectUnregisterCloseCallback, undefined);
      await this.call(P.connectClose, undefined);
    } finally {
      this.client.close();
    }
  }
}

/** remoteAuthenticate for daemons that need no credentials; SASL is not implemented yet. */
async function authenticate(s: Session): Promise<void> {
  const { types } = await s.call(P.authList, undefined);
  const type = types[0] ?? AuthType.NONE;
  if (type === AuthType.POLKIT) {
    await s.call(P.authPolkit, undefined);
  } else if (type === AuthType.SASL) {
    throw virErr('AUTH_FAILED', 'SASL authentication is not supported by virsh-ts yet', 'REMOTE');
  }
}

/**
 * doRemoteOpen's sequence, call for call as real virsh sends it: AUTH_LIST, the keepalive
 * probe, CONNECT_OPEN, the event and close-callback probes, then the close-callback
 * registration virsh makes right after connecting.
 */
export async function openSession(link: Link, opts: SessionOptions): Promise<Session> {
  let session: Session | undefined;
  const client = new RpcClient(link.stream, {
    maxInFlight: PIPELINE_DEPTH,
    eofError: link.eofError,
    onEvent: (proc, payload) => session?.listeners.forEach((l) => l(proc, payload)),
    onClose: (reason, err) => {
      if (!session) return;
      session.closeError = err;
      session.closeListeners.forEach((l) => l(reason));
    },
  });
  session = new Session(client);
  try {
    await authenticate(session);
    session.keepalive = await session.supports(Feature.PROGRAM_KEEPALIVE);
    let flags = 0;
    if (opts.readonly) flags |= OpenFlags.RO;
    if (opts.user) flags |= OpenFlags.USER;
    await session.call(P.connectOpen, { name: opts.name, flags });
    session.eventCallbacks = await session.supports(Feature.REMOTE_EVENT_CALLBACK);
    if (await session.supports(Feature.REMOTE_CLOSE_CALLBACK)) {
      await session.call(P.connectRegisterCloseCallback, undefined);
      session.closeCallback = true;
    }
    return session;
  } catch (e) {
    client.close();
    throw e;
  }
}
