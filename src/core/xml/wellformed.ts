/**
 * A well-formedness checker that fails the way libxml2 2.9 does: the same first fatal error
 * message, at the same input position. libvirt prints that message with the offending line
 * and a pointer under the position, and scripts see exactly that text, so the position rules
 * below follow libxml2's parser (where it reads, what it skips before it reports).
 */

export class XmlSyntaxError extends Error {
  /** Index into the checked string where libxml2's cursor stood when it reported. */
  readonly pos: number;

  constructor(message: string, pos: number) {
    super(message);
    this.pos = pos;
  }
}

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function isNameStart(c: string): boolean {
  if (c === '') return false;
  const code = c.codePointAt(0)!;
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    c === '_' ||
    c === ':' ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7)
  );
}

function isNameChar(c: string): boolean {
  if (isNameStart(c)) return true;
  const code = c.codePointAt(0);
  return code !== undefined && ((code >= 0x30 && code <= 0x39) || c === '-' || c === '.' || code === 0xb7);
}

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

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

interface OpenTag {
  name: string;
  line: number;
}

class Checker {
  private pos = 0;
  private readonly stack: OpenTag[] = [];

  constructor(private readonly s: string) {}

  private cur(): string {
    return this.s[this.pos] ?? '';
  }

  private at(offset: number): string {
    return this.s[this.pos + offset] ?? '';
  }

  private startsWith(t: string): boolean {
    return this.s.startsWith(t, this.pos);
  }

  private fail(message: string, pos = this.pos): never {
    throw new XmlSyntaxError(message, pos);
  }

  private lineAt(pos: number): number {
    let line = 1;
    for (let i = 0; i < pos && i < this.s.length; i++) if (this.s[i] === '\n') line++;
    return line;
  }

  private skipBlanks(): number {
    const start = this.pos;
    while (isBlank(this.cur())) this.pos++;
    return this.pos - start;
  }

  private parseName(): string | undefined {
    if (!isNameStart(this.cur())) return undefined;
    const start = this.pos;
    while (isNameChar(this.cur())) this.pos += this.cur().length;
    return this.s.slice(start, this.pos);
  }

  check(): void {
    if (this.s.length === 0) this.fail('Document is empty');
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

  private parseXmlDecl(): void {
    this.pos += 5;
    this.skipBlanks();
    if (!this.startsWith('version')) this.fail('Malformed declaration expecting version');
    this.pos += 7;
    this.parseEqAndQuoted();
    for (const key of ['encoding', 'standalone']) {
      const save = this.pos;
      const blanks = this.skipBlanks();
      if (this.startsWith(key)) {
        if (blanks === 0) this.fail('Blank needed here');
        this.pos += key.length;
        this.parseEqAndQuoted();
      } else this.pos = save;
    }
    this.skipBlanks();
    if (this.startsWith('?>')) this.pos += 2;
    else if (this.cur() === '>') this.fail("XML declaration must end-up with '?>'");
    else if (this.cur() !== '' && isNameStart(this.cur())) this.fail('Blank needed here');
    else this.fail("parsing XML declaration: '?>' expected");
  }

  private parseEqAndQuoted(): void {
    this.skipBlanks();
    if (this.cur() !== '=') this.fail("Specification mandates value for attribute version");
    this.pos++;
    this.skipBlanks();
    const q = this.cur();
    if (q !== '"' && q !== "'") this.fail("String not started expecting ' or \"");
    const end = this.s.indexOf(q, this.pos + 1);
    if (end < 0) this.fail("String not closed expecting \" or '");
    this.pos = end + 1;
    if (!isBlank(this.cur()) && !this.startsWith('?>')) this.fail('Blank needed here');
  }

  private parseMisc(): void {
    for (;;) {
      this.skipBlanks();
      if (this.startsWith('<?')) this.parsePI();
      else if (this.startsWith('<!--')) this.parseComment();
      else return;
    }
  }

  private parseDoctype(): void {
    this.pos += 9;
    this.skipBlanks();
    if (this.parseName() === undefined) this.fail('xmlParseDocTypeDecl : no DOCTYPE name !');
    let depth = 0;
    while (this.pos < this.s.length) {
      const c = this.cur();
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.pos++;
        return;
      } else if (c === '"' || c === "'") {
        const end = this.s.indexOf(c, this.pos + 1);
        if (end < 0) break;
        this.pos = end;
      }
      this.pos++;
    }
    this.fail('DOCTYPE improperly terminated');
  }

  private parsePI(): void {
    this.pos += 2;
    const name = this.parseName();
    if (name === undefined) this.fail('xmlParsePI : no target name');
    if (name.toLowerCase() === 'xml') {
      if (name === 'xml') this.fail('XML declaration allowed only at the start of the document');
      this.fail(`xmlParsePITarget: invalid name prefix 'xml'`);
    }
    if (this.startsWith('?>')) {
      this.pos += 2;
      return;
    }
    if (this.skipBlanks() === 0) this.fail('ParsePI: PI ' + name + ' space expected');
    const end = this.s.indexOf('?>', this.pos);
    if (end < 0) {
      this.pos = this.s.length;
      this.fail(`ParsePI: PI ${name} never end ...`);
    }
    this.checkChars(this.pos, end, (code) => `ParsePI: PI ${name} never end ...${code}`);
    this.pos = end + 2;
  }

  private parseComment(): void {
    this.pos += 4;
    const bodyStart = this.pos;
    for (;;) {
      const c = this.cur();
      if (c === '') this.fail('Comment not terminated');
      if (c === '-' && this.at(1) === '-') {
        if (this.at(2) === '>') {
          this.pos += 3;
          return;
        }
        this.fail(`Double hyphen within comment: <!--${this.s.slice(bodyStart, this.pos).slice(0, 50)}`);
      }
      const code = c.codePointAt(0)!;
      if (!isXmlChar(code)) this.fail(`xmlParseComment: invalid xmlChar value ${code}`);
      this.pos += c.length;
    }
  }

