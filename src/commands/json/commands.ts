import type { CommandSpec, OptSpec } from '../spec/types.js';

/**
 * The commands that print their result as JSON with `--json`, a virsh-ts extension (virsh
 * refuses the option). Each has a JSON Schema, schema/json/<command>.schema.json, and its
 * handler prints through emit() (json/emit.ts).
 */
export const jsonCommands: ReadonlySet<string> = new Set([
  'list',
  'dominfo',
  'domstate',
  'domblklist',
  'domiflist',
  'nodeinfo',
  'version',
  'net-list',
  'net-info',
  'pool-list',
  'pool-info',
  'vol-list',
  'vol-info',
  'snapshot-list',
  'checkpoint-list',
  'iface-list',
  'nodedev-list',
  'secret-list',
]);

const jsonOption: OptSpec = {
  name: 'json',
  type: 'bool',
  help: 'print the result as JSON (virsh-ts extension; keys are stable and never translated)',
  extension: true,
};

/**
 * A command's table with virsh-ts's extension options added: `--json` goes before a trailing
 * argv option (an argv option stays last, as vsh requires).
 */
export function withExtensions<T extends CommandSpec>(spec: T): T {
  if (!jsonCommands.has(spec.name)) return spec;
  const opts = [...spec.opts];
  const at = opts.length && opts[opts.length - 1].type === 'argv' ? opts.length - 1 : opts.length;
  opts.splice(at, 0, jsonOption);
  return { ...spec, opts };
}
