import { unsupported, virErr } from '../../core/errors.js';
import type { TypedParam } from '../../core/api/domain-devices.js';
import { serve, type Served } from '../dispatch/serve.js';
import { A } from './procedures.js';

/** virClientTransport */
export const Transport = { UNIX: 0, TCP: 1, TLS: 2 } as const;

/** One connected client as the admin program lists it. */
export interface AdminClient {
  id: bigint;
  /** Seconds since the epoch when it connected. */
  timestamp: bigint;
  transport: number;
  readonly: boolean;
  close(): void;
}

/** One of the daemon's servers (libvirtd has its main one and "admin"). */
export interface AdminServer {
  name: string;
  clients(): AdminClient[];
  maxClients: number;
  /** max_anonymous_clients: clients still authenticating; auth none leaves none. */
  maxUnauthClients: number;
}

/** LIBVIR_VERSION_NUMBER of libvirt 9.0.0. */
const LIB_VERSION = 9_000_000n;

/** The lookups' own errors (virNetDaemonGetServer, virNetServerGetClient) are what reach the client. */
const noServer = (name: string) => virErr('NO_SERVER', `No server named '${name}'`, 'RPC');
const noClient = (id: bigint) => virErr('NO_CLIENT', `No client with matching ID '${id}'`, 'RPC');

/** virCheckFlags(0) in the admin server's functions. */
function noFlags(flags: number, fn: string): void {
  if (flags) throw virErr('INVALID_ARG', `unsupported flags (0x${flags.toString(16)}) in function ${fn}`, 'ADMIN');
}

const uintParam = (field: string, value: number): TypedParam => ({ field, type: 2, value });

/**
 * The admin program's procedures (admin_server_dispatch.c). Everything is answered from the
 * daemon's own state; what Node cannot see (a unix peer's credentials, thread pools) is
 * refused as unsupported rather than invented.
 */
export function adminServed(servers: () => AdminServer[], close: () => void): Served[] {
  const server = (name: string) => servers().find((s) => s.name === name) ?? (() => { throw noServer(name); })();
  const client = (srv: string, id: bigint) => server(srv).clients().find((c) => c.id === id) ?? (() => { throw noClient(id); })();
  const wire = (srv: string, c: AdminClient) => ({ srv: { name: srv }, id: c.id, timestamp: c.timestamp, transport: c.transport });
  return [
    serve(A.connectOpen, async (_c, a) => noFlags(a.flags, 'adminDispatchConnectOpen')),
    serve(A.connectClose, async () => close()),
    serve(A.connectGetLibVersion, async () => ({ libVer: LIB_VERSION })),
    serve(A.connectListServers, async (_c, a) => {
      noFlags(a.flags, 'adminConnectListServers');
      // libvirtd's order is its randomly seeded hash table's; ours is stable: by name.
      const all = servers()
        .map((s) => ({ name: s.name }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      return { servers: a.need_results ? all : [], ret: all.length };
    }),
    serve(A.connectLookupServer, async (_c, a) => {
      noFlags(a.flags, 'adminConnectLookupServer');
      return { srv: { name: server(a.name).name } };
    }),
    serve(A.serverListClients, async (_c, a) => {
      const clients = server(a.srv.name).clients();
      noFlags(a.flags, 'adminServerListClients');
      const all = clients.map((c) => wire(a.srv.name, c));
      return { clients: a.need_results ? all : [], ret: all.length };
    }),
    serve(A.serverLookupClient, async (_c, a) => {
      server(a.srv.name);
      noFlags(a.flags, 'adminServerLookupClient');
      return { clnt: wire(a.srv.name, client(a.srv.name, a.id)) };
    }),
    serve(A.clientClose, async (_c, a) => {
      const found = client(a.clnt.srv.name, a.clnt.id);
      noFlags(a.flags, 'adminClientClose');
      found.close();
    }),
    serve(A.serverGetClientLimits, async (_c, a) => {
      const s = server(a.srv.name);
      noFlags(a.flags, 'adminServerGetClientLimits');
      return {
        params: [
          uintParam('nclients_max', s.maxClients),
          uintParam('nclients', s.clients().length),
          uintParam('nclients_unauth_max', s.maxUnauthClients),
          uintParam('nclients_unauth', 0),
        ],
      };
    }),
    ...[A.serverGetThreadpoolParameters, A.serverSetThreadpoolParameters, A.clientGetInfo, A.serverSetClientLimits, A.connectGetLoggingOutputs, A.serverUpdateTlsFiles, A.connectSetDaemonTimeout].map(
      (proc): Served => ({
        proc,
        handler: async () => {
          throw unsupported(`virAdm${proc.name.toLowerCase().replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase())}`);
        },
      }),
    ),
  ];
}
