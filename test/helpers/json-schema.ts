// A validator for the part of JSON Schema (2020-12) that schema/json/*.schema.json use. A
// keyword outside that part is an error, so a schema cannot silently say more than is checked.
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'anyOf', 'pattern', 'minimum']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const isType = (v: unknown, t: string) => typeOf(v) === t || (t === 'number' && typeOf(v) === 'integer');

/** The problems of `value` against `schema`, each as `PATH: what`; empty when it conforms. */
export function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const k of Object.keys(schema)) if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`${path}: unsupported schema keyword ${k}`);
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => isType(value, t))) return [`${path}: ${typeOf(value)} is not ${types.join(' or ')}`];
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).some((e) => e === value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of the enum`);
  if (schema.anyOf !== undefined && !(schema.anyOf as Schema[]).some((s) => validate(s, value, path).length === 0))
    problems.push(`${path}: matches none of anyOf`);
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern as string, 'u').test(value))
    problems.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < (schema.minimum as number))
    problems.push(`${path}: ${value} is below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((v, i) => problems.push(...validate(schema.items as Schema, v, `${path}[${i}]`)));
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const k of (schema.required ?? []) as string[]) if (!Object.hasOwn(obj, k)) problems.push(`${path}: missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      if (Object.hasOwn(props, k)) problems.push(...validate(props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected key ${k}`);
    }
  }
  return problems;
}
