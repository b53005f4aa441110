/**
 * Compiled content models (libxml2's xmlRelaxNGCompile over its xmlAutomata): an element
 * whose content is only elements, text, empty and their sequences/choices/repetitions gets
 * a finite automaton, used only when it is deterministic after epsilon elimination (two
 * distinct transitions with the same name out of one state make it non-deterministic).
 */
import { F, type Define } from './define.js';

interface Atom {
  label: string;
  define: Define | undefined;
}

/** A transition; `to` -1 = removed, -2 = an epsilon folded into its source. */
interface Trans {
  atom: Atom | undefined;
  to: number;
}

type StateType = 'start' | 'final' | 'trans' | 'sink' | 'unreach';

interface RState {
  no: number;
  type: StateType;
  trans: Trans[];
  transTo: number[];
  mark: 'normal' | 'start' | 'visited';
}

export interface ContentModel {
  /** Per live state: label → target and the element define of the first such transition. */
  table: Map<string, { to: number; define: Define | undefined }>[];
  final: boolean[];
  init: number;
}

/**
 * libxml2's automaton (xmlregexp.c) as RelaxNG builds it: states and transitions in creation
 * order, then its epsilon elimination and determinism test, replayed step by step because
 * its verdict depends on the order transitions were added (the test's result is whatever
 * its last comparison yielded).
 */
class Automaton {
  states: (RState | undefined)[] = [];
  atoms = 0;

  constructor() {
    this.push('start');
  }

  private push(type: StateType): number {
    this.states.push({ no: this.states.length, type, trans: [], transTo: [], mark: 'normal' });
    return this.states.length - 1;
  }

  private addTrans(from: number, atom: Atom | undefined, to: number): void {
    const st = this.states[from]!;
    for (let i = st.trans.length - 1; i >= 0; i--) if (st.trans[i].atom === atom && st.trans[i].to === to) return;
    st.trans.push({ atom, to });
    this.states[to]!.transTo.push(from);
  }

  epsilon(from: number, to?: number): number {
    const t = to ?? this.push('trans');
    this.addTrans(from, undefined, t);
    return t;
  }

  transition(from: number, to: number | undefined, label: string, define: Define | undefined): number {
    this.atoms++;
    const t = to ?? this.push('trans');
    this.addTrans(from, { label, define }, t);
    return t;
  }

  setFinal(s: number): void {
    this.states[s]!.type = 'final';
  }

  private eliminateSimpleEpsilons(): void {
    for (const st of this.states) {
      if (!st || st.trans.length !== 1 || st.type === 'unreach' || st.type === 'final') continue;
      const t = st.trans[0];
      if (t.atom || t.to < 0 || t.to === st.no || st.type === 'start') continue;
      const newto = t.to;
      for (const from of st.transTo) {
        const tmp = this.states[from]!;
        for (let j = 0; j < tmp.trans.length; j++) {
          if (tmp.trans[j].to !== st.no) continue;
          tmp.trans[j].to = -1;
          this.addTrans(from, tmp.trans[j].atom, newto);
        }
      }
      st.trans = [];
      st.type = 'unreach';
    }
    this.states = this.states.map((s) => (s?.type === 'unreach' ? undefined : s));
  }

  private reduceEpsilons(fromnr: number, tonr: number): void {
    const from = this.states[fromnr];
    const to = this.states[tonr];
    if (!from || !to || to.mark !== 'normal') return;
    to.mark = 'visited';
    if (to.type === 'final') from.type = 'final';
    for (let i = 0; i < to.trans.length; i++) {
      const t = to.trans[i];
      if (t.to < 0) continue;
      if (!t.atom) {
        if (t.to !== fromnr) this.reduceEpsilons(fromnr, t.to);
      } else this.addTrans(fromnr, t.atom, t.to);
    }
    to.mark = 'normal';
  }

