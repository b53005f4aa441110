/**
 * A well-formedness checker that fails the way libxml2 2.9 does: the same first fatal error
 * message, at the same input position. libvirt prints that message with the offending line
 * and a pointer under the position, and scripts see exactly that text, so the position rules
 * below follow libxml2's parser (where it reads, what it skips before it reports).
 */

import { writeStderr } from '../stdio.js';
import { isKnownEncoding } from './encodings.js';
import { decodeRawBytes, encodeRawBytes } from './raw-bytes.js';

export class XmlSyntaxError extends Error {
  /** Index into the checked string where libxml2's cursor stood when it reported. */
  readonly pos: number;
  /**
   * The replacement text of an internal entity, when the error is inside it: libxml2 parses
   * that text as an input of its own, which has no name, and `pos` indexes into it.
   */
  readonly entityText: string | undefined;
  /** Where libxml2's line counter stood, when it ran ahead of the cursor. */
  readonly linePos: number | undefined;

  constructor(message: string, pos: number, entityText?: string, linePos?: number) {
    super(message);
    this.pos = pos;
    this.entityText = entityText;
    this.linePos = linePos;
  }
}

/** A general entity of the internal DTD subset: its replacement text, or none when external. */
interface EntityDecl {
  text: string | undefined;
  /** An external entity with NDATA: never to be referenced. */
  unparsed?: boolean;
  /** Entity references its first parse made, plus one (libxml2's `checked / 2`). */
  weight?: number;
}

/** What the DTD told the parser about entities, shared with the checkers of entity texts. */
interface Dtd {
  entities: Map<string, EntityDecl>;
  /**
   * An external subset (never loaded) or a parameter-entity reference may declare entities
   * libxml2 cannot see: an undeclared one is then only a warning, and expands to nothing.
   */
  lenient: boolean;
  /** Parameter entities: true for an internal one, false for an external one. */
  parameters: Map<string, boolean>;
  /** standalone='yes' in the XML declaration: undeclared entities are errors all the same. */
  standalone?: boolean;
}

const PREDEFINED_CHARS: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** xmlAddEntity: a predefined entity may be redeclared as its own character (for `>'"`) or a reference to it. */
function isPredefinedRedeclarationValid(name: string, text: string | undefined): boolean {
  if (text === undefined) return false;
  const c = PREDEFINED_CHARS[name];
  const code = c.charCodeAt(0);
  if (text === c && '>\'"'.includes(c)) return true;
  if (text.startsWith('&#x')) return text.slice(3).toUpperCase() === code.toString(16).toUpperCase().padStart(2, '0') + ';';
  return text === `&#${String(code % 100).padStart(2, '0')};`;
}

/** libxml2 gives up on entities nested deeper than this (its loop detection). */
const MAX_ENTITY_DEPTH = 40;

/** A literal entity value with its character references replaced (done at declaration). */
export function entityReplacementText(literal: string): string {
  return literal.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (_, v: string) =>
    String.fromCodePoint(v[0] === 'x' ? parseInt(v.slice(1), 16) : Number(v)),
  );
}

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** XML 1.0 (5th edition) NameStartChar, which libxml2 uses unless told XML_PARSE_OLD10. */
const NAME_START_RANGES: readonly [number, number][] = [
  [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x2ff], [0x370, 0x37d], [0x37f, 0x1fff], [0x200c, 0x200d],
  [0x2070, 0x218f], [0x2c00, 0x2fef], [0x3001, 0xd7ff], [0xf900, 0xfdcf], [0xfdf0, 0xfffd], [0x10000, 0xeffff],
];

const inRanges = (code: number, ranges: readonly [number, number][]) => ranges.some(([lo, hi]) => code >= lo && code <= hi);

function isNameStart(c: string): boolean {
  if (c === '') return false;
  const code = c.codePointAt(0)!;
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    c === '_' ||
    c === ':' ||
    (code >= 0xc0 && inRanges(code, NAME_START_RANGES))
  );
}

function isNameChar(c: string): boolean {
  if (isNameStart(c)) return true;
  const code = c.codePointAt(0);
  return (
    code !== undefined &&
    ((code >= 0x30 && code <= 0x39) ||
      c === '-' ||
      c === '.' ||
      code === 0xb7 ||
      (code >= 0x300 && code <= 0x36f) ||
      code === 0x203f ||
      code === 0x2040)
  );
}

/** libxml2's IS_BYTE_CHAR: any byte but the C0 controls other than tab, LF and CR. */
const isByteChar = (c: string) => c !== '' && (c >= ' ' || c === '\t' || c === '\n' || c === '\r');

