/**
 * The document model XPath runs over: libxml2's node kinds with parents, namespaces and
 * document order, built from a well-formed document the way virshDumpXML parses it
 * (xmlKeepBlanksDefault(0): formatting whitespace between elements is dropped).
 */

export interface NsDef {
  prefix: string | undefined;
  uri: string;
}

interface Base {
  parent: XElement | XDocument | undefined;
  /** Position in document order (attributes right after their element). */
  order: number;
}

export interface XDocument extends Base {
  kind: 'document';
  children: XChild[];
}

export interface XElement extends Base {
  kind: 'element';
  prefix: string | undefined;
  local: string;
  /** Namespace URI the prefix (or default namespace) resolves to. */
  ns: string | undefined;
  nsDefs: NsDef[];
  attrs: XAttr[];
  children: XChild[];
}

export interface XAttr extends Base {
  kind: 'attribute';
  prefix: string | undefined;
  local: string;
  ns: string | undefined;
  value: string;
}

export interface XText extends Base {
  /** entity-ref: an undeclared entity reference node (only xmlNodeSetContent makes them). */
  kind: 'text' | 'cdata' | 'comment' | 'entity-ref';
  value: string;
}

export interface XPi extends Base {
  kind: 'pi';
  target: string;
  value: string;
}

export type XChild = XElement | XText | XPi;
export type XNodeAny = XDocument | XChild | XAttr;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function qname(n: { prefix: string | undefined; local: string }): string {
  return n.prefix ? `${n.prefix}:${n.local}` : n.local;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? m;
  });
}

/** XML attribute-value normalization: literal white space becomes a space, references stay. */
function decodeAttr(s: string): string {
  return decode(s.replace(/[\t\n\r]/g, ' '));
}

const isBlank = (s: string) => /^[ \t\n\r]*$/.test(s);

/** Raw pieces of one element's content before the blank-dropping rule is applied. */
type Piece = { text: string } | { node: XChild };

class Builder {
  private i = 0;
  constructor(private readonly s: string) {}

  document(): XDocument {
    const doc: XDocument = { kind: 'document', parent: undefined, order: 0, children: [] };
    while (this.i < this.s.length) {
      if (this.s.startsWith('<?', this.i)) {
        const pi = this.pi();
        if (pi && pi.target.toLowerCase() !== 'xml') doc.children.push(pi);
      } else if (this.s.startsWith('<!--', this.i)) doc.children.push(this.comment());
      else if (this.s.startsWith('<!', this.i)) this.skipDecl();
      else if (this.s[this.i] === '<') doc.children.push(this.element());
      else this.i++;
    }
    return doc;
  }

