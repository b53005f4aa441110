import { virErr, type VirError } from '../errors.js';

/**
 * libvirt's configuration file syntax (virconf.c) as libvirt.conf uses it:
 * `name = value` statements separated by newlines or ';', `#` comments, values that are
 * numbers, 'single' / "double" / """triple""" quoted strings, or [ lists ].
 */
export type ConfValue =
  | { type: 'long'; value: bigint }
  | { type: 'ulong'; value: bigint }
  | { type: 'string'; value: string }
  | { type: 'list'; value: ConfValue[] };

export interface Conf {
  filename: string;
  entries: Map<string, ConfValue>;
}

class Parser {
  i = 0;
  line = 1;
  constructor(
    readonly filename: string,
    readonly s: string,
  ) {}

  peek(): string {
    return this.s[this.i] ?? '\0';
  }
  get atEnd(): boolean {
    return this.i >= this.s.length;
  }
  next() {
    if (!this.atEnd) this.i++;
  }
  fail(info: string): VirError {
    return virErr('CONF_SYNTAX', `${this.filename}:${this.line}: ${info}`, 'CONF');
  }
  blanks() {
    while (!this.atEnd && (this.peek() === ' ' || this.peek() === '\t')) this.i++;
  }
  blanksAndEol() {
    while (!this.atEnd && ' \t\n\r'.includes(this.peek())) {
      if (this.peek() === '\n') this.line++;
      this.i++;
    }
  }
  isEol() {
    return this.peek() === '\n' || this.peek() === '\r';
  }

  string(): string {
    const q = this.peek();
    if (q === '"' && this.i + 6 < this.s.length && this.s.startsWith('"""', this.i)) {
      this.i += 3;
      const base = this.i;
      while (this.i + 2 < this.s.length && !this.s.startsWith('"""', this.i)) {
        if (this.peek() === '\n') this.line++;
        this.next();
      }
      if (!this.s.startsWith('"""', this.i)) throw this.fail('unterminated string');
      const v = this.s.slice(base, this.i);
      this.i += 3;
      return v;
    }
    this.next();
    const base = this.i;
    while (!this.atEnd && this.peek() !== q && !this.isEol()) this.next();
    if (this.peek() !== q) throw this.fail('unterminated string');
    const v = this.s.slice(base, this.i);
    this.next();
    return v;
  }

  number(): ConfValue {
    const negative = this.peek() === '-';
    if (this.peek() === '-' || this.peek() === '+') this.next();
    if (this.atEnd || !/[0-9]/.test(this.peek())) throw this.fail('unterminated number');
    let v = 0n;
    while (!this.atEnd && /[0-9]/.test(this.peek())) {
      v = v * 10n + BigInt(this.peek());
      this.next();
    }
    return negative ? { type: 'long', value: -v } : { type: 'ulong', value: v };
  }

  value(): ConfValue {
    this.blanks();
    if (this.atEnd) throw this.fail('expecting a value');
    if (this.peek() === '"' || this.peek() === "'") return { type: 'string', value: this.string() };
    if (this.peek() === '[') {
      this.next();
      this.blanksAndEol();
      const list: ConfValue[] = [];
      if (!this.atEnd && this.peek() !== ']') {
        list.push(this.value());
        this.blanksAndEol();
      }
      while (!this.atEnd && this.peek() !== ']') {
        if (this.peek() !== ',') throw this.fail('expecting a separator in list');
        this.next();
        this.blanksAndEol();
        if (this.peek() === ']') break;
        list.push(this.value());
        this.blanksAndEol();
      }
      if (this.peek() !== ']') throw this.fail('list is not closed with ]');
      this.next();
      return { type: 'list', value: list };
    }
    if (/[0-9+-]/.test(this.peek())) return this.number();
    throw this.fail('expecting a value');
  }

  statement(conf: Conf) {
    this.blanksAndEol();
    if (this.peek() === '#') {
      while (!this.atEnd && !this.isEol()) this.next();
      return;
    }
    this.blanks();
    const base = this.i;
    if (!/[A-Za-z]/.test(this.peek())) throw this.fail('expecting a name');
    while (!this.atEnd && /[A-Za-z0-9_]/.test(this.peek())) this.next();
    const name = this.s.slice(base, this.i);
    this.blanks();
    if (this.peek() !== '=') throw this.fail('expecting an assignment');
    this.next();
    this.blanks();
    const value = this.value();
    this.blanks();
    if (this.peek() === '#') while (!this.atEnd && !this.isEol()) this.next();
    // The first definition of a name is the one lookups find.
    if (!conf.entries.has(name)) conf.entries.set(name, value);
  }

  separator() {
    this.blanks();
    if (this.atEnd) return;
    if (this.isEol()) this.blanksAndEol();
    else if (this.peek() === ';') {
      this.next();
      this.blanksAndEol();
    } else throw this.fail('expecting a separator');
  }
}

/** virConfParse: throws libvirt's CONF_SYNTAX error with file and line. */
export function parseConf(filename: string, text: string): Conf {
  const conf: Conf = { filename, entries: new Map() };
  const p = new Parser(filename, text);
  while (!p.atEnd) {
    p.statement(conf);
    p.separator();
  }
  return conf;
}

/** virConfGetValueString: undefined when unset; an error when not a string. */
export function confString(conf: Conf | undefined, name: string): string | undefined {
  const v = conf?.entries.get(name);
  if (!v || !conf) return undefined;
  if (v.type !== 'string') throw virErr('INTERNAL_ERROR', `${conf.filename}: expected a string for '${name}' parameter`);
  return v.value;
}

/** virConfGetValueStringList (without compatString). */
export function confStringList(conf: Conf | undefined, name: string): string[] | undefined {
  const v = conf?.entries.get(name);
  if (!v || !conf) return undefined;
  if (v.type !== 'list') throw virErr('INTERNAL_ERROR', `${conf.filename}: expected a string list for '${name}' parameter`);
  return v.value.map((e) => {
    if (e.type !== 'string') throw virErr('CONF_SYNTAX', `${conf.filename}: expected a string list for '${name}' parameter`);
    return e.value;
  });
}