/** XML 1.0 Char production. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** A byte of an ill-formed UTF-8 sequence, as raw-bytes.ts keeps it. */
const isRawByte = (c: string) => c.length === 1 && c.charCodeAt(0) >= 0xdc80 && c.charCodeAt(0) <= 0xdcff;

const hex2 = (b: number) => '0x' + b.toString(16).toUpperCase().padStart(2, '0');

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

interface OpenTag {
  name: string;
  line: number;
}

/**
 * The local part of a qualified name, which libxml2's namespace-aware parser names in its
 * messages (`p:name` is `name`); a name that is not a valid QName is named whole.
 */
function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon > 0 && isNameStart(qname[colon + 1] ?? '') && qname[colon + 1] !== ':' ? qname.slice(colon + 1) : qname;
}

class Checker {
  private pos = 0;
  private readonly stack: OpenTag[] = [];
  /** libxml2's nbentities: entity references parsed in this input (and the entities they pulled in). */
  private nbentities = 0;

  /**
   * `entity`: set when checking an internal entity's replacement text (content, not a
   * document), with its nesting depth.
   */
  constructor(
    private readonly s: string,
    private readonly dtd: Dtd = { entities: new Map(), lenient: false, parameters: new Map() },
    private readonly entity?: { depth: number },
  ) {}

  private cur(): string {
    return this.s[this.pos] ?? '';
  }

  private at(offset: number): string {
    return this.s[this.pos + offset] ?? '';
  }

  private startsWith(t: string): boolean {
    return this.s.startsWith(t, this.pos);
  }

  private fail(message: string, pos = this.pos, linePos?: number): never {
    throw new XmlSyntaxError(message, pos, this.entity ? this.s : undefined, linePos);
  }

  private lineAt(pos: number): number {
    let line = 1;
    for (let i = 0; i < pos && i < this.s.length; i++) if (this.s[i] === '\n') line++;
    return line;
  }

  /**
   * libxml2's CUR_CHAR (xmlCurrentChar), used where it reads characters rather than bytes:
   * the character at the cursor, or '' where it sees the end of input (a bad sequence in
   * the last three bytes, taken for a character cut off). It reports a bad UTF-8 sequence,
   * or a well-formed one outside the Char range, before its caller looks at the character.
   */
  private char(): string {
    const c = this.cur();
    const code = c.charCodeAt(0);
    if (!(code >= 0x80)) return c;
    if (isRawByte(c)) return this.rawChar();
    const cp = this.s.codePointAt(this.pos)!;
    if (cp === 0xfffe || cp === 0xffff) this.fail(`Char 0x${cp.toString(16).toUpperCase()} out of allowed range`);
    return String.fromCodePoint(cp);
  }

  /** xmlCurrentChar on bytes that are not UTF-8: libxml2's own reading of the sequence. */
  private rawChar(): string {
    const rest = encodeRawBytes(this.s.slice(this.pos));
    const b = (i: number) => rest[i] ?? 0;
    const cont = (i: number) => (b(i) & 0xc0) === 0x80;
    const c = b(0);
    let val = -1;
    if ((c & 0x40) !== 0 && c !== 0xc0 && cont(1)) {
      if ((c & 0xe0) !== 0xe0) val = ((c & 0x1f) << 6) | (b(1) & 0x3f);
      else if (!cont(2)) val = -1;
      else if ((c & 0xf0) !== 0xf0) val = ((c & 0xf) << 12) | ((b(1) & 0x3f) << 6) | (b(2) & 0x3f);
      else if ((c & 0xf8) === 0xf0 && cont(3))
        val = ((c & 0x7) << 18) | ((b(1) & 0x3f) << 12) | ((b(2) & 0x3f) << 6) | (b(3) & 0x3f);
      const min = (c & 0xe0) !== 0xe0 ? 0x80 : (c & 0xf0) !== 0xf0 ? 0x800 : 0x10000;
      if (val < min) val = -1;
    }
    if (val >= 0) this.fail(`Char 0x${val.toString(16).toUpperCase()} out of allowed range`);
    if (rest.length < 4) return '';
    const bytes = [0, 1, 2, 3].map((i) => hex2(b(i))).join(' ');
    this.fail(`Input is not proper UTF-8, indicate encoding !\nBytes: ${bytes}`);
  }

  private skipBlanks(): number {
    const start = this.pos;
    while (isBlank(this.cur())) this.pos++;
    return this.pos - start;
  }

