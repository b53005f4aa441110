import type { CommandOptions } from '../types.js';
import type { ParsedOpt } from './parser.js';
import { ShellError } from './errors.js';
import {
  scaleIntegerResult,
  strToInt,
  strToLongLong,
  strToUInt,
  strToULongLong,
  strToULongLongPrefix,
} from '../../core/strtol.js';

const malformed = (value: string, name: string) =>
  new ShellError(`Numeric value '${value}' for <${name}> option is malformed or out of range`);

/**
 * The typed getters over one parsed command (vshCommandOpt*). A getter returns undefined
 * when the option is absent and throws ShellError, with virsh's message, when its value
 * does not convert; the shell prints it and the command fails.
 */
export function commandOptions(opts: readonly ParsedOpt[]): CommandOptions {
  const find = (name: string) => opts.find((o) => o.def.name === name);
  const data = (name: string) => find(name)?.value;
  const numeric = <T>(name: string, convert: (v: string) => T | undefined): T | undefined => {
    const v = data(name);
    if (v === undefined) return undefined;
    const r = convert(v);
    if (r === undefined) throw malformed(v, name);
    return r;
  };
  /** vshCommandOptStringReq: an empty value is an error unless the option allows it. */
  const string = (name: string) => {
    const o = find(name);
    if (o?.value === undefined) return undefined;
    if (o.value === '' && !o.def.emptyOk) throw new ShellError(`Failed to get option '${name}': Option argument is empty`);
    return o.value;
  };
  return {
    has: (name) => find(name) !== undefined,
    bool: (name) => find(name) !== undefined,
    string,
    requiredString: (name) => {
      const v = string(name);
      if (v === undefined) throw new ShellError(`Failed to get option '${name}': Mandatory option not present`);
      return v;
    },
    stringQuiet: (name) => {
      const o = find(name);
      if (o?.value === undefined || (o.value === '' && !o.def.emptyOk)) return undefined;
      return o.value;
    },
    int: (name) => numeric(name, (v) => strToInt(v)),
    uint: (name, wrap = false) => numeric(name, (v) => strToUInt(v, wrap)),
    ulong: (name, wrap = false) => numeric(name, (v) => strToULongLong(v, wrap)),
    longlong: (name) => numeric(name, (v) => strToLongLong(v)),
    scaled: (name, scale, max, label = name) => {
      const v = data(name);
      if (v === undefined) return undefined;
      const fail = `Scaled numeric value '${v}' for <${label}> option is malformed or out of range`;
      const parsed = strToULongLongPrefix(v);
      if (!parsed) throw new ShellError(fail);
      const r = scaleIntegerResult(parsed.value, parsed.rest, BigInt(scale), max);
      if (typeof r !== 'bigint') throw new ShellError(fail, r);
      return r;
    },
    raw: data,
    argv: (name) => opts.filter((o) => o.def.name === name && o.def.type === 'argv').map((o) => o.value ?? ''),
  };
}
