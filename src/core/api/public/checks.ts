import { invalidArg, virErr, type VirError } from '../../errors.js';

/** What a check sees: the call's arguments, the public API's name, the connection's mode. */
export interface CallContext {
  args: readonly unknown[];
  fn: string;
  readonly: boolean;
}

/** One of the public API's checks; returns the error that stops the call, if any. */
export type Check = (call: CallContext) => VirError | undefined;

/** Reads one value out of the arguments (an argument, a length, a flag test). */
export type Getter = (args: readonly unknown[]) => unknown;

export const arg =
  (i: number): Getter =>
  (args) =>
    args[i];

/** The element count C callers pass next to an array (nparams, nkeycodes, ncpus). */
export const count =
  (i: number): Getter =>
  (args) =>
    (args[i] as readonly unknown[] | null | undefined)?.length ?? 0;

/** The read-only checks, so a table row can be asked whether it refuses read-only callers. */
const readOnlyChecks = new WeakSet<Check>();

export function isReadOnlyCheck(check: Check): boolean {
  return readOnlyChecks.has(check);
}

/** virCheckReadOnlyGoto: state-changing calls are refused on read-only connections. */
export const READ_ONLY: Check = ({ fn, readonly }) =>
  readonly ? virErr('OPERATION_DENIED', `read only access prevents ${fn}`) : undefined;
readOnlyChecks.add(READ_ONLY);

/** virCheckReadOnlyGoto under a condition (only some uses of the call are privileged). */
export function readOnlyWhen(cond: (args: readonly unknown[]) => boolean): Check {
  const check: Check = (call) => (cond(call.args) ? READ_ONLY(call) : undefined);
  readOnlyChecks.add(check);
  return check;
}

/** The secure-XML refusal: a read-only connection may not see secrets in XML. */
export function secureXml(flagsAt: number, secureBits: number, what: string): Check {
  return ({ args, readonly }) =>
    readonly && (Number(args[flagsAt]) & secureBits) !== 0 ? virErr('OPERATION_DENIED', `${what} with secure flag`) : undefined;
}

function argCheck(test: (v: unknown) => boolean, text: string) {
  return (name: string, get: Getter): Check =>
    ({ args, fn }) =>
      test(get(args)) ? invalidArg(text.replace('%s', name).replace('%f', fn)) : undefined;
}

/** virCheckNonNullArgGoto */
export const nonNull = argCheck((v) => v === null || v === undefined, '%s in %f must not be NULL');
/** virCheckNullArgGoto */
export const mustBeNull = argCheck((v) => v !== null && v !== undefined, '%s in %f must be NULL');
/** virCheckPositiveArgGoto */
export const positive = argCheck((v) => Number(v) <= 0, '%s in %f must be greater than zero');
/** virCheckNonZeroArgGoto */
export const nonZero = argCheck((v) => v === 0 || v === 0n, '%s in %f must not be zero');
/** virCheckNonNegativeArgGoto */
export const nonNegative = argCheck((v) => Number(v) < 0, '%s in %f must be zero or greater');

/** virCheckNonEmptyStringArgGoto */
export function nonEmptyString(name: string, get: Getter): Check {
  const notNull = nonNull(name, get);
  return (call) =>
    notNull(call) ?? (get(call.args) === '' ? invalidArg(`string ${name} in ${call.fn} must not be empty`) : undefined);
}

/** A named flag bit, as libvirt's messages spell it. */
export type Flag = readonly [bit: number, name: string];

/** VIR_EXCLUSIVE_FLAGS_GOTO */
export function exclusive(flagsAt: number, a: Flag, b: Flag): Check {
  return ({ args }) => {
    const flags = Number(args[flagsAt]);
    return flags & a[0] && flags & b[0] ? invalidArg(`Flags '${a[1]}' and '${b[1]}' are mutually exclusive`) : undefined;
  };
}

/** VIR_REQUIRE_FLAG_GOTO: `flag` needs `required`. */
export function requires(flagsAt: number, flag: Flag, required: Flag): Check {
  return ({ args }) => {
    const flags = Number(args[flagsAt]);
    return flags & flag[0] && !(flags & required[0]) ? invalidArg(`Flag '${required[1]}' is required by flag '${flag[1]}'`) : undefined;
  };
}

/** A check only some calls make (libvirt's switch on a type or mode argument). */
export function when(cond: (args: readonly unknown[]) => boolean, ...checks: Check[]): Check {
  return (call) => {
    if (!cond(call.args)) return undefined;
    for (const c of checks) {
      const e = c(call);
      if (e) return e;
    }
    return undefined;
  };
}

/** virMemoryMaxValue(true) / 1024: the KiB whose bytes still fit off_t. */
const MEMORY_MAX_KIB = 9223372036854775807n / 1024n;

/** The memory setters' bound (virDomainSetMemory* and virDomainSetMaxMemory). */
export function memoryFits(get: Getter): Check {
  return ({ args }) => {
    const kib = BigInt(get(args) as bigint);
    return kib >= MEMORY_MAX_KIB ? virErr('OVERFLOW', `input too large: ${kib}`) : undefined;
  };
}

/** virReportInvalidArg with the API's own message. */
export function invalid(cond: (args: readonly unknown[]) => boolean, message: (fn: string, args: readonly unknown[]) => string): Check {
  return ({ args, fn }) => (cond(args) ? invalidArg(message(fn, args)) : undefined);
}
