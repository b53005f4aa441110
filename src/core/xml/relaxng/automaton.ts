/**
 * Compiled content models (libxml2's xmlRelaxNGCompile over its xmlAutomata): an element
 * whose content is only elements, text, empty and their sequences/choices/repetitions gets
 * a finite automaton, used only when it is deterministic after epsilon elimination (two
 * distinct transitions with the same name out of one state make it non-deterministic).
 */
import { F, type Define } from './define.js';

interface Transition {
  to: number;
  label: string;
  define: Define | undefined;
}

export interface ContentModel {
  /** Per state: label → [target, element define] after epsilon elimination. */
  table: Map<string, { to: number; define: Define | undefined }>[];
  final: boolean[];
  init: number;
}

class Automaton {
  trans: Transition[][] = [];
  eps: number[][] = [];
  final = -1;
  constructor() {
    this.newState();
  }
  newState(): number {
    this.trans.push([]);
    this.eps.push([]);
    return this.trans.length - 1;
  }
  epsilon(from: number, to?: number): number {
    const t = to ?? this.newState();
    this.eps[from].push(t);
    return t;
  }
  transition(from: number, to: number | undefined, label: string, define: Define | undefined): number {
    const t = to ?? this.newState();
    this.trans[from].push({ to: t, label, define });
    return t;
  }

  closure(s: number): number[] {
    const seen = new Set([s]);
    const stack = [s];
    while (stack.length) for (const t of this.eps[stack.pop()!]) if (!seen.has(t)) (seen.add(t), stack.push(t));
    return [...seen];
  }

  /** Epsilon elimination and libxml2's determinism test; undefined when not deterministic. */
  model(): ContentModel | undefined {
    const n = this.trans.length;
    const table: ContentModel['table'] = [];
    const final: boolean[] = [];
    const reach = new Set([0]);
    const queue = [0];
    let determinist = true;
    while (queue.length) {
      const s = queue.shift()!;
      const row = new Map<string, { to: number; define: Define | undefined }>();
      const seen = new Set<Transition>();
      let fin = false;
      for (const c of this.closure(s)) {
        if (c === this.final) fin = true;
        for (const t of this.trans[c]) {
          if (seen.has(t)) continue;
          seen.add(t);
          if (row.has(t.label)) determinist = false;
          else row.set(t.label, { to: t.to, define: t.define });
          if (!reach.has(t.to)) (reach.add(t.to), queue.push(t.to));
        }
      }
      table[s] = row;
      final[s] = fin;
    }
    for (let s = 0; s < n; s++) table[s] ??= new Map();
    return determinist ? { table, final, init: 0 } : undefined;
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
    this.am.final = this.state;
    def.contModel = this.am.model();
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
