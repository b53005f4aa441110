import { virErr } from '../core/errors.js';
import { AuthType, Feature, OpenFlags } from '../core/rpc/constants.js';
import { P } from '../core/rpc/procedures/index.js';
import type { Connection } from '../core/api/connection.js';
import { serve, type Served } from './dispatch/serve.js';

/** What the connection-level procedures need from the client they run for. */
export interface SessionHost {
  readonly forcedReadonly: boolean;
  conn?: Connection;
  open(name: string | undefined, readonly: boolean): Promise<void>;
  close(): Promise<void>;
  startKeepalive(): void;
}

/** RPC-layer errors name the RPC domain (remoteGetHypervisorConn, virnetserverprogram.c). */
const rpcInternal = (text: string) => virErr('INTERNAL_ERROR', text, 'RPC');

/** Features the daemon answers itself, whatever the driver (remoteDispatchConnectSupportsFeature). */
const daemonFeatures = new Set<number>([Feature.FD_PASSING, Feature.REMOTE_EVENT_CALLBACK, Feature.REMOTE_CLOSE_CALLBACK]);
/** What the test driver answers for the rest (testConnectSupportsFeature). */
const driverFeatures = new Set<number>([Feature.TYPED_PARAM_STRING, Feature.NETWORK_UPDATE_HAS_CORRECT_ORDER]);

/** Connection-level procedures: auth, open/close, feature probes, callbacks. */
export function sessionServed(host: SessionHost): Served[] {
  const opened = () => {
    if (!host.conn) throw rpcInternal('hypervisor connection not open');
    return host.conn;
  };
  return [
    serve(P.authList, async () => ({ types: [AuthType.NONE] })),
    serve(P.connectSupportsFeature, async (_c, a) => {
      // Probed before CONNECT_OPEN: the client is ready for our pings.
      if (a.feature === Feature.PROGRAM_KEEPALIVE) {
        host.startKeepalive();
        return { supported: true };
      }
      opened();
      return { supported: daemonFeatures.has(a.feature) || driverFeatures.has(a.feature) };
    }),
    serve(P.connectOpen, async (_c, a) => {
      if (host.conn) throw rpcInternal('connection already open');
      await host.open(a.name, host.forcedReadonly || (a.flags & OpenFlags.RO) !== 0);
    }),
    serve(P.connectClose, async () => {
      opened();
      await host.close();
    }),
    serve(P.connectRegisterCloseCallback, async () => {
      opened();
    }),
    serve(P.connectUnregisterCloseCallback, async () => {
      opened();
    }),
  ];
}
