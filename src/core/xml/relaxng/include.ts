/**
 * <include> resolution as libxml2's xmlRelaxNGLoadInclude does it: every include loads its
 * own copy of the target grammar, and the includer's start/define overrides remove the
 * same-named components from it (and from the grammars it includes in turn).
 */
import { rngAttr, rngKids, rngName, type RngNode } from './tree.js';

/** One component of a grammar: a plain start/define, or an include with its loaded grammar. */
export type GrammarItem = { node: RngNode } | { include: RngNode; doc: GrammarItem[]; own: GrammarItem[] };

export type SchemaLoader = (file: string) => RngNode;

export function grammarItems(nodes: RngNode[], load: SchemaLoader): GrammarItem[] {
  return nodes.map((n) => {
    if (rngName(n) !== 'include') return { node: n };
    const root = load(rngAttr(n, 'href') ?? '');
    const doc = grammarItems(rngKids(root), load);
    const own = grammarItems(rngKids(n), load);
    for (const o of own) {
      if (!('node' in o)) continue;
      const tag = rngName(o.node);
      if (tag === 'start') removeRedefine(doc, undefined);
      else if (tag === 'define') removeRedefine(doc, (rngAttr(o.node, 'name') ?? '').trim());
    }
    return { include: n, doc, own };
  });
}

/** xmlRelaxNGRemoveRedefine: drops start (name undefined) or the named define, recursively. */
function removeRedefine(items: GrammarItem[], name: string | undefined): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i];
    if ('node' in it) {
      const tag = rngName(it.node);
      const hit = name === undefined ? tag === 'start' : tag === 'define' && (rngAttr(it.node, 'name') ?? '').trim() === name;
      if (hit) items.splice(i, 1);
    } else {
      removeRedefine(it.doc, name);
      removeRedefine(it.own, name);
    }
  }
}
