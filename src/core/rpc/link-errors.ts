import { ErrorCodes, ErrorDomains } from '../error-codes.js';
import { VirError } from '../errors.js';
import { strerror } from '../strerror.js';

/**
 * The errors libvirt's client raises when the connection itself fails, with its exact
 * texts (virnetsocket.c, virnetclient.c, virkeepalive.c, virnetmessage.c).
 */
const rpcError = (code: keyof typeof ErrorCodes, message: string) => new VirError(ErrorCodes[code][0], message, ErrorDomains.RPC);

/** The peer closed the socket. */
export const endOfFile = () => rpcError('SYSTEM_ERROR', 'End of file while reading data: Input/output error');

export const recvFailed = (err: unknown) => rpcError('SYSTEM_ERROR', `Cannot recv data: ${strerror(err)}`);
export const writeFailed = (err: unknown) => rpcError('SYSTEM_ERROR', `Cannot write data: ${strerror(err)}`);
export const socketClosed = () => rpcError('INTERNAL_ERROR', 'internal error: client socket is closed');
export const keepaliveTimeout = () => rpcError('INTERNAL_ERROR', 'internal error: connection closed due to keepalive timeout');
export const decodeFailed = () => rpcError('RPC', 'Unable to decode message payload');
export const encodeFailed = () => rpcError('RPC', 'Unable to encode message payload');
export const protocolError = (message: string) => rpcError('RPC', message);
