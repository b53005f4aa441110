import type { XNode } from '../../core/xml/tree.js';

/**
 * The XPath 1.0 subset dumpxml filters need, over a parsed document: location paths with
 * '/', '//', '.', '..', names, '*', '@name', '@*', text(), node(); predicates that are a
 * position, a path (exists) or a path compared with a literal; unions with '|'.
 */

export interface DNode {
  kind: 'doc' | 'element' | 'text' | 'attr';
  name: string;
  value: string;
  attrs: DNode[];
  children: DNode[];
  parent?: DNode;
  /** Document order. */
  order: number;
}

/** The expression is not XPath at all (libxml2 prints "XPath error : Invalid expression"). */
export class XPathSyntaxError extends Error {}
/** Valid XPath whose value is not a node-set (virsh: "Incorrect xpath"). */
export class XPathNotNodeSet extends Error {}

export function toDocument(root: XNode): DNode {
  let order = 0;
  const doc: DNode = { kind: 'doc', name: '', value: '', attrs: [], children: [], order: order++ };
  const build = (x: XNode, parent: DNode): DNode => {
    const el: DNode = { kind: 'element', name: x.name, value: '', attrs: [], children: [], parent, order: order++ };
    for (const [k, v] of Object.entries(x.attrs)) {
      el.attrs.push({ kind: 'attr', name: k, value: v, attrs: [], children: [], parent: el, order: order++ });
    }
    // Blank text between child elements is formatting; text of a leaf element is content.
    if (x.text !== '' && (x.children.length === 0 || x.text.trim() !== '')) {
      el.children.push({ kind: 'text', name: '', value: x.text, attrs: [], children: [], parent: el, order: order++ });
    }
    for (const c of x.children) el.children.push(build(c, el));
    return el;
  };
  doc.children.push(build(root, doc));
  return doc;
}

const stringValue = (n: DNode): string =>
  n.kind === 'attr' || n.kind === 'text' ? n.value : n.children.map(stringValue).join('');

function descendantsOrSelf(n: DNode): DNode[] {
  return [n, ...n.children.flatMap(descendantsOrSelf)];
}

