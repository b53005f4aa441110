import { virErr, type VirError } from '../../errors.js';

/** Errors raised by domain XML parsing come from libvirt's VIR_FROM_DOMAIN domain. */
export const xmlError = (msg: string): VirError => virErr('XML_ERROR', msg, 'DOMAIN');
export const internalError = (msg: string): VirError => virErr('INTERNAL_ERROR', msg, 'DOMAIN');
export const unsupportedConfig = (msg: string): VirError => virErr('CONFIG_UNSUPPORTED', msg, 'DOMAIN');
export const invalidArg = (msg: string): VirError => virErr('INVALID_ARG', msg, 'DOMAIN');
export const overflowError = (msg: string): VirError => virErr('OVERFLOW', msg, 'DOMAIN');
