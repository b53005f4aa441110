/**
 * Schema tree → pattern graph, following libxml2's xmlRelaxNGParse* functions: the same
 * define shapes, the same grouping of multi-child patterns, attributes of an element kept in
 * its `attrs`, defines combined (4.17) and references linked per grammar.
 */
import { newDefine, type Define } from './define.js';
import { grammarItems, type GrammarItem, type SchemaLoader } from './include.js';
import { rngAttr, rngKids, rngName, rngText, type RngNode } from './tree.js';

export const XSD_LIB = 'http://www.w3.org/2001/XMLSchema-datatypes';
export const DEFAULT_LIB = 'http://relaxng.org/ns/structure/1.0';

interface Grammar {
  start: Define | undefined;
  /** The start element's combine attribute for each start pattern. */
  startCombine: Map<Define, string | undefined>;
  defs: Map<string, Define>;
  refs: Map<string, Define[]>;
}

export interface ParsedSchema {
  start: Define | undefined;
  interleaves: Define[];
}

const normSpace = (s: string) => s.replace(/[ \t\n\r]+/g, ' ').trim();

class Parser {
  interleaves: Define[] = [];
  private grammar: Grammar | undefined;
  private parentGrammar: Grammar | undefined;
  private inAttribute = false;

  constructor(private readonly load: SchemaLoader) {}

  document(root: RngNode): Define | undefined {
    if (rngName(root) === 'grammar') return this.parseGrammar(rngKids(root)).start;
    const g = newGrammar();
    const old = this.grammar;
    this.grammar = g;
    this.parseStart([root], undefined);
    this.grammar = old;
    return g.start;
  }

  private parseGrammar(nodes: RngNode[]): Grammar {
    const g = newGrammar();
    const old = this.grammar;
    this.grammar = g;
    this.grammarContent(grammarItems(nodes, this.load));
    this.grammar = g;
    combineStart(g, this.interleaves);
    for (const [, d] of g.defs) checkCombine(d, this.interleaves);
    for (const [name, refs] of g.refs) {
      const def = g.defs.get(name);
      if (def) for (const r of refs) r.content = def;
    }
    this.grammar = old;
    return g;
  }

  private grammarContent(items: GrammarItem[]): void {
    for (const it of items) {
      if (!('node' in it)) {
        this.grammarContent(it.doc);
        this.grammarContent(it.own);
        continue;
      }
      const tag = rngName(it.node);
      if (tag === 'start') this.parseStart(rngKids(it.node), rngAttr(it.node, 'combine'));
      else if (tag === 'define') this.parseDefine(it.node);
    }
  }

  private parseStart(nodes: RngNode[], combine: string | undefined): void {
    const g = this.grammar!;
    const first = nodes[0];
    if (!first) return;
    let def: Define | undefined;
    const tag = rngName(first);
    if (tag === 'empty' || tag === 'notAllowed') def = newDefine(tag, first);
    else def = this.patterns(nodes, true);
    if (!def) return;
    for (let d: Define | undefined = def; d; d = d.next) g.startCombine.set(d, combine);
    if (g.start) {
      let last = g.start;
      while (last.next) last = last.next;
      last.next = def;
    } else g.start = def;
  }

  private parseDefine(node: RngNode): void {
    const g = this.grammar!;
    const name = normSpace(rngAttr(node, 'name') ?? '');
    const def = newDefine('def', node);
    def.name = name;
    const kids = rngKids(node);
    if (kids.length) def.content = this.patterns(kids, false);
    const prev = g.defs.get(name);
    if (!prev) g.defs.set(name, def);
    else {
      let p = prev;
      while (p.nextHash) p = p.nextHash;
      p.nextHash = def;
    }
  }

  /** xmlRelaxNGParsePatterns: a next-linked list; `group` wraps leading elements in a group. */
  private patterns(nodes: RngNode[], group: boolean): Define | undefined {
    let def: Define | undefined;
    let last: Define | undefined;
    for (const n of nodes) {
      const isElement = rngName(n) === 'element';
      const cur = isElement ? this.element(n) : this.pattern(n);
      if (!cur) continue;
      if (!def || !last) def = last = cur;
      else {
        if (isElement && group && def.type === 'element' && def === last) {
          const g = newDefine('group', n);
          g.content = last;
          def = g;
        }
        last.next = cur;
        last = cur;
      }
    }
    return def;
  }

