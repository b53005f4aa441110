import { ErrorCodes, ErrorDomains } from './error-codes.js';

export type ErrorCodeName = keyof typeof ErrorCodes;
export type ErrorDomainName = keyof typeof ErrorDomains;

/**
 * The one error type of the project. It carries libvirt's numeric code and domain so it
 * crosses the wire unchanged (remote_error) and prints exactly as virsh prints it.
 */
export class VirError extends Error {
  readonly code: number;
  readonly domain: number;
  readonly level: number;

  constructor(code: number, message: string, domain: number = ErrorDomains.NONE, level = 2) {
    super(message);
    this.name = 'VirError';
    this.code = code;
    this.domain = domain;
    this.level = level;
  }

  get codeName(): ErrorCodeName | undefined {
    return (Object.keys(ErrorCodes) as ErrorCodeName[]).find((k) => ErrorCodes[k][0] === this.code);
  }
}

/** The message libvirt's virErrorMsg + virRaiseError build for `code` and an optional detail. */
export function formatErrorMessage(code: ErrorCodeName, detail?: string): string {
  const [, plain, withInfo] = ErrorCodes[code];
  if (detail === undefined || detail === null) return plain ?? '';
  return (withInfo ?? '%s').replace('%s', detail);
}

/** Raise-site helper: `throw virErr('NO_DOMAIN', "no domain with matching name 'x'")`. */
export function virErr(code: ErrorCodeName, detail?: string, domain: ErrorDomainName = 'NONE'): VirError {
  return new VirError(ErrorCodes[code][0], formatErrorMessage(code, detail), ErrorDomains[domain]);
}

/** `this function is not supported by the connection driver: virDomainFoo` */
export function unsupported(apiName: string): VirError {
  return virErr('NO_SUPPORT', apiName);
}

/** libvirt's virReportInvalidArg: an INVALID_ARG error whose text is the message alone
 * (`cpuNum in virNodeGetCPUStats only accepts -1 as a negative value`). */
export function invalidArg(message: string): VirError {
  return new VirError(ErrorCodes.INVALID_ARG[0], message);
}
