/**
 * Schema validation as libvirt's virXMLValidateAgainstSchema does it with libxml2: the
 * document is checked against /usr/share/libvirt/schemas/<file> (compiled from data bundled
 * at build time, so libvirt need not be installed), and a failure is reported as
 * VIR_ERR_XML_INVALID_SCHEMA with libxml2's messages, one a line.
 */
import { virErr } from '../../errors.js';
import { parseDom } from '../xpath/dom.js';
import { compileSchema, type CompiledSchema } from './schema.js';
import { Validator } from './validator.js';

export const SCHEMA_DIR = '/usr/share/libvirt/schemas';

const compiled = new Map<string, CompiledSchema>();

async function schemaFor(file: string): Promise<CompiledSchema> {
  const hit = compiled.get(file);
  if (hit) return hit;
  const { SCHEMA_FILES } = await import('./schemas-data.js');
  const load = (href: string) => {
    const root = SCHEMA_FILES[href];
    if (!root) throw new Error(`schema ${href} is not bundled`);
    return root;
  };
  const schema = compileSchema(load(file), load);
  compiled.set(file, schema);
  return schema;
}

/** The messages libxml2 reports for `xml` against the schema file; undefined when it validates. */
export async function schemaErrors(xml: string, file: string): Promise<string[] | undefined> {
  const schema = await schemaFor(file);
  const v = new Validator();
  const ok = v.validateDocument(parseDom(xml), schema.start);
  return ok ? undefined : v.err.shown;
}

/** Throws libvirt's "Unable to validate doc against …" error when `xml` does not validate. */
export async function validateAgainstSchema(xml: string, file: string): Promise<void> {
  const errors = await schemaErrors(xml, file);
  if (!errors) return;
  throw virErr('XML_INVALID_SCHEMA', `Unable to validate doc against ${SCHEMA_DIR}/${file}\n${errors.join('')}`, 'XML');
}
