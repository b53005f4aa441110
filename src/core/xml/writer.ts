/**
 * A value libvirt prints with plain virBufferAsprintf, not virBufferEscapeString: written as
 * it is, so a '&', '<' or quote in it makes the same malformed XML libvirt's output has.
 */
export class Unescaped {
  constructor(readonly text: string) {}
}

export const unescaped = (s: string | undefined): Unescaped | undefined => (s === undefined ? undefined : new Unescaped(s));

/** Attribute list in output order; undefined values are left out, as libvirt's formatters do. */
export type Attrs = ReadonlyArray<readonly [string, string | number | undefined | null | Unescaped]>;

/** Escapes text and attribute values the way libvirt's virBufferEscapeString does. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&apos;',
  );
}

function attrString(attrs: Attrs): string {
  let s = '';
  for (const [k, v] of attrs) {
    if (v !== undefined && v !== null) s += ` ${k}='${v instanceof Unescaped ? v.text : escapeXml(String(v))}'`;
  }
  return s;
}

/**
 * Builds XML in libvirt's canonical layout: two-space indent, single-quoted attributes,
 * self-closing empty elements, one element per line.
 */
export class XmlWriter {
  private out: string[] = [];
  private depth = 0;

  constructor(initialDepth = 0) {
    this.depth = initialDepth;
  }

  private pad(): string {
    return '  '.repeat(this.depth);
  }

  open(name: string, attrs: Attrs = []): this {
    this.out.push(`${this.pad()}<${name}${attrString(attrs)}>`);
    this.depth++;
    return this;
  }

  close(name: string): this {
    this.depth--;
    this.out.push(`${this.pad()}</${name}>`);
    return this;
  }

  /** `<name attrs/>`, or `<name attrs>text</name>` when text is given. */
  leaf(name: string, attrs: Attrs = [], text?: string | number): this {
    const a = attrString(attrs);
    if (text === undefined) this.out.push(`${this.pad()}<${name}${a}/>`);
    else this.out.push(`${this.pad()}<${name}${a}>${escapeXml(String(text))}</${name}>`);
    return this;
  }

  /** Leaf only when text is defined. */
  optLeaf(name: string, text: string | number | undefined, attrs: Attrs = []): this {
    if (text !== undefined) this.leaf(name, attrs, text);
    return this;
  }

  /** Pre-formatted lines (already indented relative to column 0 of this element's depth). */
  raw(block: string): this {
    for (const line of block.split('\n')) if (line !== '') this.out.push(this.pad() + line);
    return this;
  }

  toString(): string {
    return this.out.length ? this.out.join('\n') + '\n' : '';
  }
}
