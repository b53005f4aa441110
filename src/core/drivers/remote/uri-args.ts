import { virErr } from '../../errors.js';
import type { VirURI } from '../../uri/parse.js';

/**
 * The URI query parameters doRemoteOpen consumes itself (EXTRACT_URI_ARG_*): names match
 * case-insensitively and the last occurrence wins.
 */
export class UriArgs {
  constructor(private readonly uri: VirURI | undefined) {}

  str(name: string): string | undefined {
    let value: string | undefined;
    for (const p of this.uri?.params ?? []) if (p.name.toLowerCase() === name) value = p.value;
    return value;
  }

  /** `no_verify=1` style flags: an integer, where non-zero sets the flag. */
  flag(name: string): boolean {
    const value = this.str(name);
    if (value === undefined) return false;
    if (!/^\s*[-+]?\d+$/.test(value)) throw virErr('INVALID_ARG', `Failed to parse value of URI component ${name}`, 'REMOTE');
    return Number(value) !== 0;
  }

  /** doRemoteOpen parses every flag parameter up front, whatever the transport. */
  checkFlags(): this {
    for (const name of ['no_sanity', 'no_verify', 'no_tty']) this.flag(name);
    return this;
  }
}
