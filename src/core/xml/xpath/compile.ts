import { AXES, NODE_TYPES, type Axis, type Expr, type NodeTest, type Step } from './ast.js';
import { XPathCode, XPathError } from './errors.js';

/**
 * A recursive-descent compiler that follows libxml2's (xpath.c) grammar decisions exactly,
 * including its lookahead heuristics and where it stands when it gives up, because virsh
 * shows that position under the expression.
 */

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAsciiLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}._\-\u00B7]*/u;
/** xmlXPathScanName: a name that may contain ':' (used only to look ahead). */
const SCAN_NAME = /^[\p{L}_:][\p{L}\p{N}\p{M}._\-:\u00B7]*/u;

const DESCENDANT_OR_SELF: Step = { axis: 'descendant-or-self', test: { type: 'node' }, predicates: [] };

class Compiler {
  i = 0;
  constructor(readonly s: string) {}

  private ch(): string | undefined {
    return this.s[this.i];
  }
  private nxt(n: number): string | undefined {
    return this.s[this.i + n];
  }
  private next(): void {
    if (this.i < this.s.length) this.i++;
  }
  private blanks(): void {
    while (isBlank(this.ch())) this.i++;
  }
  private fail(code: number): never {
    throw new XPathError(code, this.i);
  }
  private ncname(): string | undefined {
    const m = NCNAME.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }
  private qname(): { prefix: string | undefined; name: string | undefined } {
    const first = this.ncname();
    if (first !== undefined && this.ch() === ':') {
      this.next();
      return { prefix: first, name: this.ncname() };
    }
    return { prefix: undefined, name: first };
  }

  expr(): Expr {
    let e = this.and();
    this.blanks();
    while (this.ch() === 'o' && this.nxt(1) === 'r') {
      this.i += 2;
      this.blanks();
      e = { op: 'or', a: e, b: this.and() };
      this.blanks();
    }
    return e;
  }

  private and(): Expr {
    let e = this.equality();
    this.blanks();
    while (this.s.startsWith('and', this.i)) {
      this.i += 3;
      this.blanks();
      e = { op: 'and', a: e, b: this.equality() };
      this.blanks();
    }
    return e;
  }

  private equality(): Expr {
    let e = this.relational();
    this.blanks();
    while (this.ch() === '=' || (this.ch() === '!' && this.nxt(1) === '=')) {
      const negate = this.ch() === '!';
      this.i += negate ? 2 : 1;
      this.blanks();
      e = { op: 'eq', negate, a: e, b: this.relational() };
      this.blanks();
    }
    return e;
  }

  private relational(): Expr {
    let e = this.additive();
    this.blanks();
    while (this.ch() === '<' || this.ch() === '>') {
      const less = this.ch() === '<';
      const strict = this.nxt(1) !== '=';
      this.i += strict ? 1 : 2;
      this.blanks();
      e = { op: 'cmp', less, strict, a: e, b: this.additive() };
      this.blanks();
    }
    return e;
  }

  private additive(): Expr {
    let e = this.multiplicative();
    this.blanks();
    while (this.ch() === '+' || this.ch() === '-') {
      const kind = this.ch() as '+' | '-';
      this.next();
      this.blanks();
      e = { op: 'arith', kind, a: e, b: this.multiplicative() };
      this.blanks();
    }
    return e;
  }

  private multiplicative(): Expr {
    let e = this.unary();
    this.blanks();
    for (;;) {
      let kind: '*' | 'div' | 'mod';
      if (this.ch() === '*') kind = '*';
      else if (this.s.startsWith('div', this.i)) kind = 'div';
      else if (this.s.startsWith('mod', this.i)) kind = 'mod';
      else break;
      this.i += kind.length;
      this.blanks();
      e = { op: 'arith', kind, a: e, b: this.unary() };
      this.blanks();
    }
    return e;
  }

  private unary(): Expr {
    this.blanks();
    let minus = false;
    let found = false;
    while (this.ch() === '-') {
      minus = !minus;
      found = true;
      this.next();
      this.blanks();
    }
    const e = this.union();
    if (!found) return e;
    // Even a double negation converts to a number, as libxml2's unary plus does.
    return minus ? { op: 'neg', a: e } : { op: 'arith', kind: '-', a: e, b: { op: 'number', value: 0 } };
  }

