/**
 * libxml2's RelaxNG validity errors: the message texts (xmlRelaxNGGetErrorString) and the
 * error stack that holds errors raised inside alternatives until it is known whether they
 * matter (xmlRelaxNGAddValidError, ValidErrorPush/Pop, PopErrors, DumpValidError).
 */
export const enum E {
  TYPE,
  TYPEVAL,
  DUPID,
  TYPECMP,
  NOSTATE,
  NODEFINE,
  INTERNAL,
  LISTEXTRA,
  INTERNODATA,
  INTERSEQ,
  INTEREXTRA,
  ELEMNAME,
  ELEMNONS,
  ELEMWRONGNS,
  ELEMWRONG,
  TEXTWRONG,
  ELEMEXTRANS,
  ELEMNOTEMPTY,
  NOELEM,
  NOTELEM,
  ATTRVALID,
  CONTENTVALID,
  EXTRACONTENT,
  INVALIDATTR,
  LACKDATA,
  DATAELEM,
  VALELEM,
  LISTELEM,
  DATATYPE,
  VALUE,
  LIST,
  NOGRAMMAR,
  EXTRADATA,
}

const MESSAGES: Record<E, (a: string, b: string) => string> = {
  [E.TYPE]: (a) => `failed to validate type ${a}`,
  [E.TYPEVAL]: (a, b) => `Type ${a} doesn't allow value '${b}'`,
  [E.DUPID]: (a) => `ID ${a} redefined`,
  [E.TYPECMP]: (a) => `failed to compare type ${a}`,
  [E.NOSTATE]: () => 'Internal error: no state',
  [E.NODEFINE]: () => 'Internal error: no define',
  [E.INTERNAL]: (a) => `Internal error: ${a}`,
  [E.LISTEXTRA]: (a) => `Extra data in list: ${a}`,
  [E.INTERNODATA]: () => 'Internal: interleave block has no data',
  [E.INTERSEQ]: () => 'Invalid sequence in interleave',
  [E.INTEREXTRA]: (a) => `Extra element ${a} in interleave`,
  [E.ELEMNAME]: (a, b) => `Expecting element ${a}, got ${b}`,
  [E.ELEMNONS]: (a) => `Expecting a namespace for element ${a}`,
  [E.ELEMWRONGNS]: (a, b) => `Element ${a} has wrong namespace: expecting ${b}`,
  [E.ELEMWRONG]: (a) => `Did not expect element ${a} there`,
  [E.TEXTWRONG]: (a) => `Did not expect text in element ${a} content`,
  [E.ELEMEXTRANS]: (a) => `Expecting no namespace for element ${a}`,
  [E.ELEMNOTEMPTY]: (a) => `Expecting element ${a} to be empty`,
  [E.NOELEM]: (a) => `Expecting an element ${a}, got nothing`,
  [E.NOTELEM]: () => 'Expecting an element got text',
  [E.ATTRVALID]: (a) => `Element ${a} failed to validate attributes`,
  [E.CONTENTVALID]: (a) => `Element ${a} failed to validate content`,
  [E.EXTRACONTENT]: (a, b) => `Element ${a} has extra content: ${b}`,
  [E.INVALIDATTR]: (a, b) => `Invalid attribute ${a} for element ${b}`,
  [E.LACKDATA]: (a) => `Datatype element ${a} contains no data`,
  [E.DATAELEM]: (a) => `Datatype element ${a} has child elements`,
  [E.VALELEM]: (a) => `Value element ${a} has child elements`,
  [E.LISTELEM]: (a) => `List element ${a} has child elements`,
  [E.DATATYPE]: (a) => `Error validating datatype ${a}`,
  [E.VALUE]: (a) => `Error validating value ${a}`,
  [E.LIST]: () => 'Error validating list',
  [E.NOGRAMMAR]: () => 'No top grammar defined',
  [E.EXTRADATA]: () => 'Extra data in the document',
};

/** The validation flags of xmlRelaxNGValidCtxt. */
export const FLAG = { IGNORABLE: 1, NEGATIVE: 2, MIXED_CONTENT: 4, NOERROR: 8 } as const;

/** libxml2 shows at most this many stacked errors when it dumps the stack. */
const MAX_ERROR = 5;

interface StackedError {
  err: E;
  arg1: string | undefined;
  arg2: string | undefined;
  node: unknown;
  dup: boolean;
}

/** What the error functions need to know about the current state. */
export interface ErrorState {
  node: unknown;
}

export class ErrorReporter {
  flags = 0;
  /** Messages shown so far, each ending in a newline, in libxml2's order. */
  readonly shown: string[] = [];
  errNo = false;
  private readonly tab: StackedError[] = [];
  nr = 0;
  private max = 8;
  /** ctxt->err: libxml2 keeps it pointing at a slot even after PopErrors shrinks the stack. */
  private top = -1;

  constructor(private readonly currentState: () => ErrorState | undefined) {}

  get topError(): StackedError | undefined {
    return this.top >= 0 ? this.tab[this.top] : undefined;
  }

  private show(err: E, arg1: string | undefined, arg2: string | undefined): void {
    if (this.flags & FLAG.NOERROR) return;
    this.errNo = true;
    this.shown.push(`${MESSAGES[err](arg1 ?? '', arg2 ?? '')}\n`);
  }

  private push(err: E, arg1: string | undefined, arg2: string | undefined, dup: boolean): void {
    if (this.nr >= this.max) {
      this.max *= 2;
      this.top = this.nr - 1;
    }
    const st = this.currentState();
    const t = this.topError;
    if (t && st && t.node === st.node && t.err === err) return;
    this.tab[this.nr] = { err, arg1, arg2, node: st?.node, dup };
    this.top = this.nr;
    this.nr++;
  }

  /** xmlRelaxNGAddValidError: shown at once unless inside an alternative, then stacked. */
  add(err: E, arg1?: string, arg2?: string, dup = false): void {
    if (this.flags & FLAG.NOERROR) return;
    if (!(this.flags & FLAG.IGNORABLE) || this.flags & FLAG.NEGATIVE) {
      if (this.nr !== 0) this.dump();
      this.show(err, arg1, arg2);
    } else this.push(err, arg1, arg2, dup);
  }

  pop(): void {
    if (this.nr <= 0) {
      this.top = -1;
      return;
    }
    this.nr--;
    this.top = this.nr > 0 ? this.nr - 1 : -1;
    const cur = this.tab[this.nr];
    if (cur.dup) Object.assign(cur, { arg1: undefined, arg2: undefined, dup: false });
  }

  popTo(level: number): void {
    for (let i = level; i < this.nr; i++) {
      const e = this.tab[i];
      if (e.dup) Object.assign(e, { arg1: undefined, arg2: undefined, dup: false });
    }
    this.nr = level;
    if (this.nr <= 0) this.top = -1;
  }

  /** xmlRelaxNGDumpValidError: shows the stack (duplicates once, at most MAX_ERROR) and empties it. */
  dump(): void {
    let k = 0;
    for (let i = 0; i < this.nr; i++) {
      const e = this.tab[i];
      if (k < MAX_ERROR) {
        let seen = false;
        for (let j = 0; j < i && !seen; j++) {
          const d = this.tab[j];
          seen = e.err === d.err && e.node === d.node && e.arg1 === d.arg1 && e.arg2 === d.arg2;
        }
        if (!seen) {
          this.show(e.err, e.arg1, e.arg2);
          k++;
        }
      }
      if (e.dup) Object.assign(e, { arg1: undefined, arg2: undefined, dup: false });
    }
    this.nr = 0;
  }
}