  private parseName(): string | undefined {
    if (!isNameStart(this.char())) return undefined;
    const start = this.pos;
    for (let c = this.char(); isNameChar(c); c = this.char()) this.pos += c.length;
    return this.s.slice(start, this.pos);
  }

  check(): void {
    if (this.s.length === 0) this.fail('Document is empty');
    // A UTF-8 byte order mark is skipped when the input has the four bytes libxml2 sniffs.
    if (this.s.startsWith('\ufeff') && encodeRawBytes(this.s.slice(0, 2)).length >= 4) this.pos = 1;
    if (this.startsWith('<?xml') && isBlank(this.at(5))) this.parseXmlDecl();
    this.parseMisc();
    if (this.startsWith('<!DOCTYPE')) {
      this.parseDoctype();
      this.parseMisc();
    }
    if (this.cur() !== '<') this.fail("Start tag expected, '<' not found");
    this.parseElement();
    this.parseMisc();
    if (this.pos < this.s.length) this.fail('Extra content at the end of the document');
  }

  /** xmlParseXMLDecl: version, then optional encoding and standalone, then `?>`. */
  private parseXmlDecl(): void {
    this.pos += 5;
    this.skipBlanks();
    const version = this.parseVersionInfo();
    if (version === undefined) this.fail('Malformed declaration expecting version');
    // Any 1.x is only warned about, and libvirt reports fatal errors alone.
    if (!version.startsWith('1.')) this.fail(`Unsupported version '${version}'`);
    if (!isBlank(this.cur())) {
      if (this.startsWith('?>')) return void (this.pos += 2);
      this.fail('Blank needed here');
    }
    const encoding = this.parseEncodingDecl();
    // Only an encoding other than UTF-8/UTF-16 is recorded on the input, and needs the blank.
    if (encoding !== undefined && !/^utf-?(8|16)$/i.test(encoding) && !isBlank(this.cur())) {
      if (this.startsWith('?>')) return void (this.pos += 2);
      this.fail('Blank needed here');
    }
    this.skipBlanks();
    this.parseSDDecl();
    this.skipBlanks();
    if (this.startsWith('?>')) this.pos += 2;
    else this.fail("parsing XML declaration: '?>' expected");
  }

  /** `KEY = 'VALUE'` with libxml2's errors; `value` reads the inside and leaves the cursor after it. */
  private parsePseudoAttr<T>(key: string, value: () => T): T | undefined {
    if (!this.startsWith(key)) return undefined;
    this.pos += key.length;
    this.skipBlanks();
    if (this.cur() !== '=') this.fail("expected '='");
    this.pos++;
    this.skipBlanks();
    const q = this.cur();
    if (q !== '"' && q !== "'") this.fail("String not started expecting ' or \"");
    this.pos++;
    const v = value();
    if (this.cur() !== q) this.fail("String not closed expecting \" or '");
    this.pos++;
    return v;
  }

  /** xmlParseVersionInfo: undefined when absent or not DIGIT '.' DIGIT*. */
  private parseVersionInfo(): string | undefined {
    return (
      this.parsePseudoAttr('version', () => {
        const start = this.pos;
        if (!/[0-9]/.test(this.cur())) return undefined;
        this.pos++;
        if (this.cur() !== '.') return undefined;
        this.pos++;
        while (/[0-9]/.test(this.cur())) this.pos++;
        return this.s.slice(start, this.pos);
      }) ?? undefined
    );
  }

  /** xmlParseEncodingDecl: the name, which must be one libxml2 (through iconv) can convert. */
  private parseEncodingDecl(): string | undefined {
    this.skipBlanks();
    const name = this.parsePseudoAttr('encoding', () => {
      const start = this.pos;
      if (!/[A-Za-z]/.test(this.cur())) this.fail('Invalid XML encoding name');
      while (/[A-Za-z0-9._-]/.test(this.cur())) this.pos++;
      return this.s.slice(start, this.pos);
    });
    if (name !== undefined && !isKnownEncoding(name)) this.fail(`Unsupported encoding ${name}`);
    return name;
  }

  /** xmlParseSDDecl: standalone='yes' or 'no'. */
  private parseSDDecl(): void {
    this.parsePseudoAttr('standalone', () => {
      if (this.startsWith('no')) this.pos += 2;
      else if (this.startsWith('yes')) {
        this.pos += 3;
        this.dtd.standalone = true;
      }
      else this.fail("standalone accepts only 'yes' or 'no'");
    });
  }

  private parseMisc(): void {
    for (;;) {
      this.skipBlanks();
      if (this.startsWith('<?')) this.parsePI();
      else if (this.startsWith('<!--')) this.parseComment();
      else return;
    }
  }

