import { ErrorCodes, ErrorDomains } from '../error-codes.js';
import { VirError } from '../errors.js';
import { domain, network, optStr } from './types.js';
import { int, optional, struct, type TypeOf } from './xdr/index.js';

/** remote_error: the payload of REPLY/ERROR and STREAM/ERROR packets. */
export const remoteError = struct({
  code: int,
  domain: int,
  message: optStr,
  level: int,
  dom: optional(domain),
  str1: optStr,
  str2: optStr,
  str3: optStr,
  int1: int,
  int2: int,
  net: optional(network),
});
export type RemoteError = TypeOf<typeof remoteError>;

/**
 * What the client library raises for a remote error (virNetClientProgramDispatchError):
 * the daemon's code, domain and message verbatim, except that an RPC-layer
 * "unknown procedure" becomes NO_SUPPORT so callers fall back to older calls.
 */
export function fromRemoteError(e: RemoteError): VirError {
  const message = e.message ?? 'Unknown error';
  let code = e.code;
  const rpcLayer = e.domain === ErrorDomains.REMOTE || e.domain === ErrorDomains.RPC;
  if (rpcLayer && code === ErrorCodes.RPC[0] && e.level === 2 && message.startsWith('unknown procedure')) {
    code = ErrorCodes.NO_SUPPORT[0];
  }
  return new VirError(code, message, e.domain, e.level);
}

/** The remote_error a daemon sends for an error raised while serving a call. */
export function toRemoteError(err: VirError): RemoteError {
  return {
    code: err.code,
    domain: err.domain,
    message: err.message,
    level: err.level,
    dom: undefined,
    str1: undefined,
    str2: undefined,
    str3: undefined,
    int1: -1,
    int2: -1,
    net: undefined,
  };
}