  /** xmlFAEliminateEpsilonTransitions. */
  private eliminateEpsilons(): void {
    this.eliminateSimpleEpsilons();
    let hasEpsilon = false;
    for (let n = this.states.length - 1; n >= 0; n--) {
      const st = this.states[n];
      if (!st) continue;
      if (!st.trans.length && st.type !== 'final') st.type = 'sink';
      for (let i = 0; i < st.trans.length; i++) {
        const t = st.trans[i];
        if (t.atom || t.to < 0) continue;
        if (t.to === n) t.to = -1;
        else {
          hasEpsilon = true;
          const newto = t.to;
          t.to = -2;
          st.mark = 'start';
          this.reduceEpsilons(n, newto);
          st.mark = 'normal';
        }
      }
    }
    if (hasEpsilon) for (const st of this.states) for (const t of st?.trans ?? []) if (!t.atom && t.to >= 0) t.to = -1;
    const reached = new Set<number>();
    const todo = this.states[0] ? [0] : [];
    while (todo.length) {
      const n = todo.pop()!;
      if (reached.has(n)) continue;
      reached.add(n);
      for (const t of this.states[n]!.trans) if (t.to >= 0 && t.atom && this.states[t.to]) todo.push(t.to);
    }
    this.states = this.states.map((s, i) => (reached.has(i) ? s : undefined));
  }

  /** xmlFAComputesDeterminism after elimination, with its overwritten verdict. */
  private determinist(): boolean {
    let ret = true;
    for (const st of this.states) {
      if (!st || st.trans.length < 2) continue;
      for (let k = 0; k < st.trans.length; k++) {
        const t1 = st.trans[k];
        if (!t1.atom || t1.to === -1) continue;
        for (let i = 0; i < k; i++) {
          const t2 = st.trans[i];
          if (t2.to === -1) continue;
          if (t2.atom) {
            if (t2.atom.label === t1.atom.label) ret = false;
          } else ret = true;
        }
      }
    }
    return ret;
  }

  /** xmlAutomataCompile + xmlRegexpIsDeterminist: the model, or undefined when not deterministic. */
  model(): ContentModel | undefined {
    this.eliminateEpsilons();
    if (!this.determinist()) return undefined;
    const table: ContentModel['table'] = [];
    const final: boolean[] = [];
    for (const st of this.states) {
      if (!st) continue;
      const row = new Map<string, { to: number; define: Define | undefined }>();
      for (const t of st.trans) {
        if (t.to === -1 || !t.atom) continue;
        const prev = row.get(t.atom.label);
        // The compact form refuses one name leading to two states.
        if (prev && prev.to !== t.to && this.atoms) return undefined;
        if (!prev) row.set(t.atom.label, { to: t.to, define: t.atom.define });
      }
      table[st.no] = row;
      final[st.no] = st.type === 'final';
    }
    return { table, final, init: 0 };
  }
}

/** xmlRelaxNGIsCompilable. */
export function isCompilable(def: Define | undefined): number {
  if (!def) return -1;
  if (def.type !== 'element' && def.dflags & F.COMPILABLE) return 1;
  if (def.type !== 'element' && def.dflags & F.NOT_COMPILABLE) return 0;
  let ret = -1;
  switch (def.type) {
    case 'noop':
      ret = isCompilable(def.content);
      break;
    case 'text':
    case 'empty':
      ret = 1;
      break;
    case 'element':
      if (!(def.dflags & (F.COMPILABLE | F.NOT_COMPILABLE))) {
        for (let l = def.content; l; l = l.next) {
          ret = isCompilable(l);
          if (ret !== 1) break;
        }
        if (ret === 0) def.dflags = (def.dflags & ~F.COMPILABLE) | F.NOT_COMPILABLE;
        // libxml2 masks the flags here (`&=`), keeping only NOT_COMPILABLE before the test.
        if (ret === 1) {
          def.dflags &= F.NOT_COMPILABLE;
          if (!def.dflags) def.dflags |= F.COMPILABLE;
        }
      }
      return def.nameClass || def.name === undefined ? 0 : 1;
    case 'ref':
    case 'parentRef':
      if (def.depth === -20) return 1;
      def.depth = -20;
      for (let l = def.content; l; l = l.next) {
        ret = isCompilable(l);
        if (ret !== 1) break;
      }
      break;
    case 'start':
    case 'optional':
    case 'zeroOrMore':
    case 'oneOrMore':
    case 'choice':
    case 'group':
    case 'def':
      for (let l = def.content; l; l = l.next) {
        ret = isCompilable(l);
        if (ret !== 1) break;
      }
      break;
    default:
      ret = 0;
  }
  if (ret === 0) def.dflags |= F.NOT_COMPILABLE;
  if (ret === 1) def.dflags |= F.COMPILABLE;
  return ret;
}