  /** xmlParseDocTypeDecl: name, external ID, internal subset. */
  private parseDoctype(): void {
    this.pos += 9;
    this.skipBlanks();
    if (this.parseName() === undefined) this.fail('xmlParseDocTypeDecl : no DOCTYPE name !');
    this.skipBlanks();
    if (this.startsWith('SYSTEM') || this.startsWith('PUBLIC')) {
      this.parseExternalId();
      this.dtd.lenient = true;
      this.skipBlanks();
    }
    if (this.cur() === '[') {
      this.pos++;
      this.parseInternalSubset();
    }
    this.skipBlanks();
    if (this.cur() !== '>') this.fail('DOCTYPE improperly terminated');
    this.pos++;
  }

  /** xmlParseExternalID (strict): `SYSTEM "uri"` or `PUBLIC "pubid" "uri"`. */
  private parseExternalId(): void {
    const pub = this.startsWith('PUBLIC');
    this.pos += 6;
    if (this.skipBlanks() === 0) this.fail(`Space required after '${pub ? 'PUBLIC' : 'SYSTEM'}'`);
    if (pub) {
      this.parseLiteral((c) => /[a-zA-Z0-9 \r\n\-'()+,./:=?;!*#@$_%]/.test(c));
      if (this.skipBlanks() === 0) this.fail('Space required after the Public Identifier');
    }
    this.parseLiteral((c) => c !== '' && isXmlChar(c.codePointAt(0)!));
  }

  /** A system or public literal whose characters pass `allowed`. */
  private parseLiteral(allowed: (c: string) => boolean): void {
    const q = this.cur();
    if (q !== '"' && q !== "'") this.fail(`SystemLiteral " or ' expected`);
    this.pos++;
    for (let c = this.char(); c !== q; c = this.char()) {
      if (!allowed(c)) this.fail(`Unfinished System or Public ID " or ' expected`);
      this.pos += c.length;
    }
    this.pos++;
  }

  /** Moves to the first of `stops` outside quoted literals (or the end). */
  private skipDeclaration(stops: string[]): void {
    while (this.pos < this.s.length && !stops.includes(this.cur())) {
      const q = this.cur();
      if (q === '"' || q === "'") {
        const end = this.s.indexOf(q, this.pos + 1);
        this.pos = end < 0 ? this.s.length : end + 1;
      } else this.pos++;
    }
  }

  /** xmlParseInternalSubset: markup declarations up to `]`. */
  private parseInternalSubset(): void {
    for (;;) {
      this.skipBlanks();
      if (this.cur() === ']') {
        this.pos++;
        return;
      }
      if (this.startsWith('<!ENTITY')) this.parseEntityDecl();
      else if (this.startsWith('<!--')) this.parseComment();
      else if (this.startsWith('<?')) this.parsePI();
      else if (this.startsWith('<!ELEMENT')) this.parseElementDecl();
      else if (/^<!(ATTLIST|NOTATION)/.test(this.s.slice(this.pos, this.pos + 10))) {
        this.pos += 2;
        this.skipDeclaration(['>', '<', ']']);
        if (this.cur() !== '>') this.fail("expected '>'");
        this.pos++;
      } else if (this.cur() === '%') {
        this.parsePEReference();
      } else {
        this.fail('internal error: xmlParseInternalSubset: error detected in Markup declaration\n');
      }
    }
  }

  /** xmlParseElementDecl: `<!ELEMENT name EMPTY|ANY|(model)>` (the model's inside is not checked). */
  private parseElementDecl(): void {
    this.pos += 9;
    if (this.skipBlanks() === 0) this.fail("Space required after 'ELEMENT'");
    if (this.parseName() === undefined) this.fail('xmlParseElementDecl: no name for Element');
    if (this.skipBlanks() === 0) this.fail('Space required after the element name');
    if (this.startsWith('EMPTY')) this.pos += 5;
    else if (this.startsWith('ANY')) this.pos += 3;
    else if (this.cur() === '(') {
      let depth = 0;
      do {
        const c = this.cur();
        if (c === '' || c === '>') this.fail("expected '>'");
        if (c === '(') depth++;
        else if (c === ')') depth--;
        this.pos++;
      } while (depth > 0);
      if ('?*+'.includes(this.cur()) && this.cur() !== '') this.pos++;
    } else this.fail("xmlParseElementDecl: 'EMPTY', 'ANY' or '(' expected");
    this.skipBlanks();
    if (this.cur() !== '>') this.fail("expected '>'");
    this.pos++;
  }

  /**
   * xmlParsePEReference between declarations: an undeclared one is fatal where undeclared
   * entities are; any but a (never loaded) external one lets later entities go undeclared.
   */
  private parsePEReference(): void {
    this.pos++;
    const name = this.parseName();
    if (name === undefined) this.fail('PEReference: no name');
    if (this.cur() !== ';') this.fail('PEReference: expecting \';\'');
    this.pos++;
    const internal = this.dtd.parameters.get(name);
    if (internal === false) return;
    if (internal === undefined && (this.dtd.standalone || !this.dtd.lenient)) this.fail(`PEReference: %${name}; not found`);
    this.dtd.lenient = true;
  }

  /** xmlParseStringCharRef on a character reference of an entity value (after its `&#`). */
  private checkStringCharRef(ref: string): void {
    const hex = ref.startsWith('x');
    const digits = hex ? ref.slice(1) : ref;
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
      this.fail(hex ? 'CharRef: invalid hexadecimal value' : 'CharRef: invalid decimal value');
    }
    const value = Math.min(parseInt(digits, hex ? 16 : 10), 0x110000);
    if (value >= 0x110000) this.fail('xmlParseStringCharRef: character reference out of bounds');
    if (!isXmlChar(value)) this.fail(`xmlParseStringCharRef: invalid xmlChar value ${value}`);
  }

  /** xmlParseEntityDecl: `<!ENTITY [%] name ("value" | SYSTEM/PUBLIC ids [NDATA n])>`. */
  private parseEntityDecl(): void {
    this.pos += 8;
    if (this.skipBlanks() === 0) this.fail("Space required after '<!ENTITY'");
    const parameter = this.cur() === '%';
    if (parameter) {
      this.pos++;
      if (this.skipBlanks() === 0) this.fail("Space required after '%'");
    }
    const name = this.parseName();
    if (name === undefined) this.fail('xmlParseEntityDecl: no name');
    if (this.skipBlanks() === 0) this.fail('Space required after the entity name');
    const q = this.cur();
    let decl: EntityDecl = { text: undefined };
    if (q === '"' || q === "'") {
      const end = this.s.indexOf(q, this.pos + 1);
      if (end < 0) {
        this.pos = this.s.length;
        this.fail(`EntityValue: " or ' expected`);
      }
      const literal = this.s.slice(this.pos + 1, end);
      this.pos = end + 1;
      // Every `&` must start a reference (resolved at use, or a character reference now).
      if (/&(?![#A-Za-z_:][^&;\s]*;)/.test(literal)) this.fail("EntityValue: '&' forbidden except for entities references");
      if (/%[A-Za-z_:][^%;\s]*;/.test(literal)) this.fail('PEReferences forbidden in internal subset');
      for (const ref of literal.matchAll(/&#([^;]*);/g)) this.checkStringCharRef(ref[1]);
      decl = { text: entityReplacementText(literal) };
    } else if (this.startsWith('SYSTEM') || this.startsWith('PUBLIC')) {
      this.parseExternalId();
      this.skipBlanks();
      if (!parameter && this.startsWith('NDATA')) {
        decl.unparsed = true;
        this.skipDeclaration(['>']);
      }
    } else {
      this.fail('Entity value required');
    }
    this.skipBlanks();
    if (this.cur() !== '>') this.fail(`xmlParseEntityDecl: entity ${name} not terminated`);
    this.pos++;
    if (parameter) {
      if (!this.dtd.parameters.has(name)) this.dtd.parameters.set(name, decl.text !== undefined);
      return;
    }
    if (PREDEFINED_ENTITIES.has(name)) {
      // libxml2 keeps XML's five; a redeclaration with another value it reports through its
      // generic handler, straight to stderr, and goes on.
      if (!isPredefinedRedeclarationValid(name, decl.text)) writeStderr('error : xmlAddEntity: invalid redeclaration of predefined entity\n');
      return;
    }
    // The first declaration of a name is binding.
    if (!this.dtd.entities.has(name)) this.dtd.entities.set(name, decl);
  }

  private parsePI(): void {
    this.pos += 2;
    const name = this.parseName();
    if (name === undefined) this.fail('xmlParsePI : no target name');
    // Other names starting with "xml" are only warned about.
    if (name.toLowerCase() === 'xml') {
      this.fail(name === 'xml' ? 'XML declaration allowed only at the start of the document' : 'Invalid PI name');
    }
    if (this.startsWith('?>')) {
      this.pos += 2;
      return;
    }
    if (this.skipBlanks() === 0) this.fail('ParsePI: PI ' + name + ' space expected');
    for (let c = this.char(); !(c === '?' && this.at(1) === '>'); c = this.char()) {
      if (c === '' || !isXmlChar(c.codePointAt(0)!)) this.fail(`ParsePI: PI ${name} never end ...`);
      this.pos += c.length;
    }
    this.pos += 2;
  }

  /**
   * xmlParseComment: a fast scan over ASCII, then (from the first other character) the
   * complex reader, which looks two characters ahead. Messages quote the comment so far
   * (CR LF read as LF), up to 50 bytes.
   */
  private parseComment(): void {
    this.pos += 4;
    const start = this.pos;
    const quoted = (to: number) =>
      decodeRawBytes(encodeRawBytes(this.s.slice(start, to).replace(/\r\n?/g, '\n')).subarray(0, 50));
    for (;;) {
      const c = this.cur();
      const ascii = (c >= ' ' && c <= '\x7f') || c === '\t' || c === '\n' || (c === '\r' && this.at(1) === '\n');
      if (!ascii) return this.parseCommentComplex(start, quoted);
      if (c === '-' && this.at(1) === '-') {
        if (this.at(2) === '>') {
          this.pos += 3;
          return;
        }
        this.fail(this.pos > start ? `Double hyphen within comment: <!--${quoted(this.pos)}` : 'Double hyphen within comment');
      }
      this.pos++;
    }
  }

  private parseCommentComplex(start: number, quoted: (to: number) => string): void {
    const invalid = (c: string) => `xmlParseComment: invalid xmlChar value ${c.codePointAt(0)}`;
    const read = (): string => {
      const c = this.char();
      if (c === '') this.fail('Comment not terminated');
      if (!isXmlChar(c.codePointAt(0)!)) this.fail(invalid(c));
      this.pos += c.length;
      return c;
    };
    let q = read();
    let r = read();
    let cur = this.char();
    if (cur === '') this.fail('Comment not terminated');
    while (cur !== '' && isXmlChar(cur.codePointAt(0)!) && !(q === '-' && r === '-' && cur === '>')) {
      if (q === '-' && r === '-') this.fail("Comment must not contain '--' (double-hyphen)");
      q = r;
      r = cur;
      this.pos += cur.length;
      cur = this.char();
    }
    if (cur === '') this.fail(`Comment not terminated \n<!--${quoted(this.pos - q.length - r.length)}`);
    if (cur !== '>') this.fail(invalid(cur));
    this.pos++;
  }

  /**
   * libxml2 reads a CDATA section two characters ahead of what it has copied: it stops at
   * the first character that is not a Char (or the end) and quotes its copy, which lacks
   * the last two it read, up to 50 bytes.
   */
  private parseCData(): void {
    this.pos += 9;
    const start = this.pos;
    const isChar = (c: string) => c !== '' && isXmlChar(c.codePointAt(0)!);
    const lookahead: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = this.char();
      // libxml2 has no text for this error code (XML_ERR_CDATA_NOT_FINISHED without a message).
      if (!isChar(c)) this.fail('Unregistered error message');
      lookahead.push(c);
      this.pos += c.length;
    }
    let c = this.char();
    while (isChar(c) && !(lookahead[0] === ']' && lookahead[1] === ']' && c === '>')) {
      lookahead.shift();
      lookahead.push(c);
      this.pos += c.length;
      c = this.char();
    }
    if (c !== '>') {
      const copied = encodeRawBytes(this.s.slice(start, this.pos - lookahead.join('').length).replace(/\r\n?/g, '\n'));
      this.fail(`CData section not finished\n${decodeRawBytes(copied.subarray(0, 50))}`);
    }
    this.pos++;
  }

  /** Start tag through `>` or `/>`; returns true for an empty element. */
  private parseStartTag(): boolean {
    const tagLine = this.lineAt(this.pos);
    this.pos++;
    const name = this.parseName();
    if (name === undefined) this.fail('StartTag: invalid element name');
    const seen = new Set<string>();
    this.skipBlanks();
    // libxml2 also stops at a byte that cannot start anything (a control character).
    while (isByteChar(this.cur()) && this.cur() !== '>' && !this.startsWith('/>')) {
      const attr = this.parseName();
      if (attr === undefined) this.fail('error parsing attribute name');
      this.skipBlanks();
      if (this.cur() !== '=') this.fail(`Specification mandates value for attribute ${localName(attr)}`);
      this.pos++;
      this.skipBlanks();
      this.parseAttValue();
      if (seen.has(attr)) this.fail(`Attribute ${attr} redefined`);
      seen.add(attr);
      if (this.cur() === '>' || this.startsWith('/>')) break;
      if (this.skipBlanks() === 0) this.fail('attributes construct error');
    }
    if (this.startsWith('/>')) {
      this.pos += 2;
      return true;
    }
    if (this.cur() !== '>') this.fail(`Couldn't find end of Start Tag ${localName(name)} line ${tagLine}`);
    this.pos++;
    this.stack.push({ name, line: tagLine });
    return false;
  }

  private parseAttValue(): void {
    const q = this.cur();
    if (q !== '"' && q !== "'") this.fail('AttValue: " or \' expected');
    this.pos++;
    for (;;) {
      const c = this.char();
      if (c === '') this.fail("AttValue: ' expected");
      if (c === q) {
        this.pos++;
        return;
      }
      if (c === '<') this.fail("Unescaped '<' not allowed in attributes values");
      if (c === '&') {
        this.parseReference(false);
        continue;
      }
      const code = c.codePointAt(0)!;
      if (!isXmlChar(code)) this.fail(`invalid character in attribute value`);
      this.pos += c.length;
    }
  }

  /** `&…;` in content (`inContent`, where an entity's text is parsed) or in an attribute value. */
  private parseReference(inContent: boolean): void {
    this.pos++;
    if (this.cur() === '#') {
      this.parseCharRef();
      return;
    }
    const name = this.parseName();
    if (name === undefined) this.fail('xmlParseEntityRef: no name');
    if (this.cur() !== ';') this.fail("EntityRef: expecting ';'");
    this.pos++;
    if (PREDEFINED_ENTITIES.has(name)) return;
    this.nbentities++;
    const decl = this.dtd.entities.get(name);
    if (!decl) {
      if (!this.dtd.lenient || this.dtd.standalone) this.fail(`Entity '${name}' not defined`);
      return;
    }
    if (decl.unparsed) this.fail(`Entity reference to unparsed entity ${name}`);
    if (decl.text === undefined) return;
    if (!inContent) {
      if (decl.text.includes('<')) this.fail(`'<' in entity '${name}' is not allowed in attributes values`);
      return;
    }
    if (decl.weight !== undefined) {
      this.nbentities += decl.weight;
      return;
    }
    decl.weight = this.checkEntityText(decl.text) + 1;
    this.nbentities += decl.weight - 1;
    // libxml2's guard against exponential expansion ("billion laughs"): the entity's weight
    // against the bytes read so far of the input that refers to it.
    if (decl.weight * 3 >= encodeRawBytes(this.s.slice(0, this.pos)).length * 10) this.fail('Detected an entity reference loop');
  }

  /**
   * xmlParseBalancedChunkMemoryInternal: the entity's text must be well-formed content,
   * parsed as an input of its own one level deeper. Returns the references it parsed.
   */
  private checkEntityText(text: string): number {
    const depth = (this.entity?.depth ?? 0) + 1;
    if (depth > MAX_ENTITY_DEPTH) this.fail('Detected an entity reference loop');
    const sub = new Checker(text, this.dtd, { depth });
    sub.checkContent();
    return sub.nbentities;
  }

  /**
   * xmlParseCharRef: digits up to `;` (a hex reference stops taking letters after ten or so
   * digits, a quirk of its loop counter), the value capped at 0x110000; without the `;` the
   * cursor stays on the character that ended the digits.
   */
  private parseCharRef(): void {
    this.pos++;
    const hex = this.cur() === 'x';
    if (hex) this.pos++;
    let value = 0;
    let count = 0;
    while (this.cur() !== ';') {
      if (count++ > 20) count = 0;
      const c = this.cur();
      let digit = -1;
      if (c >= '0' && c <= '9') digit = Number(c);
      else if (hex && count < 20 && /[a-fA-F]/.test(c)) digit = parseInt(c, 16);
      if (digit < 0) this.fail(hex ? 'CharRef: invalid hexadecimal value' : 'CharRef: invalid decimal value');
      value = Math.min(value * (hex ? 16 : 10) + digit, 0x110000);
      this.pos++;
      count++;
    }
    this.pos++;
    if (value >= 0x110000) this.fail('xmlParseCharRef: character reference out of bounds');
    if (!isXmlChar(value)) this.fail(`xmlParseCharRef: invalid xmlChar value ${value}`);
  }

  private parseEndTag(): void {
    const open = this.stack.pop()!;
    this.pos += 2;
    let name: string | undefined;
    if (this.startsWith(open.name) && (this.at(open.name.length) === '>' || isBlank(this.at(open.name.length)))) {
      this.pos += open.name.length;
      name = open.name;
    } else {
      name = this.parseName();
    }
    this.skipBlanks();
    if (this.cur() !== '>') this.fail("expected '>'");
    this.pos++;
    if (name !== open.name) {
      // A prefixed start tag's end tag is read as a QName, an unprefixed one's as a plain name.
      const shown = name === undefined ? 'unparsable' : localName(open.name) !== open.name ? localName(name) : name;
      this.fail(`Opening and ending tag mismatch: ${localName(open.name)} line ${open.line} and ${shown}`);
    }
  }

  private parseElement(): void {
    if (this.parseStartTag()) return;
    this.parseContent(this.stack.length - 1);
  }

  /** An entity's replacement text: content with balanced tags, to its end. */
  checkContent(): void {
    this.parseContent(-1);
  }

  /** Content until the element open at stack depth `base` ends (an entity's text: its end). */
  private parseContent(base: number): void {
    while (this.stack.length > base) {
      const c = this.cur();
      if (c === '') {
        if (this.stack.length === 0) return;
        const open = this.stack[this.stack.length - 1];
        this.fail(`Premature end of data in tag ${localName(open.name)} line ${open.line}`);
      }
      if (c === '<') {
        const n = this.at(1);
        if (n === '/' && this.stack.length === 0) this.fail('chunk is not well balanced');
        if (n === '/') this.parseEndTag();
        else if (n === '?') this.parsePI();
        else if (this.startsWith('<![CDATA[')) this.parseCData();
        else if (this.startsWith('<!--')) this.parseComment();
        else this.parseStartTag();
      } else if (c === '&') {
        this.parseReference(true);
      } else {
        const before = this.pos;
        this.parseCharData();
        // Text that ends where the input does not (libxml2 saw a cut-off character there).
        if (this.pos === before) this.fail('internal error: detected an error in element content\n');
      }
    }
  }

  /**
   * xmlParseCharData. Its fast scan over ASCII reports a misplaced `]]>` where the text
   * began (or where a CR LF left it); once it meets another character it reads one by one.
   */
  private parseCharData(): void {
    let runStart = this.pos;
    let fast = true;
    for (;;) {
      const c = this.char();
      if (c === '' || c === '<' || c === '&') return;
      if (fast && c === '\r' && this.at(1) === '\n') runStart = this.pos + 1;
      else if (fast && !((c >= ' ' && c <= '\x7f') || c === '\t' || c === '\n')) fast = false;
      if (c === ']' && this.startsWith(']]>')) this.fail("Sequence ']]>' not allowed in content", fast ? runStart : this.pos, this.pos);
      const code = c.codePointAt(0)!;
      if (!isXmlChar(code)) this.fail(`PCDATA invalid Char value ${code}`);
      this.pos += c.length;
    }
  }
}

/** Throws XmlSyntaxError for the first fatal error libxml2 would report. */
export function checkWellFormed(xml: string): void {
  new Checker(xml).check();
}

/**
 * libvirt's rendering of a libxml2 error (virxml.c catchXMLError): the message, the line the
 * cursor is on, and a pointer under the cursor. Columns count bytes, as libxml2 does.
 */
export function formatXmlSyntaxError(doc: string, err: XmlSyntaxError, docName: string): string {
  const xml = err.entityText ?? doc;
  const bytes = encodeRawBytes(xml);
  const cur0 = encodeRawBytes(xml.slice(0, err.pos)).length;
  const at = (i: number) => (i < bytes.length ? bytes[i] : 0);
  const isEol = (b: number) => b === 0x0a || b === 0x0d;
  const lineEnd = err.linePos === undefined ? cur0 : encodeRawBytes(xml.slice(0, err.linePos)).length;
  let line = 1;
  for (let i = 0; i < lineEnd && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  let cur = cur0;
  while (cur > 0 && isEol(at(cur))) cur--;
  while (cur > 0 && !isEol(at(cur))) cur--;
  if (isEol(at(cur))) cur++;
  const col = cur0 - cur;
  let end = cur;
  while (at(end) !== 0 && !isEol(at(end))) end++;
  const context = bytes.subarray(cur, end);
  let pointer = '';
  for (let n = 0; n < col && n < context.length; n++) pointer += context[n] === 0x09 ? '\t' : '-';
  // libvirt prints an empty context through a NULL string pointer.
  const contextText = context.length ? decodeRawBytes(context) : '(null)';
  // An entity's text is an input without a name, which libvirt reports by line alone.
  const where = err.entityText === undefined ? `${docName}:${line}` : `at line ${line}`;
  return `${where}: ${err.message}\n${contextText}\n${pointer}^`;
}
