/**
 * The instance validator: libxml2's xmlRelaxNGValidateDefinition/ValidateState walk over a
 * set of alternative states, with its error stack, so the first error a document shows and
 * the lines after it are the ones libxml2 (and so libvirt) prints.
 */
import type { XDocument } from '../xpath/dom.js';
import { elementLabel } from './automaton.js';
import { F, triageKey, type Define } from './define.js';
import { E, ErrorReporter, FLAG } from './errors.js';
import { validateInterleave } from './interleave.js';
import { addState, copyState, instanceTree, isBlankNode, isText, newState, skipIgnored, type VNode, type VState } from './state.js';
import { validateAttribute, validateAttributeList, validateDatatype, validateValue } from './values.js';

export class Validator {
  state: VState | undefined;
  states: VState[] | undefined;
  readonly err: ErrorReporter;
  /** libxml2's node->psvi: the element define a node last validated against. */
  private readonly psvi = new Map<VNode, Define>();
  private perr = 0;

  constructor() {
    this.err = new ErrorReporter(() => this.state);
  }

  /** The current alternative states, read through a call so narrowing does not outlive the calls that change them. */
  alts(): VState[] | undefined {
    return this.states;
  }

  get mixed(): boolean {
    return (this.err.flags & FLAG.MIXED_CONTENT) !== 0;
  }

  skip(n: VNode | undefined): VNode | undefined {
    return skipIgnored(n, this.mixed);
  }

  validateDocument(doc: XDocument, start: Define): boolean {
    const state = newState(instanceTree(doc));
    this.state = state;
    let ret = this.validateDefinition(start);
    if (this.state && state.seq) {
      if (this.skip(this.state.seq) && ret !== -1) {
        this.err.add(E.EXTRADATA);
        ret = -1;
      }
    } else if (this.states) {
      let tmp = -1;
      for (const st of this.states) if (!this.skip(st.seq)) tmp = 0;
      if (tmp === -1 && ret !== -1) {
        this.err.add(E.EXTRADATA);
        ret = -1;
      }
    }
    this.state = undefined;
    if (ret !== 0) this.err.dump();
    else if (this.err.nr !== 0) {
      this.err.shown.push(`${this.err.nr} Extra error messages left on stack !\n`);
      this.err.dump();
    }
    return ret === 0 && !this.err.errNo;
  }

  /** xmlRelaxNGValidateDefinitionList. */
  validateList(defines: Define | undefined): number {
    if (!defines) {
      this.err.add(E.INTERNAL, 'NULL definition list');
      return -1;
    }
    let ret = 0;
    for (let d: Define | undefined = defines; d; d = d.next) {
      if (!this.state && !this.states) {
        this.err.add(E.NOSTATE);
        return -1;
      }
      const res = this.validateDefinition(d);
      if (res < 0) ret = -1;
      if (res === -1) break;
    }
    return ret;
  }

  /** xmlRelaxNGValidateDefinition: runs the pattern from every current state, keeping the survivors. */
  validateDefinition(define: Define): number {
    if (this.state && this.states) this.state = undefined;
    if (!this.states || this.states.length === 1) {
      if (this.states) {
        this.state = this.states[0];
        this.states = undefined;
      }
      const ret = this.validateState(define);
      if (this.state && this.alts()) this.state = undefined;
      const after = this.alts();
      if (after?.length === 1) {
        this.state = after[0];
        this.states = undefined;
      }
      return ret;
    }
    const states = this.states;
    this.states = undefined;
    let res: VState[] | undefined;
    let j = 0;
    const oldflags = this.err.flags;
    this.err.flags |= FLAG.IGNORABLE;
    for (let i = 0; i < states.length; i++) {
      this.state = states[i];
      this.states = undefined;
      const ret = this.validateState(define);
      if (this.state && this.states) this.state = undefined;
      if (ret === 0) {
        if (!this.states) {
          if (res) addState(res, this.state!);
          else states[j++] = this.state!;
          this.state = undefined;
        } else if (!res) {
          res = this.states;
          this.states = undefined;
          for (let k = 0; k < j; k++) addState(res, states[k]);
        } else {
          for (const s of this.alts()!) addState(res, s);
          this.states = undefined;
        }
      } else {
        this.state = undefined;
        this.states = undefined;
      }
    }
    this.err.flags = oldflags;
    let ret: number;
    if (res) {
      this.states = res;
      ret = 0;
    } else if (j > 1) {
      states.length = j;
      this.states = states;
      ret = 0;
    } else if (j === 1) {
      this.state = states[0];
      ret = 0;
    } else {
      ret = -1;
      this.states = undefined;
    }
    if (this.state && this.states) this.state = undefined;
    return ret;
  }

