/**
 * The compiled pattern graph, shaped as libxml2's xmlRelaxNGDefine so its validation order
 * and error reports can be followed step by step: every pattern is a node with a `content`
 * list (linked through `next`), elements keep their attribute patterns apart in `attrs`.
 */
import type { RngNode } from './tree.js';

export type DefType =
  | 'noop'
  | 'def'
  | 'value'
  | 'list'
  | 'data'
  | 'except'
  | 'param'
  | 'empty'
  | 'notAllowed'
  | 'text'
  | 'element'
  | 'attribute'
  | 'start'
  | 'optional'
  | 'zeroOrMore'
  | 'oneOrMore'
  | 'choice'
  | 'group'
  | 'interleave'
  | 'ref'
  | 'parentRef';

/** libxml2's define flags (dflags). */
export const F = {
  NULLABLE: 1 << 0,
  NOT_NULLABLE: 1 << 1,
  MIXED: 1 << 3,
  TRIABLE: 1 << 4,
  PROCESSED: 1 << 5,
  COMPILABLE: 1 << 6,
  NOT_COMPILABLE: 1 << 7,
} as const;

/** An interleave's partition (xmlRelaxNGPartition): one group per branch. */
export interface InterleaveGroup {
  rule: Define;
  defs: Define[];
  attrs: Define[];
}

export interface Partition {
  groups: InterleaveGroup[];
  /** name or "#text"/"#any" (+ "\u0000ns") → group index. */
  triage: Map<string, number>;
  determinist: boolean;
  needCheck: boolean;
}

export interface Define {
  type: DefType;
  /** The schema element this came from (combine attribute of defines). */
  node: RngNode | undefined;
  name: string | undefined;
  ns: string | undefined;
  /** value: the literal; param: its text. */
  value: string | undefined;
  /** datatype library URI of data/value. */
  library: string | undefined;
  content: Define | undefined;
  attrs: Define | undefined;
  nameClass: Define | undefined;
  next: Define | undefined;
  nextHash: Define | undefined;
  parent: Define | undefined;
  depth: number;
  dflags: number;
  /** choice: triage table (TRIABLE); interleave: partition. */
  triage: Map<string, Define> | undefined;
  partition: Partition | undefined;
  /** element/start: compiled content model when deterministic. */
  contModel: import('./automaton.js').ContentModel | undefined;
}

export function newDefine(type: DefType, node: RngNode | undefined): Define {
  return {
    type,
    node,
    name: undefined,
    ns: undefined,
    value: undefined,
    library: undefined,
    content: undefined,
    attrs: undefined,
    nameClass: undefined,
    next: undefined,
    nextHash: undefined,
    parent: undefined,
    depth: -1,
    dflags: 0,
    triage: undefined,
    partition: undefined,
    contModel: undefined,
  };
}

export const triageKey = (name: string, ns: string | undefined): string => (ns ? `${name}\u0000${ns}` : name);
