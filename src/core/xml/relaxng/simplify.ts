/**
 * libxml2's post-parse passes over the pattern graph: empty/notAllowed simplification with
 * attribute-only patterns moved to the element's attrs (xmlRelaxNGSimplify), and the rule
 * walk (xmlRelaxNGCheckRules) whose side effect the validator depends on: choices get their
 * triage tables (xmlRelaxNGCheckChoiceDeterminism). The walk's schema-error checks are left
 * out: libvirt's schemas are known good.
 */
import { F, triageKey, type Define, type DefType } from './define.js';

const CONTAINERS: ReadonlySet<DefType> = new Set(['choice', 'interleave', 'group', 'oneOrMore', 'zeroOrMore', 'optional', 'parentRef', 'ref', 'def']);

/** xmlRelaxNGTryUnlink: removes cur from its parent's list, or turns a root into a noop. */
function tryUnlink(cur: Define, parent: Define | undefined, prev: Define | undefined): Define | undefined {
  if (prev) {
    prev.next = cur.next;
    return prev;
  }
  if (parent) {
    if (parent.content === cur) parent.content = cur.next;
    else if (parent.attrs === cur) parent.attrs = cur.next;
    else if (parent.nameClass === cur) parent.nameClass = cur.next;
    return prev;
  }
  cur.type = 'noop';
  return cur;
}

const NOT_ALLOWED_PARENTS: ReadonlySet<DefType> = new Set(['attribute', 'list', 'group', 'interleave', 'oneOrMore', 'zeroOrMore']);

export function simplify(first: Define | undefined, parent: Define | undefined): void {
  let prev: Define | undefined;
  let cur = first;
  while (cur) {
    if (cur.type === 'ref' || cur.type === 'parentRef') {
      if (cur.depth !== -3) {
        cur.depth = -3;
        simplify(cur.content, cur);
      }
    } else if (cur.type === 'notAllowed') {
      cur.parent = parent;
      if (parent && NOT_ALLOWED_PARENTS.has(parent.type)) {
        parent.type = 'notAllowed';
        break;
      }
      prev = parent?.type === 'choice' ? tryUnlink(cur, parent, prev) : cur;
    } else if (cur.type === 'empty') {
      cur.parent = parent;
      if (parent && (parent.type === 'oneOrMore' || parent.type === 'zeroOrMore')) {
        parent.type = 'empty';
        break;
      }
      prev = parent && (parent.type === 'group' || parent.type === 'interleave') ? tryUnlink(cur, parent, prev) : cur;
    } else {
      cur.parent = parent;
      if (cur.content) simplify(cur.content, cur);
      if (cur.type !== 'value' && cur.attrs) simplify(cur.attrs, cur);
      if (cur.nameClass) simplify(cur.nameClass, cur);
      if (cur.type === 'element') moveAttributePatterns(cur);
      if (cur.type === 'group' || cur.type === 'interleave') {
        if (!cur.content) cur.type = 'empty';
        else if (!cur.content.next) {
          if (!parent && !prev) cur.type = 'noop';
          else if (!prev) {
            parent!.content = cur.content;
            cur.content.next = cur.next;
            cur = cur.content;
          } else {
            cur.content.next = cur.next;
            prev.next = cur.content;
            cur = cur.content;
          }
        }
      }
      if (cur.type === 'except' && cur.content?.type === 'notAllowed') {
        prev = tryUnlink(cur, parent, prev);
      } else if (cur.type === 'notAllowed') {
        if (parent && NOT_ALLOWED_PARENTS.has(parent.type)) {
          parent.type = 'notAllowed';
          break;
        }
        prev = parent?.type === 'choice' ? tryUnlink(cur, parent, prev) : cur;
      } else if (cur.type === 'empty') {
        if (parent && (parent.type === 'oneOrMore' || parent.type === 'zeroOrMore')) {
          parent.type = 'empty';
          break;
        }
        prev = parent && (parent.type === 'group' || parent.type === 'interleave' || parent.type === 'choice') ? tryUnlink(cur, parent, prev) : cur;
      } else prev = cur;
    }
    cur = cur.next;
  }
}

/** On elements, content patterns that can only produce attributes move to attrs. */
function moveAttributePatterns(el: Define): void {
  while (el.content && generatesOnlyAttributes(el.content)) {
    const tmp = el.content;
    el.content = tmp.next;
    tmp.next = el.attrs;
    el.attrs = tmp;
  }
  let pre = el.content;
  while (pre?.next) {
    const tmp: Define = pre.next;
    if (generatesOnlyAttributes(tmp)) {
      pre.next = tmp.next;
      tmp.next = el.attrs;
      el.attrs = tmp;
    } else pre = tmp;
  }
}

const PRODUCES_CONTENT: ReadonlySet<DefType> = new Set(['element', 'text', 'data', 'param', 'list', 'value', 'empty']);

/**
 * Walks the subtree of `def` (its own pattern, not its next siblings) the way libxml2's
 * xmlRelaxNGGenerateAttributes/GetElements do, re-pointing parents on the way down.
 */
function walk(def: Define, visit: (d: Define) => 'stop' | 'take' | 'descend'): boolean {
  let cur: Define | undefined = def;
  while (cur) {
    const what = visit(cur);
    if (what === 'stop') return false;
    if (what === 'descend' && cur.content) {
      const parent: Define = cur;
      cur = cur.content;
      for (let t: Define | undefined = cur; t; t = t.next) t.parent = parent;
      continue;
    }
    if (cur === def) break;
    if (cur.next) {
      cur = cur.next;
      continue;
    }
    do {
      cur = cur.parent;
      if (!cur) break;
      if (cur === def) return true;
      if (cur.next) {
        cur = cur.next;
        break;
      }
    } while (cur);
  }
  return true;
}