type Axis = 'child' | 'descendant-or-self-child' | 'self' | 'parent' | 'attr';
interface Step {
  axis: Axis;
  test: string;
  predicates: Predicate[];
}
type Predicate = { pos: number } | { path: Path; op?: '=' | '!='; literal?: string };
interface Path {
  absolute: boolean;
  steps: Step[];
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }
  private peek(t: string): boolean {
    this.ws();
    return this.s.startsWith(t, this.i);
  }
  private eat(t: string): boolean {
    if (!this.peek(t)) return false;
    this.i += t.length;
    return true;
  }
  private name(): string | undefined {
    this.ws();
    const m = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?|^\*/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  parseUnion(): Path[] {
    this.ws();
    // Literals, numbers and function calls are valid XPath but never a node-set here.
    const rest = this.s.slice(this.i);
    if (/^(["']|\d|-|[A-Za-z_][\w.-]*\s*\()/.test(rest) && !/^(text|node)\s*\(/.test(rest)) {
      if (!/^(["'][^"']*["']|-?\d+(\.\d+)?|[A-Za-z_][\w.-]*\s*\(.*\))\s*$/.test(rest)) throw new XPathSyntaxError();
      throw new XPathNotNodeSet();
    }
    const paths = [this.parsePath()];
    while (this.eat('|')) paths.push(this.parsePath());
    this.ws();
    if (this.i < this.s.length) throw new XPathSyntaxError();
    return paths;
  }

  private parsePath(): Path {
    const steps: Step[] = [];
    let absolute = false;
    let sep: 'child' | 'descendant-or-self-child' = 'child';
    if (this.eat('//')) {
      absolute = true;
      sep = 'descendant-or-self-child';
    } else if (this.eat('/')) {
      absolute = true;
      this.ws();
      if (this.i >= this.s.length || this.peek('|') || this.peek(']')) return { absolute, steps };
    }
    for (;;) {
      steps.push(this.parseStep(sep));
      if (this.eat('//')) sep = 'descendant-or-self-child';
      else if (this.eat('/')) sep = 'child';
      else break;
    }
    return { absolute, steps };
  }

  private parseStep(sep: 'child' | 'descendant-or-self-child'): Step {
    let axis: Axis = sep;
    let test: string;
    if (this.eat('..')) {
      if (sep !== 'child') throw new XPathSyntaxError();
      return { axis: 'parent', test: 'node()', predicates: [] };
    }
    if (this.eat('.')) {
      if (sep !== 'child') throw new XPathSyntaxError();
      return { axis: 'self', test: 'node()', predicates: [] };
    }
    if (this.eat('@')) {
      const n = this.name();
      if (!n) throw new XPathSyntaxError();
      axis = 'attr';
      test = sep === 'child' ? n : `//${n}`;
    } else if (this.eat('text()')) test = 'text()';
    else if (this.eat('node()')) test = 'node()';
    else {
      const n = this.name();
      if (!n) throw new XPathSyntaxError();
      test = n;
    }
    const predicates: Predicate[] = [];
    while (this.eat('[')) {
      predicates.push(this.parsePredicate());
      if (!this.eat(']')) throw new XPathSyntaxError();
    }
    return { axis, test, predicates };
  }

  private parsePredicate(): Predicate {
    this.ws();
    const num = /^\d+/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return { pos: Number(num[0]) };
    }
    const path = this.parsePath();
    for (const op of ['!=', '='] as const) {
      if (this.eat(op)) {
        this.ws();
        const q = this.s[this.i];
        if (q !== '"' && q !== "'") throw new XPathSyntaxError();
        const end = this.s.indexOf(q, this.i + 1);
        if (end < 0) throw new XPathSyntaxError();
        const literal = this.s.slice(this.i + 1, end);
        this.i = end + 1;
        return { path, op, literal };
      }
    }
    return { path };
  }
}

function stepNodes(ctx: DNode, step: Step): DNode[] {
  switch (step.axis) {
    case 'self':
      return [ctx];
    case 'parent':
      return ctx.parent ? [ctx.parent] : [];
    case 'attr': {
      const deep = step.test.startsWith('//');
      const name = deep ? step.test.slice(2) : step.test;
      const owners = deep ? descendantsOrSelf(ctx) : [ctx];
      return owners.flatMap((o) => o.attrs.filter((a) => name === '*' || a.name === name));
    }
    default: {
      const pool = step.axis === 'child' ? ctx.children : descendantsOrSelf(ctx).flatMap((n) => n.children);
      return pool.filter((n) =>
        step.test === 'node()' ? true : step.test === 'text()' ? n.kind === 'text' : n.kind === 'element' && (step.test === '*' || n.name === step.test),
      );
    }
  }
}

function applyPredicate(nodes: DNode[], p: Predicate): DNode[] {
  if ('pos' in p) return nodes.length >= p.pos && p.pos > 0 ? [nodes[p.pos - 1]] : [];
  return nodes.filter((n) => {
    const hits = evalPath(n, p.path);
    if (p.op === undefined) return hits.length > 0;
    const eq = hits.some((h) => stringValue(h) === p.literal);
    return p.op === '=' ? eq : hits.some((h) => stringValue(h) !== p.literal);
  });
}

function evalPath(ctx: DNode, path: Path): DNode[] {
  let root = ctx;
  while (root.parent) root = root.parent;
  let current = path.absolute ? [root] : [ctx];
  for (const step of path.steps) {
    // Predicates count positions per context node, as in XPath.
    current = current.flatMap((c) => step.predicates.reduce((nodes, p) => applyPredicate(nodes, p), stepNodes(c, step)));
  }
  return current;
}

/** Evaluates `expr` against the document; nodes come back in document order, once each. */
export function evaluateXPath(doc: DNode, expr: string): DNode[] {
  const paths = new Parser(expr).parseUnion();
  const all = new Set(paths.flatMap((p) => evalPath(doc, p)));
  return [...all].sort((a, b) => a.order - b.order);
}
