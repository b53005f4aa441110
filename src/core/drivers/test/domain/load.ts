import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { children, child, parseTree, type XNode } from '../../../xml/tree.js';
import { DomainState, RunningReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import type { LoadContext } from '../node.js';
import { addObj, startState, shutdownState, type DomainObj, type DomainsState } from './state.js';
import { copyDef, generateIfnames } from './defs.js';
import { defaultDomainDefs } from '../default-domain-defs.js';
import type { DomainDef } from '../../../xml/domain/types.js';

/** testParseXMLDocFromFile: `<domain file='x.xml'/>` stands for the file's root element. */
function resolveFileRef(n: XNode, ctx: LoadContext): XNode {
  const file = n.attrs.file;
  if (file === undefined) return n;
  const abs = isAbsolute(file) ? file : join(ctx.baseDir, file);
  return parseTree(readFileSync(abs, 'utf8'));
}

/** The test driver's private XML namespace (<test:runstate>, <test:transient/>, <test:hasmanagedsave/>). */
function testNamespace(dom: XNode): { runstate: number; transient: boolean; managedSave: boolean } {
  const prefix = Object.entries(dom.attrs).find(
    ([k, v]) => k.startsWith('xmlns:') && v === 'http://libvirt.org/schemas/domain/test/1.0',
  )?.[0].slice('xmlns:'.length);
  const el = (name: string) => (prefix ? child(dom, `${prefix}:${name}`) : undefined);
  const transient = el('transient') !== undefined;
  const managedSave = el('hasmanagedsave') !== undefined;
  let runstate: number = DomainState.RUNNING;
  const rs = el('runstate');
  if (rs) {
    const text = rs.text.trim();
    if (!/^\d+$/.test(text)) throw virErr('XML_ERROR', 'invalid runstate');
    runstate = Number(text);
    if (runstate >= 8) throw virErr('XML_ERROR', `runstate '${runstate}' out of range'`);
  }
  if (transient && runstate === DomainState.SHUTOFF)
    throw virErr('XML_ERROR', "transient domain cannot have runstate 'shutoff'");
  if (managedSave && runstate !== DomainState.SHUTOFF)
    throw virErr('XML_ERROR', "domain with managedsave data can only have runstate 'shutoff'");
  return { runstate, transient, managedSave };
}

/** A node's domain definition from its element (the n-th domain of the node). */
export type DomainReader = (node: XNode, n: number) => DomainDef;

/** The built-in node's domains, ready-made: the parser is not even loaded for them. */
export function builtInDomains(): DomainReader {
  const defs = defaultDomainDefs();
  return (_node, n) => defs[n];
}

/**
 * testParseDomains: every /node/domain, started unless its runstate says shut off.
 * `onAdded` loads what else the domain's element carries (its embedded snapshots) once the
 * domain is in the list and before its state is set, as libvirt does.
 */
export function loadDomains(
  root: XNode,
  ctx: LoadContext,
  read: DomainReader,
  onAdded?: (obj: DomainObj, node: XNode) => void,
): DomainsState {
  const state: DomainsState = { objs: [], byUUID: new Map(), nextId: 1 };
  for (const [n, ref] of children(root, 'domain').entries()) {
    const node = resolveFileRef(ref, ctx);
    const def = read(node, n);
    const ns = testNamespace(node);
    generateIfnames(def);
    const obj: DomainObj = {
      def,
      persistent: !ns.transient,
      state: DomainState.SHUTOFF,
      reason: 0,
      id: -1,
      autostart: false,
      hasManagedSave: ns.managedSave,
      time: { seconds: 627319920, nseconds: 0 },
    };
    addObj(state, obj);
    onAdded?.(obj, node);
    if (ns.runstate !== DomainState.SHUTOFF) startState(state, obj, RunningReason.BOOTED, copyDef);
    else shutdownState(obj, 0);
    obj.state = ns.runstate;
    obj.reason = 0;
  }
  return state;
}