function generatesOnlyAttributes(def: Define): boolean {
  return walk(def, (d) => (PRODUCES_CONTENT.has(d.type) ? 'stop' : CONTAINERS.has(d.type) ? 'descend' : 'take'));
}

/** xmlRelaxNGGetElements: 0 = elements and text, 1 = attributes, 2 = anything matching a node. */
export function getElements(def: Define, eora: 0 | 1 | 2): Define[] {
  const out: Define[] = [];
  walk(def, (d) => {
    const hit =
      eora === 0
        ? d.type === 'element' || d.type === 'text'
        : eora === 1
          ? d.type === 'attribute'
          : d.type === 'data' || d.type === 'element' || d.type === 'list' || d.type === 'text' || d.type === 'value';
    if (hit) {
      out.push(d);
      return 'take';
    }
    return CONTAINERS.has(d.type) ? 'descend' : 'take';
  });
  return out;
}

/** xmlRelaxNGIsNullable: 1, 0, or -1 where libxml2 cannot tell (optional, zeroOrMore). */
export function isNullable(d: Define | undefined): number {
  if (!d) return -1;
  if (d.dflags & F.NULLABLE) return 1;
  if (d.dflags & F.NOT_NULLABLE) return 0;
  let ret: number;
  switch (d.type) {
    case 'empty':
    case 'text':
      ret = 1;
      break;
    case 'noop':
    case 'def':
    case 'ref':
    case 'parentRef':
    case 'oneOrMore':
      ret = isNullable(d.content);
      break;
    case 'except':
    case 'notAllowed':
    case 'element':
    case 'data':
    case 'param':
    case 'value':
    case 'list':
    case 'attribute':
      ret = 0;
      break;
    case 'choice':
      ret = 0;
      for (let l = d.content; l; l = l.next) {
        const r = isNullable(l);
        if (r !== 0) {
          ret = r;
          break;
        }
      }
      break;
    case 'start':
    case 'interleave':
    case 'group':
      for (let l = d.content; l; l = l.next) {
        const r = isNullable(l);
        if (r !== 1) {
          ret = r;
          if (ret === 0) d.dflags |= F.NOT_NULLABLE;
          return ret;
        }
      }
      return 1;
    default:
      return -1;
  }
  if (ret === 0) d.dflags |= F.NOT_NULLABLE;
  if (ret === 1) d.dflags |= F.NULLABLE;
  return ret;
}

/** Adds each element/text of a choice branch to its triage table; false when the table cannot be used. */
function addTriage(table: Map<string, Define>, defs: Define[], branch: Define): boolean {
  let ok = true;
  for (const d of defs) {
    let key: string | undefined;
    if (d.type === 'text') key = '#text';
    else if (d.type === 'element') key = triageKey(d.name ?? '#any', d.ns || undefined);
    if (key === undefined || table.has(key)) ok = false;
    else table.set(key, branch);
  }
  return ok;
}

function checkChoiceDeterminism(def: Define): void {
  if (def.dflags & F.PROCESSED) return;
  const nullable = isNullable(def);
  const triage = new Map<string, Define>();
  let triable = nullable === 0;
  for (let cur = def.content; cur; cur = cur.next) {
    const els = getElements(cur, 0);
    if (!els.length) triable = false;
    else if (triable && !addTriage(triage, els, cur)) triable = false;
  }
  if (triable) {
    def.dflags |= F.TRIABLE;
    def.triage = triage;
  }
  def.dflags |= F.PROCESSED;
}

/** The walk of xmlRelaxNGCheckRules, kept for its choice analysis (its checks are schema errors). */
export function checkRules(first: Define | undefined): void {
  for (let cur = first; cur; cur = cur.next) {
    if (cur.type === 'ref' || cur.type === 'parentRef') {
      if (cur.depth > -4) {
        cur.depth = -4;
        checkRules(cur.content);
        cur.depth = -5;
      }
      continue;
    }
    if (cur.type === 'element') checkRules(cur.attrs);
    else if (cur.type === 'choice') checkChoiceDeterminism(cur);
    checkRules(cur.content);
  }
}

/** xmlRelaxNGComputeInterleaves: partitions an interleave's branches by the nodes they take. */
export function computeInterleave(def: Define): void {
  const groups = [];
  let mixed = false;
  for (let cur = def.content; cur; cur = cur.next) {
    if (cur.type === 'text') mixed = true;
    groups.push({ rule: cur, defs: getElements(cur, 2), attrs: getElements(cur, 1) });
  }
  const triage = new Map<string, number>();
  let determinist: 1 | 0 | -1 | 2 = 1;
  for (const [i, g] of groups.entries()) {
    if (!g.defs.length) {
      determinist = 0;
      continue;
    }
    for (const d of g.defs) {
      let key: string | undefined;
      if (d.type === 'text') key = '#text';
      else if (d.type === 'element') {
        key = triageKey(d.name ?? '#any', d.ns || undefined);
        if (d.name === undefined && d.nameClass) determinist = 2;
      }
      if (key === undefined || triage.has(key)) determinist = -1;
      else triage.set(key, i);
    }
  }
  def.partition = { groups, triage, determinist: determinist === 1 || determinist === 2, needCheck: determinist === 2 };
  if (mixed) def.dflags |= F.MIXED;
}
