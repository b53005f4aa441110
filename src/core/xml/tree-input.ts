import { entityReplacementText } from './wellformed.js';

/**
 * What the parser library reads instead of a well-formed document: the parts of XML it
 * handles differently from libxml2 are resolved beforehand, so the tree holds what libvirt's
 * would.
 */
export function parserInput(xml: string): string {
  // End-of-line handling: CR LF and a lone CR read as LF, everywhere.
  if (xml.includes('\r')) xml = xml.replace(/\r\n?/g, '\n');
  if (xml.includes('<?')) xml = withoutPIs(xml);
  if (/=\s*("[^"]*[\t\n][^"]*"|'[^']*[\t\n][^']*')/.test(xml)) xml = withAttributesNormalized(xml);
  if (xml.includes('<!DOCTYPE')) xml = withEntitiesExpanded(xml);
  if (xml.includes('&#')) xml = withCharRefsDecoded(xml);
  return xml;
}

/**
 * The document without its processing instructions, which carry no data for us and whose
 * free-form text (quotes, say) the parser library misreads. In a well-formed document `<?`
 * starts a PI everywhere but inside comments and CDATA sections.
 */
function withoutPIs(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) => (m[1] === '?' ? '' : m));
}

const PREDEFINED = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/**
 * The document without its DOCTYPE, each reference to an entity of the internal subset
 * replaced by that entity's text (the check found them well-formed and loop-free); an
 * external or undeclared one (allowed next to an external subset) by nothing, as libxml2
 * loads neither.
 */
function withEntitiesExpanded(xml: string): string {
  const doctype = /<!DOCTYPE(?:[^[>"']|"[^"]*"|'[^']*')*(?:\[([\s\S]*?)\]\s*)?>/.exec(xml);
  if (!doctype) return xml;
  const entities = new Map<string, string>();
  const decl = /<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:"([^"]*)"|'([^']*)'|[^>]*)>/g;
  for (const d of (doctype[1] ?? '').matchAll(decl)) {
    if (d[1] || PREDEFINED.has(d[2]) || entities.has(d[2])) continue;
    entities.set(d[2], entityReplacementText(d[3] ?? d[4] ?? ''));
  }
  const expand = (text: string): string =>
    text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&([^\s#;&<]+);/g, (m, name?: string) =>
      name === undefined || PREDEFINED.has(name) ? m : expand(entities.get(name) ?? ''),
    );
  return expand(xml.slice(0, doctype.index) + xml.slice(doctype.index + doctype[0].length));
}

/**
 * Attribute-value normalization: a literal tab or line feed in a value reads as a space (one
 * written as a character reference stays, so this runs before those are decoded).
 */
function withAttributesNormalized(xml: string): string {
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE(?:[^[>"']|"[^"]*"|'[^']*')*(?:\[[\s\S]*?\]\s*)?>|<[A-Za-z_:](?:[^"'>]|"[^"]*"|'[^']*')*>/g;
  return xml.replace(tag, (m) =>
    m[1] === '!' ? m : m.replace(/"[^"]*"|'[^']*'/g, (value) => value.replace(/[\t\n]/g, ' ')),
  );
}

/** Characters a decoded reference must not turn into markup or an attribute's end. */
const ESCAPES: Record<string, string> = { '<': '&lt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Character references (&#65; &#x41;, any number of leading zeros) as the characters they name. */
function withCharRefsDecoded(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|&#(x[0-9a-fA-F]+|[0-9]+);/g, (m, ref?: string) => {
    if (ref === undefined) return m;
    const c = String.fromCodePoint(ref[0] === 'x' ? parseInt(ref.slice(1), 16) : Number(ref));
    return ESCAPES[c] ?? c;
  });
}