  /** xmlRelaxNGElementMatch with its error reports. */
  private elementMatch(define: Define, elem: VNode): number {
    if (define.name !== undefined && elem.name !== define.name) {
      this.err.add(E.ELEMNAME, define.name, elem.name);
      return 0;
    }
    if (define.ns) {
      if (elem.ns === undefined) {
        this.err.add(E.ELEMNONS, elem.name);
        return 0;
      }
      if (elem.ns !== define.ns) {
        this.err.add(E.ELEMWRONGNS, elem.name, define.ns);
        return 0;
      }
    } else if (elem.ns !== undefined && define.ns !== undefined && define.name === undefined) {
      this.err.add(E.ELEMEXTRANS, elem.name);
      return 0;
    } else if (elem.ns !== undefined && define.name !== undefined) {
      this.err.add(E.ELEMEXTRANS, define.name);
      return 0;
    }
    const nc = define.nameClass;
    if (!nc) return 1;
    const oldflags = this.err.flags;
    if (nc.type === 'except') {
      this.err.flags |= FLAG.IGNORABLE;
      for (let l = nc.content; l; l = l.next) {
        if (this.elementMatch(l, elem) === 1) {
          this.err.flags = oldflags;
          return 0;
        }
      }
      this.err.flags = oldflags;
      return 1;
    }
    if (nc.type === 'choice') {
      this.err.flags |= FLAG.IGNORABLE;
      let ret = 0;
      for (let l = nc.nameClass; l; l = l.next) {
        ret = this.elementMatch(l, elem);
        if (ret === 1) {
          this.err.flags = oldflags;
          return 1;
        }
      }
      if (ret !== 0) {
        if (!(this.err.flags & FLAG.IGNORABLE)) this.err.dump();
      } else if (this.err.nr > 0) this.err.popTo(0);
      this.err.flags = oldflags;
      return 0;
    }
    return -1;
  }

  /** xmlRelaxNGValidateElementEnd: nothing left in the content, no attribute unmatched. */
  private elementEnd(dolog: boolean): number {
    const st = this.state!;
    if (st.seq) {
      st.seq = this.skip(st.seq);
      if (st.seq) {
        if (dolog) this.err.add(E.EXTRACONTENT, st.node.name, st.seq.name);
        return -1;
      }
    }
    for (let i = 0; i < st.attrs.length; i++) {
      const a = st.attrs[i];
      if (a) {
        if (dolog) this.err.add(E.INVALIDATTR, a.local, st.node.name);
        return -1 - i;
      }
    }
    return 0;
  }

  /** xmlRelaxNGBestState + LogBestError: report the end check of the most advanced state. */
  private logBestError(): void {
    const states = this.states;
    if (!states?.length) return;
    let best = -1;
    let value = 1000000;
    states.forEach((s, i) => {
      if (s.seq) {
        if (best === -1 || value > 100000) {
          value = 100000;
          best = i;
        }
      } else if (best === -1 || value > s.nbAttrLeft) {
        value = s.nbAttrLeft;
        best = i;
      }
    });
    if (best >= 0) {
      this.state = states[best];
      this.elementEnd(true);
    }
  }

  /** Pops the element-name mismatches a successful match makes irrelevant. */
  private popNameErrors(node: VNode): void {
    for (let t = this.err.topError; t; t = this.err.topError) {
      const drop =
        (t.err === E.ELEMNAME && t.arg2 === node.name) ||
        (t.err === E.ELEMEXTRANS && t.arg1 === node.name) ||
        t.err === E.NOELEM ||
        t.err === E.NOTELEM;
      if (!drop) break;
      this.err.pop();
    }
  }