  private pattern(node: RngNode): Define | undefined {
    const tag = rngName(node);
    const kids = rngKids(node);
    switch (tag) {
      case 'element':
        return this.element(node);
      case 'attribute':
        return this.attribute(node);
      case 'empty':
      case 'text':
      case 'notAllowed':
        return newDefine(tag, node);
      case 'zeroOrMore':
      case 'oneOrMore':
      case 'optional': {
        const d = newDefine(tag, node);
        if (kids.length) d.content = this.patterns(kids, true);
        return d;
      }
      case 'choice':
      case 'group':
      case 'list': {
        const d = newDefine(tag, node);
        if (kids.length) d.content = this.patterns(kids, false);
        return d;
      }
      case 'ref':
        return this.ref(node, this.grammar!, 'ref');
      case 'parentRef':
        return this.parentGrammar ? this.ref(node, this.parentGrammar, 'parentRef') : undefined;
      case 'data':
        return this.data(node);
      case 'value':
        return this.value(node);
      case 'interleave':
        return this.interleave(node);
      case 'mixed':
        return this.mixed(node);
      case 'grammar': {
        const oldParent = this.parentGrammar;
        const old = this.grammar;
        this.parentGrammar = old;
        const g = this.parseGrammar(kids);
        this.grammar = old;
        this.parentGrammar = oldParent;
        return g.start;
      }
      default:
        return undefined;
    }
  }

  private ref(node: RngNode, g: Grammar, type: 'ref' | 'parentRef'): Define {
    const d = newDefine(type, node);
    d.name = normSpace(rngAttr(node, 'name') ?? '');
    const refs = g.refs.get(d.name);
    if (refs) refs.push(d);
    else g.refs.set(d.name, [d]);
    return d;
  }

  private element(node: RngNode): Define {
    const ret = newDefine('element', node);
    const kids = rngKids(node);
    if (!kids.length) return ret;
    let rest = kids;
    if (this.nameClass(kids[0], ret)) rest = kids.slice(1);
    let last: Define | undefined;
    for (const k of rest) {
      const cur = this.pattern(k);
      if (!cur) continue;
      cur.parent = ret;
      if (cur.type === 'attribute') {
        cur.next = ret.attrs;
        ret.attrs = cur;
      } else if (!last) ret.content = last = cur;
      else {
        if (last.type === 'element' && ret.content === last) {
          const g = newDefine('group', node);
          g.content = last;
          ret.content = g;
        }
        last.next = cur;
        last = cur;
      }
    }
    return ret;
  }

  private attribute(node: RngNode): Define {
    const ret = newDefine('attribute', node);
    const kids = rngKids(node);
    const old = this.inAttribute;
    this.inAttribute = true;
    let rest = kids;
    if (kids.length && this.nameClass(kids[0], ret)) rest = kids.slice(1);
    if (rest.length) {
      const cur = this.pattern(rest[0]);
      if (cur) {
        ret.content = cur;
        cur.parent = ret;
      }
    }
    this.inAttribute = old;
    return ret;
  }

  /** xmlRelaxNGParseNameClass: names go onto `def` itself; choices and excepts hang off nameClass. */
  private nameClass(node: RngNode, def: Define): Define | undefined {
    const tag = rngName(node);
    let ret = def;
    if (tag === 'name' || tag === 'anyName' || tag === 'nsName') {
      if (def.type !== 'element' && def.type !== 'attribute') {
        ret = newDefine(this.inAttribute ? 'attribute' : 'element', node);
        ret.parent = def;
      }
    }
    if (tag === 'name') {
      ret.name = normSpace(rngText(node));
      ret.ns = rngAttr(node, 'ns');
    } else if (tag === 'anyName' || tag === 'nsName') {
      ret.name = undefined;
      ret.ns = tag === 'nsName' ? rngAttr(node, 'ns') : undefined;
      const kids = rngKids(node);
      if (kids.length) ret.nameClass = this.exceptNameClass(kids[0], def.type === 'attribute');
    } else if (tag === 'choice') {
      if (def.type === 'choice') ret = def;
      else {
        ret = newDefine('choice', node);
        ret.parent = def;
      }
      let last: Define | undefined;
      for (const c of rngKids(node)) {
        const t = this.nameClass(c, ret);
        if (!t) continue;
        if (last) last.next = t;
        last = t;
      }
    } else return undefined;
    if (ret !== def) {
      if (!def.nameClass) def.nameClass = ret;
      else {
        let t = def.nameClass;
        while (t.next) t = t.next;
        t.next = ret;
      }
    }
    return ret;
  }

