import type { Check } from './checks.js';

/**
 * One Connection method as libvirt's public API sees it: the API's name (as its errors
 * print it) and the checks the library makes, in libvirt's order, before any driver runs.
 */
export interface Row {
  /** The libvirt API; a function when one method stands for a plain call and its *Flags
   * twin (virsh calls the plain one when it has no flags to pass). */
  api: string | ((args: readonly unknown[]) => string);
  checks: readonly Check[];
}

/** One row per method of an API group; the compiler refuses a table that misses one. */
export type Table<Api> = { readonly [K in keyof Api]-?: Row };

export function row(api: Row['api'], ...checks: Check[]): Row {
  return { api, checks };
}

/** The plain API when the call carries no flags (argument `flagsAt`), else its *Flags twin. */
export function plainUnlessFlags(plain: string, withFlags: string, ...flagArgs: number[]): Row['api'] {
  return (args) => (flagArgs.some((i) => args[i] !== undefined && args[i] !== null && args[i] !== 0) ? withFlags : plain);
}
