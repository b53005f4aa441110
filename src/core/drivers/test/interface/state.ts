/** The test driver's host interfaces (virinterfaceobj.c) and its change transaction. */
import { children, type XNode } from '../../../xml/tree.js';
import { formatInterfaceXML, parseInterfaceNode, parseInterfaceXML, type InterfaceDef } from '../../../xml/interface/index.js';
import { sliceOf, type LoadContext, type TestNode } from '../node.js';
import { resolveFileRef } from '../network/file-ref.js';

export interface InterfaceObj {
  def: InterfaceDef;
  active: boolean;
}

export interface InterfacesState {
  /** Keyed by name, like libvirt's hash table. */
  objs: Map<string, InterfaceObj>;
  /** The list saved by iface-begin, restored by iface-rollback. */
  backup?: Map<string, InterfaceObj>;
}

/** virInterfaceObjListAssignDef: a definition with a known name replaces the old one. */
export function assignDef(objs: Map<string, InterfaceObj>, def: InterfaceDef): InterfaceObj {
  const existing = objs.get(def.name);
  if (existing) {
    existing.def = def;
    return existing;
  }
  const obj: InterfaceObj = { def, active: false };
  objs.set(def.name, obj);
  return obj;
}

/** virInterfaceObjListClone: definitions copied through XML; the copies start inactive. */
export function cloneList(objs: Map<string, InterfaceObj>): Map<string, InterfaceObj> {
  const copy = new Map<string, InterfaceObj>();
  for (const o of objs.values()) assignDef(copy, parseInterfaceXML(formatInterfaceXML(o.def)));
  return copy;
}

/** testParseInterfaces: every /node/interface (inline or file='…') is defined and up. */
export function loadInterfaces(root: XNode, ctx: LoadContext): InterfacesState {
  const objs = new Map<string, InterfaceObj>();
  for (const n of children(root, 'interface')) {
    assignDef(objs, parseInterfaceNode(resolveFileRef(n, ctx))).active = true;
  }
  return { objs };
}

/** The node's interfaces, read from its file on first use. */
export const interfacesOf = (node: TestNode): InterfacesState => sliceOf(node, 'interfaces', loadInterfaces);