  private exceptNameClass(node: RngNode, attr: boolean): Define | undefined {
    if (rngName(node) !== 'except') return undefined;
    const ret = newDefine('except', node);
    let last: Define | undefined;
    for (const c of rngKids(node)) {
      const cur = newDefine(attr ? 'attribute' : 'element', c);
      if (!this.nameClass(c, cur)) continue;
      if (!last) ret.content = cur;
      else last.next = cur;
      last = cur;
    }
    return ret;
  }

  private data(node: RngNode): Define {
    const d = newDefine('data', node);
    d.name = normSpace(rngAttr(node, 'type') ?? '');
    d.library = rngAttr(node, 'datatypeLibrary') || DEFAULT_LIB;
    const kids = rngKids(node);
    let i = 0;
    let lastParam: Define | undefined;
    for (; i < kids.length && rngName(kids[i]) === 'param'; i++) {
      if (d.library === DEFAULT_LIB) continue;
      const p = newDefine('param', node);
      p.name = rngAttr(kids[i], 'name');
      p.value = rngText(kids[i]);
      if (!lastParam) d.attrs = p;
      else lastParam.next = p;
      lastParam = p;
    }
    if (i < kids.length && rngName(kids[i]) === 'except') {
      const ex = newDefine('except', node);
      d.content = ex;
      let last: Define | undefined;
      for (const c of rngKids(kids[i])) {
        const t = this.pattern(c);
        if (!t) continue;
        if (!last) ex.content = t;
        else last.next = t;
        last = t;
      }
    }
    return d;
  }

  private value(node: RngNode): Define {
    const d = newDefine('value', node);
    const type = rngAttr(node, 'type');
    if (type !== undefined) {
      d.name = normSpace(type);
      d.library = rngAttr(node, 'datatypeLibrary') || DEFAULT_LIB;
    }
    d.value = rngText(node);
    return d;
  }

  private interleave(node: RngNode): Define {
    const d = newDefine('interleave', node);
    this.interleaves.push(d);
    let last: Define | undefined;
    for (const c of rngKids(node)) {
      const cur = rngName(c) === 'element' ? this.element(c) : this.pattern(c);
      if (!cur) continue;
      cur.parent = d;
      if (!last) d.content = cur;
      else last.next = cur;
      last = cur;
    }
    return d;
  }

  private mixed(node: RngNode): Define | undefined {
    if (!rngKids(node).length) return undefined;
    const d = this.interleave(node);
    if (d.content?.next) {
      const g = newDefine('group', node);
      g.content = d.content;
      d.content = g;
    }
    const t = newDefine('text', node);
    t.next = d.content;
    d.content = t;
    return d;
  }
}

function newGrammar(): Grammar {
  return { start: undefined, startCombine: new Map(), defs: new Map(), refs: new Map() };
}

/** 4.17 for starts: several start patterns become one choice or interleave. */
function combineStart(g: Grammar, interleaves: Define[]): void {
  const starts = g.start;
  if (!starts?.next) return;
  let kind: 'choice' | 'interleave' | undefined;
  for (let c: Define | undefined = starts; c; c = c.next) {
    const combine = g.startCombine.get(c);
    if (combine === 'choice' || combine === 'interleave') kind ??= combine;
  }
  const cur = newDefine(kind ?? 'interleave', starts.node);
  cur.content = starts;
  g.start = cur;
  if (cur.type === 'interleave') interleaves.push(cur);
}

/** xmlRelaxNGCheckCombine: same-named defines merge into one choice or interleave. */
function checkCombine(define: Define, interleaves: Define[]): void {
  if (!define.nextHash) return;
  let kind: 'choice' | 'interleave' | undefined;
  for (let c: Define | undefined = define; c; c = c.nextHash) {
    const combine = c.node ? rngAttr(c.node, 'combine') : undefined;
    if (combine === 'choice' || combine === 'interleave') kind ??= combine;
  }
  const cur = newDefine(kind ?? 'interleave', define.node);
  let last: Define | undefined;
  for (let t: Define | undefined = define; t; t = t.nextHash) {
    if (t.content) {
      let t2: Define;
      if (t.content.next) {
        t2 = newDefine('group', t.content.node);
        t2.content = t.content;
      } else t2 = t.content;
      if (!last) cur.content = t2;
      else last.next = t2;
      last = t2;
    }
    t.content = cur;
  }
  define.content = cur;
  if (cur.type === 'interleave') interleaves.push(cur);
}

export function parseSchema(root: RngNode, load: SchemaLoader): ParsedSchema {
  const p = new Parser(load);
  const start = p.document(root);
  return { start, interleaves: p.interleaves };
}