  private union(): Expr {
    let e = this.pathExpr();
    this.blanks();
    while (this.ch() === '|') {
      this.next();
      this.blanks();
      e = { op: 'union', a: e, b: this.pathExpr() };
      this.blanks();
    }
    return e;
  }

  /** Decides, as libxml2 does, whether a location path or a filter expression starts here. */
  private startsLocationPath(): boolean {
    const c = this.ch();
    if (c === '$' || c === '(' || isDigit(c) || c === "'" || c === '"' || (c === '.' && isDigit(this.nxt(1)))) return false;
    if (c === '*' || c === '/' || c === '@' || c === '.') return true;
    const m = c === ' ' || c === '>' || c === '/' ? null : SCAN_NAME.exec(this.s.slice(this.i));
    if (!m) this.fail(XPathCode.EXPR);
    const name = m[0];
    if (name.includes('::')) return true;
    let k = this.i + name.length;
    while (isBlank(this.s[k])) k++;
    if (this.s[k] === '(') return NODE_TYPES.has(name);
    return true;
  }

  private pathExpr(): Expr {
    this.blanks();
    let e: Expr;
    if (this.startsLocationPath()) {
      e = this.locationPath();
    } else {
      const base = this.filterExpr();
      const steps: Step[] = [];
      if (this.ch() === '/' && this.nxt(1) === '/') {
        this.i += 2;
        this.blanks();
        steps.push(DESCENDANT_OR_SELF);
        this.relativePath(steps);
      } else if (this.ch() === '/') this.relativePath(steps);
      e = steps.length ? { op: 'path', from: base, steps } : base;
    }
    this.blanks();
    return e;
  }

  private filterExpr(): Expr {
    const base = this.primary();
    this.blanks();
    const predicates: Expr[] = [];
    while (this.ch() === '[') {
      predicates.push(this.predicate());
      this.blanks();
    }
    return predicates.length ? { op: 'filter', base, predicates } : base;
  }

  private primary(): Expr {
    this.blanks();
    let e: Expr;
    const c = this.ch();
    if (c === '$') {
      this.next();
      const { name } = this.qname();
      if (name === undefined) this.fail(XPathCode.VARIABLE_REF);
      this.blanks();
      e = { op: 'var', name };
    } else if (c === '(') {
      this.next();
      this.blanks();
      e = this.expr();
      if (this.ch() !== ')') this.fail(XPathCode.EXPR);
      this.next();
      this.blanks();
    } else if (isDigit(c) || (c === '.' && isDigit(this.nxt(1)))) {
      e = this.number();
    } else if (c === "'" || c === '"') {
      const end = this.s.indexOf(c, this.i + 1);
      if (end < 0) {
        this.i = this.s.length;
        this.fail(XPathCode.UNFINISHED_LITERAL);
      }
      e = { op: 'string', value: this.s.slice(this.i + 1, end) };
      this.i = end + 1;
    } else {
      e = this.call();
    }
    this.blanks();
    return e;
  }

