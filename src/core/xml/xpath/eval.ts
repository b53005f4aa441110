import type { Expr, NodeTest, Step } from './ast.js';
import { lookupNs, type XDocument, type XNodeAny } from './dom.js';
import { XPathCode, XPathError } from './errors.js';
import { FUNCTIONS } from './functions.js';
import { bool, compare, equals, nodes, num, toBoolean, toNumber, type Value } from './values.js';

interface Ctx {
  node: XNodeAny;
  position: number;
  size: number;
}

/** Document order with duplicates removed. */
function sortUnique(list: XNodeAny[]): XNodeAny[] {
  return [...new Set(list)].sort((a, b) => a.order - b.order);
}

function docOf(n: XNodeAny): XDocument {
  let cur: XNodeAny = n;
  while (cur.parent) cur = cur.parent;
  return cur as XDocument;
}

function kids(n: XNodeAny): XNodeAny[] {
  return n.kind === 'element' || n.kind === 'document' ? n.children : [];
}

function descendants(n: XNodeAny): XNodeAny[] {
  return kids(n).flatMap((c) => [c, ...descendants(c)]);
}

function ancestors(n: XNodeAny): XNodeAny[] {
  const out: XNodeAny[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

function siblings(n: XNodeAny): XNodeAny[] {
  return n.kind === 'attribute' || !n.parent ? [] : n.parent.children;
}

/** Nodes along an axis, in the axis' own order (reverse axes nearest first). */
function axisNodes(n: XNodeAny, axis: Step['axis']): XNodeAny[] {
  switch (axis) {
    case 'child':
      return kids(n);
    case 'descendant':
      return descendants(n);
    case 'descendant-or-self':
      return [n, ...descendants(n)];
    case 'self':
      return [n];
    case 'parent':
      return n.parent ? [n.parent] : [];
    case 'ancestor':
      return ancestors(n);
    case 'ancestor-or-self':
      return [n, ...ancestors(n)];
    case 'attribute':
      return n.kind === 'element' ? n.attrs : [];
    case 'namespace':
      return [];
    case 'following-sibling': {
      const sib = siblings(n);
      return sib.slice(sib.indexOf(n as never) + 1);
    }
    case 'preceding-sibling': {
      const sib = siblings(n);
      return sib.slice(0, Math.max(0, sib.indexOf(n as never))).reverse();
    }
    case 'following': {
      const anchor = n.kind === 'attribute' ? n.parent! : n;
      const skip = new Set(descendants(anchor));
      return descendants(docOf(n)).filter((x) => x.order > anchor.order && !skip.has(x));
    }
    case 'preceding': {
      const anchor = n.kind === 'attribute' ? n.parent! : n;
      const up = new Set(ancestors(anchor));
      return descendants(docOf(n))
        .filter((x) => x.order < anchor.order && !up.has(x))
        .reverse();
    }
  }
}

function testNode(n: XNodeAny, test: NodeTest, axis: Step['axis'], errPos: number): boolean {
  const principal = axis === 'attribute' ? 'attribute' : 'element';
  switch (test.type) {
    case 'node':
      return true;
    case 'text':
      return n.kind === 'text' || n.kind === 'cdata';
    case 'comment':
      return n.kind === 'comment';
    case 'pi':
      return n.kind === 'pi' && (test.target === undefined || n.target === test.target);
    case 'any':
    case 'name': {
      if (n.kind !== principal) return false;
      const named = n as { local: string; ns: string | undefined };
      if (test.type === 'name' && named.local !== test.local) return false;
      if (test.prefix === undefined) return test.type === 'any' || named.ns === undefined;
      return named.ns === resolvePrefix(test.prefix, errPos);
    }
  }
}

/** Only the prefixes XPath itself knows (libvirt registers none): 'xml'. */
function resolvePrefix(prefix: string, errPos: number): string {
  const uri = lookupNs(undefined, prefix);
  if (uri === undefined) throw new XPathError(XPathCode.UNDEF_PREFIX, errPos);
  return uri;
}

class Evaluator {
  constructor(readonly errPos: number) {}

  private fail(code: number): never {
    throw new XPathError(code, this.errPos);
  }

  private nodeSet(v: Value): XNodeAny[] {
    if (v.t !== 'nodes') this.fail(XPathCode.INVALID_TYPE);
    return v.v;
  }

  /** Filters `list` (in the order positions count) by each predicate in turn. */
  private filter(list: XNodeAny[], predicates: Expr[]): XNodeAny[] {
    let cur = list;
    for (const p of predicates) {
      const size = cur.length;
      cur = cur.filter((node, i) => {
        const v = this.eval(p, { node, position: i + 1, size });
        return v.t === 'number' ? v.v === i + 1 : toBoolean(v);
      });
    }
    return cur;
  }

  private step(input: XNodeAny[], step: Step): XNodeAny[] {
    // The prefix is looked up before any node is visited, even for an empty input.
    if ((step.test.type === 'name' || step.test.type === 'any') && step.test.prefix !== undefined) {
      resolvePrefix(step.test.prefix, this.errPos);
    }
    const out: XNodeAny[] = [];
    for (const n of input) {
      const matched = axisNodes(n, step.axis).filter((x) => testNode(x, step.test, step.axis, this.errPos));
      out.push(...this.filter(matched, step.predicates));
    }
    return sortUnique(out);
  }

  eval(e: Expr, ctx: Ctx): Value {
    switch (e.op) {
      case 'or':
        return bool(toBoolean(this.eval(e.a, ctx)) || toBoolean(this.eval(e.b, ctx)));
      case 'and':
        return bool(toBoolean(this.eval(e.a, ctx)) && toBoolean(this.eval(e.b, ctx)));
      case 'eq':
        return bool(equals(this.eval(e.a, ctx), this.eval(e.b, ctx), e.negate));
      case 'cmp':
        return bool(compare(this.eval(e.a, ctx), this.eval(e.b, ctx), e.less, e.strict));
      case 'arith': {
        const a = toNumber(this.eval(e.a, ctx));
        const b = toNumber(this.eval(e.b, ctx));
        const ops = { '+': a + b, '-': a - b, '*': a * b, div: a / b, mod: a % b };
        return num(ops[e.kind]);
      }
      case 'neg':
        return num(-toNumber(this.eval(e.a, ctx)));
      case 'union': {
        const a = this.nodeSet(this.eval(e.a, ctx));
        const b = this.nodeSet(this.eval(e.b, ctx));
        return nodes(sortUnique([...a, ...b]));
      }
      case 'number':
        return num(e.value);
      case 'string':
        return { t: 'string', v: e.value };
      case 'var':
        return this.fail(XPathCode.UNDEF_VARIABLE);
      case 'call':
        return this.call(e, ctx);
      case 'filter': {
        const base = this.nodeSet(this.eval(e.base, ctx));
        return nodes(this.filter(base, e.predicates));
      }
      case 'path': {
        let cur: XNodeAny[];
        if (e.from === 'root') cur = [docOf(ctx.node)];
        else if (e.from === 'context') cur = [ctx.node];
        else cur = this.nodeSet(this.eval(e.from, ctx));
        for (const s of e.steps) cur = this.step(cur, s);
        return nodes(cur);
      }
    }
  }

  private call(e: Extract<Expr, { op: 'call' }>, ctx: Ctx): Value {
    const args = e.args.map((a) => this.eval(a, ctx));
    if (e.prefix !== undefined) {
      // libxml2 gives up quietly (no "XPath error" line) on a prefix it cannot resolve.
      throw new XPathError(undefined, this.errPos, `xmlXPathCompOpEval: function ${e.name} bound to undefined prefix ${e.prefix}`);
    }
    const def = Object.hasOwn(FUNCTIONS, e.name) ? FUNCTIONS[e.name] : undefined;
    if (!def) throw new XPathError(XPathCode.UNKNOWN_FUNC, this.errPos, `xmlXPathCompOpEval: function ${e.name} not found`);
    if (def.defaultsToContext && args.length === 0) args.push(nodes([ctx.node]));
    if (args.length < def.min || args.length > def.max) this.fail(XPathCode.INVALID_ARITY);
    return def.call(args, { node: ctx.node, position: ctx.position, size: ctx.size, errPos: this.errPos });
  }
}

/**
 * Evaluates a compiled expression with `contextNode` as the context node (virsh uses the
 * document's root element), returning libxml2's result object.
 */
export function evaluate(expr: Expr, contextNode: XNodeAny, exprLength: number): Value {
  return new Evaluator(exprLength).eval(expr, { node: contextNode, position: 1, size: 1 });
}
