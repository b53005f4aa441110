// libvirt's admin program (admin_protocol.x): the procedures virt-admin calls on the
// daemon's admin socket, as rows of the shared procedure shape.
import { Program } from '../../core/rpc/constants.js';
import { none, s, type Procedure } from '../../core/rpc/procedures/define.js';
import { str, typedParam } from '../../core/rpc/types.js';
import { array, hyper, uhyper, uint } from '../../core/rpc/xdr/index.js';

const admin = <A, R>(number: number, name: string, args: Procedure<A, R>['args'], ret: Procedure<A, R>['ret']): Procedure<A, R> => ({
  program: Program.ADMIN,
  number,
  name,
  args,
  ret,
});

const server = s({ name: str });
const client = s({ srv: server, id: uhyper, timestamp: hyper, transport: uint });
const LIST_MAX = 16384;

export const A = {
  connectOpen: admin(1, 'CONNECT_OPEN', s({ flags: uint }), none),
  connectClose: admin(2, 'CONNECT_CLOSE', none, none),
  connectGetLibVersion: admin(3, 'CONNECT_GET_LIB_VERSION', none, s({ libVer: uhyper })),
  connectListServers: admin(4, 'CONNECT_LIST_SERVERS', s({ need_results: uint, flags: uint }), s({ servers: array(server, LIST_MAX), ret: uint })),
  connectLookupServer: admin(5, 'CONNECT_LOOKUP_SERVER', s({ name: str, flags: uint }), s({ srv: server })),
  serverGetThreadpoolParameters: admin(6, 'SERVER_GET_THREADPOOL_PARAMETERS', s({ srv: server, flags: uint }), s({ params: array(typedParam, 32) })),
  serverSetThreadpoolParameters: admin(7, 'SERVER_SET_THREADPOOL_PARAMETERS', s({ srv: server, params: array(typedParam, 32), flags: uint }), none),
  serverListClients: admin(8, 'SERVER_LIST_CLIENTS', s({ srv: server, need_results: uint, flags: uint }), s({ clients: array(client, LIST_MAX), ret: uint })),
  serverLookupClient: admin(9, 'SERVER_LOOKUP_CLIENT', s({ srv: server, id: uhyper, flags: uint }), s({ clnt: client })),
  clientGetInfo: admin(10, 'CLIENT_GET_INFO', s({ clnt: client, flags: uint }), s({ params: array(typedParam, 64) })),
  clientClose: admin(11, 'CLIENT_CLOSE', s({ clnt: client, flags: uint }), none),
  serverGetClientLimits: admin(12, 'SERVER_GET_CLIENT_LIMITS', s({ srv: server, flags: uint }), s({ params: array(typedParam, 32) })),
  serverSetClientLimits: admin(13, 'SERVER_SET_CLIENT_LIMITS', s({ srv: server, params: array(typedParam, 32), flags: uint }), none),
  connectGetLoggingOutputs: admin(14, 'CONNECT_GET_LOGGING_OUTPUTS', s({ flags: uint }), s({ outputs: str, noutputs: uint })),
  serverUpdateTlsFiles: admin(18, 'SERVER_UPDATE_TLS_FILES', s({ srv: server, flags: uint }), none),
  connectSetDaemonTimeout: admin(19, 'CONNECT_SET_DAEMON_TIMEOUT', s({ timeout: uint, flags: uint }), none),
};