  private skipDecl(): void {
    let depth = 0;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth === 0) break;
    }
    this.i++;
  }

  private pi(): XPi {
    const end = this.s.indexOf('?>', this.i);
    const body = this.s.slice(this.i + 2, end);
    this.i = end + 2;
    const m = /^(\S+)\s*([\s\S]*)$/.exec(body) ?? ['', body, ''];
    return { kind: 'pi', parent: undefined, order: 0, target: m[1], value: m[2] };
  }

  private comment(): XText {
    const end = this.s.indexOf('-->', this.i);
    const value = this.s.slice(this.i + 4, end);
    this.i = end + 3;
    return { kind: 'comment', parent: undefined, order: 0, value };
  }

  private element(): XElement {
    const m = /^<([^\s/>]+)/.exec(this.s.slice(this.i, this.i + 512));
    const name = m ? m[1] : '';
    this.i += name.length + 1;
    const raw: [string, string][] = [];
    const attrRe = /\s*([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;
    for (;;) {
      attrRe.lastIndex = this.i;
      const a = attrRe.exec(this.s);
      if (!a) break;
      raw.push([a[1], decodeAttr(a[2].slice(1, -1))]);
      this.i = attrRe.lastIndex;
    }
    while (/\s/.test(this.s[this.i])) this.i++;
    const el = newElement(name, raw);
    if (this.s.startsWith('/>', this.i)) {
      this.i += 2;
      return el;
    }
    this.i++;
    const pieces: Piece[] = [];
    while (this.i < this.s.length && !this.s.startsWith('</', this.i)) {
      if (this.s.startsWith('<!--', this.i)) pieces.push({ node: this.comment() });
      else if (this.s.startsWith('<![CDATA[', this.i)) {
        const end = this.s.indexOf(']]>', this.i);
        pieces.push({ node: { kind: 'cdata', parent: undefined, order: 0, value: this.s.slice(this.i + 9, end) } });
        this.i = end + 3;
      } else if (this.s.startsWith('<?', this.i)) pieces.push({ node: this.pi() });
      else if (this.s[this.i] === '<') pieces.push({ node: this.element() });
      else {
        const end = this.s.indexOf('<', this.i);
        const stop = end < 0 ? this.s.length : end;
        pieces.push({ text: decode(this.s.slice(this.i, stop).replace(/\r\n?/g, '\n')) });
        this.i = stop;
      }
    }
    this.i = this.s.indexOf('>', this.i) + 1;
    el.children = keepBlanks(pieces);
    return el;
  }
}

/**
 * libxml2's areBlanks() heuristic with keepBlanks off: white space alone is dropped unless it
 * is an element's whole content or sits next to text already in the element.
 */
function keepBlanks(pieces: Piece[]): XChild[] {
  const out: XChild[] = [];
  pieces.forEach((p, idx) => {
    if ('node' in p) {
      out.push(p.node);
      return;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'text') {
      last.value += p.text;
      return;
    }
    const wholeContent = pieces.length === 1 && idx === 0;
    const nextToText = out[0]?.kind === 'text';
    if (!isBlank(p.text) || wholeContent || nextToText) out.push({ kind: 'text', parent: undefined, order: 0, value: p.text });
  });
  return out;
}

function splitName(name: string): { prefix: string | undefined; local: string } {
  const c = name.indexOf(':');
  return c < 0 ? { prefix: undefined, local: name } : { prefix: name.slice(0, c), local: name.slice(c + 1) };
}

function newElement(name: string, raw: [string, string][]): XElement {
  const el: XElement = { kind: 'element', parent: undefined, order: 0, ...splitName(name), ns: undefined, nsDefs: [], attrs: [], children: [] };
  for (const [k, v] of raw) {
    if (k === 'xmlns') el.nsDefs.push({ prefix: undefined, uri: v });
    else if (k.startsWith('xmlns:')) el.nsDefs.push({ prefix: k.slice(6), uri: v });
    else el.attrs.push({ kind: 'attribute', parent: el, order: 0, ...splitName(k), ns: undefined, value: v });
  }
  return el;
}

/** The namespace a prefix means at `el` (undefined prefix = default namespace). */
export function lookupNs(el: XElement | XDocument | undefined, prefix: string | undefined): string | undefined {
  if (prefix === 'xml') return XML_NS;
  for (let e = el; e && e.kind === 'element'; e = e.parent) {
    const d = e.nsDefs.find((n) => n.prefix === prefix);
    if (d) return d.uri || undefined;
  }
  return undefined;
}

/** Sets parents, namespaces and document order over a freshly built tree. */
function link(doc: XDocument): void {
  let order = 1;
  const visit = (n: XChild, parent: XElement | XDocument) => {
    n.parent = parent;
    n.order = order++;
    if (n.kind !== 'element') return;
    n.ns = lookupNs(n, n.prefix);
    for (const a of n.attrs) {
      a.order = order++;
      a.ns = a.prefix ? lookupNs(n, a.prefix) : undefined;
    }
    for (const c of n.children) visit(c, n);
  };
  for (const c of doc.children) visit(c, doc);
}

/** Parses a well-formed document (check it first) into the XPath model. */
export function parseDom(xml: string): XDocument {
  const doc = new Builder(xml).document();
  link(doc);
  return doc;
}

export function rootElement(doc: XDocument): XElement | undefined {
  return doc.children.find((c): c is XElement => c.kind === 'element');
}

/** XPath string-value of a node. */
export function stringValue(n: XNodeAny): string {
  switch (n.kind) {
    case 'document':
    case 'element':
      return n.children.map((c) => (c.kind === 'element' ? stringValue(c) : c.kind === 'text' || c.kind === 'cdata' ? c.value : '')).join('');
    default:
      return n.value;
  }
}
