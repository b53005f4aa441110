import type { TypedParam } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';

const TYPE_NAMES = ['', 'int', 'uint', 'llong', 'ullong', 'double', 'boolean', 'string'];

/** virTypedParamsValidate: every field known, of the expected type, and not repeated. */
export function validateParams(params: TypedParam[], allowed: Record<string, number>): void {
  const seen = new Set<string>();
  for (const p of params) {
    const want = allowed[p.field];
    if (want === undefined) throw virErr('ARGUMENT_UNSUPPORTED', `parameter '${p.field}' not supported`);
    if (want !== p.type) {
      throw virErr(
        'INVALID_ARG',
        `invalid type '${TYPE_NAMES[p.type]}' for parameter '${p.field}', expected '${TYPE_NAMES[want]}'`,
      );
    }
    if (seen.has(p.field)) throw virErr('INVALID_ARG', `parameter '${p.field}' occurs multiple times`);
    seen.add(p.field);
  }
}