  /** The end of an element's content over the states its content left. */
  private endAll(ret: number, oldflags: number, nseq?: { seq: VNode | undefined }): number {
    if (this.states) {
      let tmp = -1;
      for (const s of this.states) {
        this.state = s;
        if (nseq) s.seq = nseq.seq;
        if (this.elementEnd(false) === 0) {
          tmp = 0;
          break;
        }
      }
      if (tmp !== 0) {
        this.err.flags |= FLAG.IGNORABLE;
        this.logBestError();
      }
      this.err.flags = oldflags;
      this.states = undefined;
      if (ret === 0 && tmp === -1) ret = -1;
    } else if (ret === 0) ret = this.elementEnd(true);
    return ret;
  }

  private validateElement(define: Define, start: VNode | undefined): number {
    let errNr = this.err.nr;
    const node = this.skip(start);
    if (!node) {
      this.err.add(E.NOELEM, define.name);
      if (!(this.err.flags & FLAG.IGNORABLE)) this.err.dump();
      return -1;
    }
    if (node.kind !== 'element') {
      this.err.add(E.NOTELEM);
      if (!(this.err.flags & FLAG.IGNORABLE)) this.err.dump();
      return -1;
    }
    if (this.psvi.get(node) === define) {
      this.state!.seq = this.skip(node.next);
      if (this.err.nr > errNr) this.err.popTo(errNr);
      if (this.err.nr !== 0) this.popNameErrors(node);
      return 0;
    }
    if (this.elementMatch(define, node) <= 0) {
      if (!(this.err.flags & FLAG.IGNORABLE)) this.err.dump();
      return -1;
    }
    let ret = 0;
    if (this.err.nr !== 0) {
      if (this.err.nr > errNr) this.err.popTo(errNr);
      this.popNameErrors(node);
    }
    errNr = this.err.nr;
    const oldflags = this.err.flags;
    if (this.err.flags & FLAG.MIXED_CONTENT) this.err.flags -= FLAG.MIXED_CONTENT;
    const oldstate = this.state;
    this.state = newState(node);
    if (define.attrs && validateAttributeList(this, define.attrs) !== 0) {
      ret = -1;
      this.err.add(E.ATTRVALID, node.name);
    }
    if (define.contModel) {
      const tmpstate = this.state;
      const tmpstates = this.states;
      this.state = newState(node);
      this.states = undefined;
      if (this.validateCompiled(define, this.state) !== 0) ret = -1;
      const nseq = { seq: this.state.seq };
      this.state = tmpstate;
      this.states = tmpstates;
      if (!this.states && this.state) this.state.seq = nseq.seq;
      ret = this.endAll(ret, oldflags, nseq);
    } else {
      if (define.content && this.validateList(define.content) !== 0) {
        ret = -1;
        if (!this.state) {
          this.state = oldstate;
          this.err.add(E.CONTENTVALID, node.name);
          this.state = undefined;
        } else this.err.add(E.CONTENTVALID, node.name);
      }
      ret = this.endAll(ret, oldflags);
    }
    if (ret === 0) this.psvi.set(node, define);
    this.err.flags = oldflags;
    this.state = oldstate;
    if (oldstate) oldstate.seq = this.skip(node.next);
    if (ret !== 0) {
      if (!(this.err.flags & FLAG.IGNORABLE)) {
        this.err.dump();
        ret = 0;
      }
    } else if (this.err.nr > errNr) this.err.popTo(errNr);
    return ret;
  }