  private number(): Expr {
    const m = /^[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(this.s.slice(this.i));
    const text = m ? m[0] : '';
    this.i += text.length;
    return { op: 'number', value: Number(text.replace(/\.$/, '').replace(/^\./, '0.')) };
  }

  private call(): Expr {
    const { prefix, name } = this.qname();
    if (name === undefined) this.fail(XPathCode.EXPR);
    this.blanks();
    if (this.ch() !== '(') this.fail(XPathCode.EXPR);
    this.next();
    this.blanks();
    const args: Expr[] = [];
    if (this.ch() !== ')') {
      while (this.i < this.s.length) {
        args.push(this.expr());
        if (this.ch() === ')') break;
        if (this.ch() !== ',') this.fail(XPathCode.EXPR);
        this.next();
        this.blanks();
      }
    }
    this.next();
    this.blanks();
    return { op: 'call', prefix, name, args };
  }

  private predicate(): Expr {
    this.blanks();
    if (this.ch() !== '[') this.fail(XPathCode.INVALID_PREDICATE);
    this.next();
    this.blanks();
    const e = this.expr();
    if (this.ch() !== ']') this.fail(XPathCode.INVALID_PREDICATE);
    this.next();
    this.blanks();
    return e;
  }

  private locationPath(): Expr {
    this.blanks();
    const steps: Step[] = [];
    if (this.ch() !== '/') {
      this.relativePath(steps);
      return { op: 'path', from: 'context', steps };
    }
    while (this.ch() === '/') {
      if (this.nxt(1) === '/') {
        this.i += 2;
        this.blanks();
        steps.push(DESCENDANT_OR_SELF);
        this.relativePath(steps);
      } else {
        this.next();
        this.blanks();
        const c = this.ch();
        if (c !== undefined && (isAsciiLetter(c) || c === '_' || c === '.' || c === '@' || c === '*')) this.relativePath(steps);
      }
    }
    return { op: 'path', from: 'root', steps };
  }

  private relativePath(steps: Step[]): void {
    this.blanks();
    if (this.ch() === '/' && this.nxt(1) === '/') {
      this.i += 2;
      this.blanks();
      steps.push(DESCENDANT_OR_SELF);
    } else if (this.ch() === '/') {
      this.next();
      this.blanks();
    }
    this.step(steps);
    this.blanks();
    while (this.ch() === '/') {
      if (this.nxt(1) === '/') {
        this.i += 2;
        this.blanks();
        steps.push(DESCENDANT_OR_SELF);
      } else {
        this.next();
        this.blanks();
      }
      this.step(steps);
      this.blanks();
    }
  }

  private step(steps: Step[]): void {
    this.blanks();
    if (this.ch() === '.' && this.nxt(1) === '.') {
      this.i += 2;
      this.blanks();
      steps.push({ axis: 'parent', test: { type: 'node' }, predicates: [] });
      return;
    }
    if (this.ch() === '.') {
      this.next();
      this.blanks();
      return;
    }
    let axis: Axis = 'child';
    let name: string | undefined;
    if (this.ch() !== '*') {
      name = this.ncname();
      if (name !== undefined) {
        if (AXES.has(name)) {
          this.blanks();
          if (this.ch() === ':' && this.nxt(1) === ':') {
            this.i += 2;
            axis = name as Axis;
            name = undefined;
          }
        }
      } else if (this.ch() === '@') {
        this.next();
        axis = 'attribute';
      }
    }
    const test = this.nodeTest(name);
    this.blanks();
    const predicates: Expr[] = [];
    while (this.ch() === '[') predicates.push(this.predicate());
    steps.push({ axis, test, predicates });
  }

  private nodeTest(given: string | undefined): NodeTest {
    this.blanks();
    if (given === undefined && this.ch() === '*') {
      this.next();
      return { type: 'any', prefix: undefined };
    }
    const name = given ?? this.ncname();
    if (name === undefined) this.fail(XPathCode.EXPR);
    const blanks = isBlank(this.ch());
    this.blanks();
    if (this.ch() === '(') {
      this.next();
      if (!NODE_TYPES.has(name)) this.fail(XPathCode.EXPR);
      this.blanks();
      let target: string | undefined;
      if (name === 'processing-instruction' && this.ch() !== ')') {
        const q = this.ch();
        if (q !== '"' && q !== "'") this.fail(XPathCode.START_LITERAL);
        const end = this.s.indexOf(q, this.i + 1);
        if (end < 0) {
          // libxml2 reports the literal, then the node test that lacks it.
          const len = this.s.length;
          throw new XPathError(XPathCode.UNFINISHED_LITERAL, len, undefined, new XPathError(XPathCode.EXPR, len));
        }
        target = this.s.slice(this.i + 1, end);
        this.i = end + 1;
        this.blanks();
      }
      if (this.ch() !== ')') this.fail(XPathCode.UNCLOSED);
      this.next();
      if (name === 'processing-instruction') return { type: 'pi', target };
      return { type: name as 'node' | 'text' | 'comment' };
    }
    if (!blanks && this.ch() === ':') {
      this.next();
      if (this.ch() === '*') {
        this.next();
        return { type: 'any', prefix: name };
      }
      const local = this.ncname();
      if (local === undefined) this.fail(XPathCode.EXPR);
      return { type: 'name', prefix: name, local };
    }
    return { type: 'name', prefix: undefined, local: name };
  }
}

/** Compiles an expression, throwing XPathError where libxml2 would report one. */
export function compileXPath(expr: string): Expr {
  const c = new Compiler(expr);
  const e = c.expr();
  if (c.i < expr.length) throw new XPathError(XPathCode.EXPR, c.i);
  return e;
}
