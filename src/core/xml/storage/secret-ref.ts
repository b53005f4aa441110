import { virErr } from '../../errors.js';
import type { XNode } from '../tree.js';
import type { XmlWriter } from '../writer.js';
import { parseUUID } from '../ids.js';

/** virSecretLookupTypeDef: a secret named by UUID or by usage. */
export type SecretRef = { uuid: string } | { usage: string };

/** virSecretLookupParseSecret on a <secret> element. */
export function parseSecretRef(node: XNode): SecretRef {
  const uuid = node.attrs.uuid;
  const usage = node.attrs.usage;
  if (uuid === undefined && usage === undefined) throw virErr('XML_ERROR', 'missing secret uuid or usage attribute');
  if (uuid !== undefined && usage !== undefined) throw virErr('XML_ERROR', 'either secret uuid or usage expected');
  if (uuid !== undefined) {
    const parsed = parseUUID(uuid);
    if (!parsed) throw virErr('XML_ERROR', `invalid secret uuid '${uuid}'`);
    return { uuid: parsed };
  }
  return { usage: usage as string };
}

/** virSecretLookupFormatSecret. */
export function writeSecretRef(w: XmlWriter, type: string | undefined, ref: SecretRef): void {
  w.leaf('secret', [['type', type], 'uuid' in ref ? ['uuid', ref.uuid] : ['usage', ref.usage]]);
}
