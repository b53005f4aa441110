import type { TypedParam } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';

const TYPE_NAMES = ['', 'int', 'uint', 'llong', 'ullong', 'double', 'boolean', 'string'];

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * virTypedParamsValidate: every field known, of the expected type, and not repeated. Both
 * lists are walked sorted by name, so the first offending field in that order is reported.
 */
export function validateParams(params: TypedParam[], allowed: Record<string, number>): void {
  const sorted = [...params].sort((a, b) => byName(a.field, b.field));
  const keys = Object.keys(allowed).sort(byName);
  let i = 0;
  let j = 0;
  let last: string | undefined;
  while (i < sorted.length && j < keys.length) {
    const p = sorted[i];
    if (p.field !== keys[j]) {
      j++;
      continue;
    }
    if (last === p.field) throw virErr('INVALID_ARG', `parameter '${p.field}' occurs multiple times`);
    const want = allowed[p.field];
    if (p.type !== want) {
      throw virErr(
        'INVALID_ARG',
        `invalid type '${TYPE_NAMES[p.type] ?? ''}' for parameter '${p.field}', expected '${TYPE_NAMES[want]}'`,
      );
    }
    last = p.field;
    i++;
  }
  if (i < sorted.length) throw virErr('ARGUMENT_UNSUPPORTED', `parameter '${sorted[i].field}' not supported`);
}