  /** xmlRelaxNGValidateCompiledContent: the element's children through its automaton. */
  private validateCompiled(define: Define, st: VState): number {
    const model = define.contModel!;
    const oldperr = this.perr;
    this.perr = 0;
    let s = model.init;
    let failed = false;
    for (let cur = st.seq; cur; cur = cur.next) {
      st.seq = cur;
      let label: string | undefined;
      if (isText(cur)) {
        if (isBlankNode(cur)) continue;
        label = '#text';
      } else if (cur.kind === 'element') label = elementLabel(cur.name, cur.ns);
      if (label === undefined) continue;
      const t = model.table[s].get(label);
      if (!t) {
        if (label === '#text') this.err.add(E.TEXTWRONG, cur.parent?.name);
        else this.err.add(E.ELEMWRONG, cur.name);
        failed = true;
        break;
      }
      s = t.to;
      if (t.define?.type === 'element') {
        const r = this.validateDefinition(t.define);
        if (r !== 0) this.perr = r;
      }
    }
    let ret: number;
    if (failed) ret = -1;
    else if (model.final[s]) {
      ret = 0;
      st.seq = undefined;
    } else {
      this.err.add(E.NOELEM, '');
      ret = -1;
      if (!(this.err.flags & FLAG.IGNORABLE)) this.err.dump();
    }
    if (ret === 0 && this.perr !== 0) ret = this.perr;
    this.perr = oldperr;
    return ret;
  }

  /** Concatenated text of the nodes from `start` on; `elem` when an element is among them. */
  private textFrom(start: VNode | undefined): { text: string; elem: boolean } {
    let text = '';
    for (let c = start; c; c = c.next) {
      if (c.kind === 'element') return { text, elem: true };
      if (isText(c)) text += c.value;
    }
    return { text, elem: false };
  }

  /** xmlRelaxNGValidateState. */
  validateState(define: Define): number {
    const st = this.state;
    const start = st?.seq;
    let ret = 0;
    switch (define.type) {
      case 'empty':
        return 0;
      case 'notAllowed':
        return -1;
      case 'text': {
        let n = start;
        while (n && (isText(n) || n.kind === 'comment' || n.kind === 'pi')) n = n.next;
        st!.seq = n;
        return 0;
      }
      case 'element':
        return this.validateElement(define, start);
      case 'optional':
        return this.validateOptional(define);
      case 'oneOrMore': {
        const errNr = this.err.nr;
        ret = this.validateList(define.content);
        if (ret !== 0) return ret;
        if (this.err.nr > errNr) this.err.popTo(errNr);
        return this.validateZeroOrMore(define);
      }
      case 'zeroOrMore':
        return this.validateZeroOrMore(define);
      case 'choice':
        return this.validateChoice(define, start);
      case 'def':
      case 'group':
        return this.validateList(define.content);
      case 'interleave':
        return validateInterleave(this, define);
      case 'attribute':
        return validateAttribute(this, define);
      case 'start':
      case 'noop':
      case 'ref':
      case 'parentRef':
        if (!define.content) {
          this.err.add(E.NODEFINE);
          return -1;
        }
        return this.validateDefinition(define.content);
      case 'data': {
        const { text, elem } = this.textFrom(start);
        if (elem) {
          this.err.add(E.DATAELEM, start?.parent?.name);
          return -1;
        }
        ret = validateDatatype(this, text, define);
        if (ret === -1) this.err.add(E.DATATYPE, define.name);
        else if (ret === 0) st!.seq = undefined;
        return ret;
      }
      case 'value': {
        const { text, elem } = this.textFrom(start);
        if (elem) {
          this.err.add(E.VALELEM, start?.parent?.name);
          return -1;
        }
        const old = st!.value;
        st!.value = { toks: [text], i: 0, list: !!old?.list };
        ret = validateValue(this, define);
        st!.value = old;
        if (ret === -1) this.err.add(E.VALUE, define.name);
        else if (ret === 0) st!.seq = undefined;
        return ret;
      }
      case 'list': {
        const { text, elem } = this.textFrom(start);
        if (elem) {
          this.err.add(E.LISTELEM, start?.parent?.name);
          return -1;
        }
        const old = st!.value;
        st!.value = { toks: [text], i: 0, list: true };
        ret = validateValue(this, define);
        st!.value = old;
        if (ret === -1) this.err.add(E.LIST);
        else if (ret === 0 && start) st!.seq = start.next;
        return ret;
      }
      default:
        return -1;
    }
  }