  private parseCData(): void {
    this.pos += 9;
    const end = this.s.indexOf(']]>', this.pos);
    if (end < 0) {
      // libxml2 reads two characters ahead of what it has copied, so its buffer lacks the last two.
      const body = this.s.slice(this.pos, Math.max(this.pos, this.s.length - 2));
      this.pos = this.s.length;
      this.fail(`CData section not finished\n${body.slice(0, 50)}`);
    }
    this.pos = end + 3;
  }

  private checkChars(from: number, to: number, msg: (code: number) => string): void {
    for (let i = from; i < to; i++) {
      const code = this.s.codePointAt(i)!;
      if (!isXmlChar(code)) this.fail(msg(code), i);
      if (code > 0xffff) i++;
    }
  }

  /** Start tag through `>` or `/>`; returns true for an empty element. */
  private parseStartTag(): boolean {
    const tagLine = this.lineAt(this.pos);
    this.pos++;
    const name = this.parseName();
    if (name === undefined) this.fail('StartTag: invalid element name');
    const seen = new Set<string>();
    this.skipBlanks();
    while (this.cur() !== '' && this.cur() !== '>' && !this.startsWith('/>')) {
      const attr = this.parseName();
      if (attr === undefined) this.fail('error parsing attribute name');
      this.skipBlanks();
      if (this.cur() !== '=') this.fail(`Specification mandates value for attribute ${attr}`);
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
    if (this.cur() !== '>') this.fail(`Couldn't find end of Start Tag ${name} line ${tagLine}`);
    this.pos++;
    this.stack.push({ name, line: tagLine });
    return false;
  }

  private parseAttValue(): void {
    const q = this.cur();
    if (q !== '"' && q !== "'") this.fail('AttValue: " or \' expected');
    this.pos++;
    for (;;) {
      const c = this.cur();
      if (c === '') this.fail("AttValue: ' expected");
      if (c === q) {
        this.pos++;
        return;
      }
      if (c === '<') this.fail("Unescaped '<' not allowed in attributes values");
      if (c === '&') {
        this.parseReference();
        continue;
      }
      const code = c.codePointAt(0)!;
      if (!isXmlChar(code)) this.fail(`invalid character in attribute value`);
      this.pos += c.length;
    }
  }

  private parseReference(): void {
    this.pos++;
    if (this.cur() === '#') {
      this.parseCharRef();
      return;
    }
    const name = this.parseName();
    if (name === undefined) this.fail('xmlParseEntityRef: no name');
    if (this.cur() !== ';') this.fail("EntityRef: expecting ';'");
    this.pos++;
    if (!PREDEFINED_ENTITIES.has(name)) this.fail(`Entity '${name}' not defined`);
  }

  private parseCharRef(): void {
    this.pos++;
    let value = 0;
    if (this.cur() === 'x') {
      this.pos++;
      if (!/[0-9a-fA-F]/.test(this.cur())) this.fail('CharRef: invalid hexadecimal value');
      while (/[0-9a-fA-F]/.test(this.cur())) value = Math.min(value * 16 + parseInt(this.cur(), 16), 0x110000), this.pos++;
      if (this.cur() !== ';') this.fail('CharRef: invalid hexadecimal value');
    } else {
      if (!/[0-9]/.test(this.cur())) this.fail('CharRef: invalid decimal value');
      while (/[0-9]/.test(this.cur())) value = Math.min(value * 10 + Number(this.cur()), 0x110000), this.pos++;
      if (this.cur() !== ';') this.fail('CharRef: invalid decimal value');
    }
    this.pos++;
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
      this.fail(`Opening and ending tag mismatch: ${open.name} line ${open.line} and ${name ?? 'unparsable'}`);
    }
  }

  private parseElement(): void {
    if (this.parseStartTag()) return;
    const base = this.stack.length - 1;
    while (this.stack.length > base) {
      const c = this.cur();
      if (c === '') {
        const open = this.stack[this.stack.length - 1];
        this.fail(`Premature end of data in tag ${open.name} line ${open.line}`);
      }
      if (c === '<') {
        const n = this.at(1);
        if (n === '/') this.parseEndTag();
        else if (n === '?') this.parsePI();
        else if (this.startsWith('<![CDATA[')) this.parseCData();
        else if (this.startsWith('<!--')) this.parseComment();
        else this.parseStartTag();
      } else if (c === '&') {
        this.parseReference();
      } else {
        this.parseCharData();
      }
    }
  }

  private parseCharData(): void {
    for (;;) {
      const c = this.cur();
      if (c === '' || c === '<' || c === '&') return;
      if (c === ']' && this.startsWith(']]>')) this.fail("Sequence ']]>' not allowed in content");
      const code = c.codePointAt(0)!;
      if (!isXmlChar(code)) this.fail(`PCDATA invalid Char value ${code}`);
      this.pos += code > 0xffff ? 2 : 1;
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
export function formatXmlSyntaxError(xml: string, err: XmlSyntaxError, docName: string): string {
  const bytes = Buffer.from(xml, 'utf8');
  const cur0 = Buffer.byteLength(xml.slice(0, err.pos), 'utf8');
  const at = (i: number) => (i < bytes.length ? bytes[i] : 0);
  const isEol = (b: number) => b === 0x0a || b === 0x0d;
  let line = 1;
  for (let i = 0; i < cur0 && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
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
  const contextText = context.length ? context.toString('utf8') : '(null)';
  return `${docName}:${line}: ${err.message}\n${contextText}\n${pointer}^`;
}
