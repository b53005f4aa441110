/**
 * xmlRelaxNGValidateInterleave: the children are dealt out to the interleave's branches
 * (by the partition's triage table or by trying each branch's names), then each branch
 * validates its own sub-sequence in turn.
 */
import { triageKey, F, type Define, type InterleaveGroup } from './define.js';
import { E, FLAG } from './errors.js';
import { elementMatches } from './names.js';
import { copyState, isText, type VNode, type VState } from './state.js';
import type { Validator } from './validator.js';

/** xmlRelaxNGNodeMatchesList. */
function nodeMatches(node: VNode, defs: Define[]): boolean {
  for (const d of defs) {
    if (node.kind === 'element' && d.type === 'element') {
      if (elementMatches(d, { name: node.name, ns: node.ns })) return true;
    } else if (isText(node) && ['data', 'list', 'text', 'value'].includes(d.type)) return true;
  }
  return false;
}

function groupOf(define: Define, cur: VNode): number {
  const p = define.partition!;
  const n = p.groups.length;
  if (p.determinist) {
    let g: number | undefined;
    if (isText(cur)) g = p.triage.get('#text');
    else if (cur.kind === 'element') {
      if (cur.ns !== undefined) g = p.triage.get(triageKey(cur.name, cur.ns)) ?? p.triage.get(triageKey('#any', cur.ns));
      else g = p.triage.get(cur.name);
      g ??= p.triage.get('#any');
    }
    if (g === undefined) return n;
    if (p.needCheck && !nodeMatches(cur, p.groups[g].defs)) return n;
    return g;
  }
  const i = p.groups.findIndex((grp: InterleaveGroup) => nodeMatches(cur, grp.defs));
  return i < 0 ? n : i;
}

export function validateInterleave(ctx: Validator, define: Define): number {
  const errNr = ctx.err.nr;
  const p = define.partition;
  if (!p) {
    ctx.err.add(E.INTERNODATA);
    return -1;
  }
  const nbgroups = p.groups.length;
  const oldflags = ctx.err.flags;
  if (define.dflags & F.MIXED) {
    ctx.err.flags |= FLAG.MIXED_CONTENT;
    if (nbgroups === 2) {
      // Text plus one other branch: validate that branch with text ignored.
      if (ctx.state) ctx.state.seq = ctx.skip(ctx.state.seq);
      const other = p.groups[0].rule.type === 'text' ? p.groups[1].rule : p.groups[0].rule;
      const ret = ctx.validateDefinition(other);
      if (ret === 0 && ctx.state) ctx.state.seq = ctx.skip(ctx.state.seq);
      ctx.err.flags = oldflags;
      return ret;
    }
  }
  // Deal the children out to the groups, chaining each group's nodes through `next`.
  const heads: (VNode | undefined)[] = new Array(nbgroups).fill(undefined);
  const lasts: (VNode | undefined)[] = new Array(nbgroups).fill(undefined);
  let cur = ctx.skip(ctx.state!.seq);
  const start = cur;
  let lastchg: VNode | undefined;
  while (cur) {
    ctx.state!.seq = cur;
    const g = groupOf(define, cur);
    if (g >= nbgroups) break;
    if (lasts[g]) lasts[g]!.next = cur;
    else heads[g] = cur;
    lasts[g] = cur;
    lastchg = cur.next ?? cur;
    cur = ctx.skip(cur.next);
  }
  const lastelem = cur;
  let ret = 0;
  let oldstate: VState = ctx.state!;
  let done = false;
  for (let g = 0; g < nbgroups; g++) {
    ctx.state = copyState(oldstate);
    let after: VNode | undefined;
    if (lasts[g]) {
      after = lasts[g]!.next;
      lasts[g]!.next = undefined;
    }
    ctx.state.seq = heads[g];
    ret = ctx.validateDefinition(p.groups[g].rule);
    if (ret !== 0) break;
    const single = ctx.state as VState | undefined;
    const alts = ctx.alts();
    if (single) {
      const rest = ctx.skip(single.seq);
      oldstate = single;
      ctx.state = undefined;
      if (rest) {
        ctx.err.add(E.INTEREXTRA, rest.name);
        ret = -1;
        ctx.state = oldstate;
        done = true;
        break;
      }
    } else if (alts) {
      let found = false;
      let best = -1;
      let lowattr = -1;
      let rest: VNode | undefined;
      for (let j = 0; j < alts.length; j++) {
        const s = alts[j];
        rest = ctx.skip(s.seq);
        if (!rest) {
          if (!found) {
            lowattr = s.nbAttrLeft;
            best = j;
          }
          found = true;
          if (s.nbAttrLeft <= lowattr) {
            lowattr = s.nbAttrLeft;
            best = j;
          }
          if (lowattr === 0) break;
        } else if (!found && (lowattr === -1 || s.nbAttrLeft <= lowattr)) {
          lowattr = s.nbAttrLeft;
          best = j;
        }
      }
      if (alts.length > 0) oldstate = best !== -1 ? alts[best] : alts[alts.length - 1];
      ctx.states = undefined;
      if (!found) {
        ctx.err.add(E.INTEREXTRA, rest ? rest.name : 'noname');
        ret = -1;
        ctx.state = oldstate;
        done = true;
        break;
      }
    } else {
      ret = -1;
      break;
    }
    if (lasts[g]) lasts[g]!.next = after;
  }
  if (!done) {
    ctx.state = oldstate;
    ctx.state.seq = lastelem;
    if (ret !== 0) {
      ctx.err.add(E.INTERSEQ);
      ret = -1;
    }
  }
  ctx.err.flags = oldflags;
  // Re-link the document order from prev pointers, as libxml2 does (over any outer re-linking).
  for (let c = lastchg; c; c = c.prev) {
    if (c === start || !c.prev) break;
    c.prev.next = c;
  }
  if (ret === 0 && ctx.err.nr > errNr) ctx.err.popTo(errNr);
  return ret;
}
