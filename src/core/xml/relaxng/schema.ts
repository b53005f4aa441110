/**
 * One compiled schema: parsed, simplified and analysed as libxml2's xmlRelaxNGParse does,
 * ready to validate any number of documents.
 */
import { compileContentModels } from './automaton.js';
import { newDefine, type Define } from './define.js';
import { parseSchema } from './parse.js';
import { checkRules, computeInterleave, simplify } from './simplify.js';
import type { SchemaLoader } from './include.js';
import type { RngNode } from './tree.js';

export interface CompiledSchema {
  start: Define;
}

export function compileSchema(root: RngNode, load: SchemaLoader): CompiledSchema {
  const parsed = parseSchema(root, load);
  let start = parsed.start;
  if (start) {
    simplify(start, undefined);
    while (start && start.type === 'noop' && start.next) start = start.content;
    checkRules(start);
  }
  for (const il of parsed.interleaves) computeInterleave(il);
  const top = newDefine('start', undefined);
  if (start?.type === 'start') return finish(start);
  top.content = start;
  return finish(top);
}

function finish(start: Define): CompiledSchema {
  compileContentModels(start);
  return { start };
}