  private validateOptional(define: Define): number {
    const errNr = this.err.nr;
    const oldflags = this.err.flags;
    this.err.flags |= FLAG.IGNORABLE;
    const oldstate = copyState(this.state!);
    const ret = this.validateList(define.content);
    if (ret !== 0) {
      this.state = oldstate;
      this.err.flags = oldflags;
      if (this.err.nr > errNr) this.err.popTo(errNr);
      return 0;
    }
    if (this.states) addState(this.states, oldstate);
    else {
      this.states = [];
      addState(this.states, oldstate);
      addState(this.states, this.state!);
      this.state = undefined;
    }
    this.err.flags = oldflags;
    if (this.err.nr > errNr) this.err.popTo(errNr);
    return 0;
  }

  private validateZeroOrMore(define: Define): number {
    const res: VState[] = [];
    if (this.state) addState(res, copyState(this.state));
    else for (const s of this.states!) addState(res, copyState(s));
    const oldflags = this.err.flags;
    this.err.flags |= FLAG.IGNORABLE;
    let states: VState[] | undefined;
    let progress: boolean;
    do {
      progress = false;
      let base = res.length;
      if (this.states) {
        states = this.states;
        for (const s of states) {
          this.state = s;
          this.states = undefined;
          const ret = this.validateList(define.content);
          if (ret === 0) {
            if (this.state) {
              if (addState(res, this.state) === 1) progress = true;
              this.state = undefined;
            } else if (this.alts()) {
              for (const t of this.alts()!) if (addState(res, t) === 1) progress = true;
              this.states = undefined;
            }
          } else this.state = undefined;
        }
      } else {
        const ret = this.validateList(define.content);
        if (ret !== 0) this.state = undefined;
        else {
          base = res.length;
          if (this.state) {
            if (addState(res, this.state) === 1) progress = true;
            this.state = undefined;
          } else if (this.alts()) {
            for (const t of this.alts()!) if (addState(res, t) === 1) progress = true;
            states ??= this.alts();
            this.states = undefined;
          }
        }
      }
      if (progress) {
        if (res.length - base === 1) this.state = copyState(res[base]);
        else {
          states = res.slice(base).map(copyState);
          this.states = states;
        }
      }
    } while (progress);
    this.states = res;
    this.state = undefined;
    // libxml2 keeps the errors raised by the repetitions (its pop is compiled out).
    this.err.flags = oldflags;
    return 0;
  }

  private validateChoice(define: Define, start: VNode | undefined): number {
    const node = this.skip(start);
    const errNr = this.err.nr;
    if (define.dflags & F.TRIABLE && define.triage && node) {
      let branch: Define | undefined;
      if (isText(node)) branch = define.triage.get('#text');
      else if (node.kind === 'element') {
        if (node.ns !== undefined) branch = define.triage.get(triageKey(node.name, node.ns)) ?? define.triage.get(triageKey('#any', node.ns));
        else branch = define.triage.get(node.name);
        branch ??= define.triage.get('#any');
      }
      if (!branch) {
        this.err.add(E.ELEMWRONG, node.name);
        return -1;
      }
      return this.validateDefinition(branch);
    }
    const oldflags = this.err.flags;
    this.err.flags |= FLAG.IGNORABLE;
    let states: VState[] | undefined;
    let ret = 0;
    let oldstate: VState | undefined;
    for (let l = define.content; l; l = l.next) {
      oldstate = this.state && copyState(this.state);
      ret = this.validateDefinition(l);
      if (ret === 0) {
        states ??= [];
        if (this.state) addState(states, this.state);
        else if (this.states) {
          for (const s of this.states) addState(states, s);
          this.states = undefined;
        }
      }
      this.state = oldstate;
    }
    if (states) {
      this.states = states;
      this.state = undefined;
      ret = 0;
    } else this.states = undefined;
    this.err.flags = oldflags;
    if (ret !== 0) {
      if (!(this.err.flags & FLAG.IGNORABLE)) this.err.dump();
    } else if (this.err.nr > errNr) this.err.popTo(errNr);
    return ret;
  }
}

