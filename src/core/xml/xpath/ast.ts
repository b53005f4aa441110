/** The compiled form of an XPath 1.0 expression. */

export type Axis =
  | 'ancestor'
  | 'ancestor-or-self'
  | 'attribute'
  | 'child'
  | 'descendant'
  | 'descendant-or-self'
  | 'following'
  | 'following-sibling'
  | 'namespace'
  | 'parent'
  | 'preceding'
  | 'preceding-sibling'
  | 'self';

export type NodeTest =
  | { type: 'name'; prefix: string | undefined; local: string }
  | { type: 'any'; prefix: string | undefined }
  | { type: 'node' | 'text' | 'comment' }
  | { type: 'pi'; target: string | undefined };

export interface Step {
  axis: Axis;
  test: NodeTest;
  predicates: Expr[];
}

export type Expr =
  | { op: 'or' | 'and'; a: Expr; b: Expr }
  | { op: 'eq'; negate: boolean; a: Expr; b: Expr }
  | { op: 'cmp'; less: boolean; strict: boolean; a: Expr; b: Expr }
  | { op: 'arith'; kind: '+' | '-' | '*' | 'div' | 'mod'; a: Expr; b: Expr }
  | { op: 'neg'; a: Expr }
  | { op: 'union'; a: Expr; b: Expr }
  | { op: 'number'; value: number }
  | { op: 'string'; value: string }
  | { op: 'var'; name: string }
  | { op: 'call'; prefix: string | undefined; name: string; args: Expr[] }
  | { op: 'filter'; base: Expr; predicates: Expr[] }
  /** A location path from the root, the context node, or a filter expression's node-set. */
  | { op: 'path'; from: 'root' | 'context' | Expr; steps: Step[] };

export const AXES: ReadonlySet<string> = new Set<Axis>([
  'ancestor',
  'ancestor-or-self',
  'attribute',
  'child',
  'descendant',
  'descendant-or-self',
  'following',
  'following-sibling',
  'namespace',
  'parent',
  'preceding',
  'preceding-sibling',
  'self',
]);

export const NODE_TYPES: ReadonlySet<string> = new Set(['comment', 'node', 'processing-instruction', 'text']);
