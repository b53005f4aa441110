import { virErr } from '../core/errors.js';
import type { CommandDef, CommandOptions } from './types.js';
import type { OptSpec } from './spec/types.js';

function shellError(message: string) {
  const e = virErr('INVALID_ARG');
  e.message = message;
  return e;
}

function isPositional(o: OptSpec): boolean {
  if (o.reqOpt) return false;
  return o.type === 'data' || o.type === 'argv' || ((o.type === 'int' || o.type === 'string') && !!o.required);
}

/** Parses a command's words against its option table. */
export function parseCommandArgs(def: CommandDef, args: string[]): CommandOptions {
  const values = new Map<string, string[]>();
  const byName = new Map(def.opts.map((o) => [o.name, o]));
  const put = (o: OptSpec, v: string) => {
    const list = values.get(o.name) ?? [];
    list.push(v);
    values.set(o.name, list);
  };
  const resolve = (name: string): [OptSpec | undefined, string | undefined] => {
    const o = byName.get(name);
    if (o?.type === 'alias' && o.alias) {
      const [target, value] = o.alias.split('=');
      return [byName.get(target), value];
    }
    return [o, undefined];
  };
  let onlyData = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!onlyData && a === '--') {
      onlyData = true;
      continue;
    }
    if (!onlyData && a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const [o, aliasValue] = resolve(name);
      if (!o) throw shellError(`command '${def.name}' doesn't support option --${name}`);
      if (aliasValue !== undefined) put(o, aliasValue);
      else if (o.type === 'bool') put(o, '');
      else if (eq >= 0) put(o, a.slice(eq + 1));
      else if (i + 1 < args.length) put(o, args[++i]);
      else throw shellError(`expected syntax: --${name} <${o.type === 'int' ? 'number' : 'string'}>`);
      continue;
    }
    const o = def.opts.find((x) => isPositional(x) && (x.type === 'argv' || !values.has(x.name)));
    if (!o) throw shellError(`unexpected data '${a}'`);
    put(o, a);
  }
  for (const o of def.opts) {
    if (o.required && !values.has(o.name)) {
      throw shellError(
        isPositional(o) || o.type === 'data'
          ? `command '${def.name}' requires <${o.name}> option`
          : `command '${def.name}' requires --${o.name} option`,
      );
    }
  }
  const first = (n: string) => values.get(n)?.[0];
  const num = (n: string, parse: (s: string) => number | undefined) => {
    const v = first(n);
    if (v === undefined) return undefined;
    const r = parse(v);
    if (r === undefined) throw shellError(`Numeric value '${v}' for <${n}> option is malformed or out of range`);
    return r;
  };
  return {
    has: (n) => values.has(n),
    bool: (n) => values.has(n),
    string: (n) => first(n),
    requiredString: (n) => first(n) ?? '',
    int: (n) => num(n, (s) => (/^[-+]?\d+$/.test(s) && Math.abs(Number(s)) < 2 ** 31 ? Number(s) : undefined)),
    uint: (n) => num(n, (s) => (/^\+?\d+$/.test(s) && Number(s) < 2 ** 32 ? Number(s) : undefined)),
    ulong: (n) => {
      const v = first(n);
      return v === undefined ? undefined : BigInt(v);
    },
    scaled: (n) => {
      const v = first(n);
      return v === undefined ? undefined : BigInt(v);
    },
    argv: (n) => values.get(n) ?? [],
  };
}