export const elementLabel = (name: string, ns: string | undefined): string => (ns ? `${name}|${ns}` : name);

class Compiler {
  am: Automaton | undefined;
  state = 0;

  /** Builds def's own automaton (start or element) and keeps it when deterministic. */
  private own(def: Define): void {
    const oldAm = this.am;
    const oldState = this.state;
    def.depth = -25;
    this.am = new Automaton();
    this.state = 0;
    for (let l = def.content; l; l = l.next) this.compile(l);
    this.am.setFinal(this.state);
    // The start's own model is never used to validate a document; only elements keep one.
    if (def.type === 'element') def.contModel = this.am.model();
    this.am = oldAm;
    this.state = oldState;
  }

  compile(def: Define | undefined): void {
    if (!def) return;
    const am = this.am;
    switch (def.type) {
      case 'start':
        if (isCompilable(def) === 1 && def.depth !== -25) this.own(def);
        break;
      case 'element':
        if (am && def.name !== undefined) this.state = am.transition(this.state, undefined, elementLabel(def.name, def.ns || undefined), def);
        if (def.dflags & F.COMPILABLE && def.depth !== -25) this.own(def);
        else {
          this.tryCompile(def);
          this.am = am;
        }
        break;
      case 'noop':
        this.compile(def.content);
        break;
      case 'optional': {
        const old = this.state;
        for (let l = def.content; l; l = l.next) this.compile(l);
        am!.epsilon(old, this.state);
        break;
      }
      case 'zeroOrMore': {
        this.state = am!.epsilon(this.state);
        const old = this.state;
        for (let l = def.content; l; l = l.next) this.compile(l);
        am!.epsilon(this.state, old);
        this.state = am!.epsilon(old);
        break;
      }
      case 'oneOrMore': {
        for (let l = def.content; l; l = l.next) this.compile(l);
        const old = this.state;
        for (let l = def.content; l; l = l.next) this.compile(l);
        am!.epsilon(this.state, old);
        this.state = am!.epsilon(old);
        break;
      }
      case 'choice': {
        let target: number | undefined;
        const old = this.state;
        for (let l = def.content; l; l = l.next) {
          this.state = old;
          this.compile(l);
          if (target === undefined) target = this.state;
          else am!.epsilon(this.state, target);
        }
        this.state = target ?? old;
        break;
      }
      case 'ref':
      case 'parentRef':
      case 'group':
      case 'def':
        for (let l = def.content; l; l = l.next) this.compile(l);
        break;
      case 'text': {
        this.state = am!.epsilon(this.state);
        const old = this.state;
        am!.transition(this.state, this.state, '#text', undefined);
        this.state = am!.epsilon(old);
        break;
      }
      case 'empty':
        this.state = am!.epsilon(this.state);
        break;
      default:
        break;
    }
  }

  /** xmlRelaxNGTryCompile: compiles what can be compiled below a pattern. */
  tryCompile(def: Define | undefined): void {
    if (!def) return;
    if (def.type === 'start' || def.type === 'element') {
      isCompilable(def);
      if (def.dflags & F.COMPILABLE && def.depth !== -25) {
        this.am = undefined;
        this.compile(def);
        return;
      }
    }
    switch (def.type) {
      case 'noop':
        this.tryCompile(def.content);
        break;
      case 'optional':
      case 'zeroOrMore':
      case 'oneOrMore':
      case 'choice':
      case 'group':
      case 'def':
      case 'start':
      case 'ref':
      case 'parentRef':
        for (let l = def.content; l; l = l.next) this.tryCompile(l);
        break;
      default:
        break;
    }
  }
}

export function compileContentModels(start: Define): void {
  const c = new Compiler();
  c.tryCompile(start);
}
