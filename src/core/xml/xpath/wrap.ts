import { lookupNs, type XAttr, type XChild, type XDocument, type XElement, type XNodeAny } from './dom.js';

/**
 * virshDumpXML --wrap: copies of the selected nodes added one by one under a new <nodes>
 * element with libxml2's xmlAddChild rules — an attribute lands on <nodes> (replacing one of
 * the same name, which moves to the end), adjacent text merges, and a copied element or
 * attribute re-declares a namespace prefix it inherited from outside the copy.
 */
export function wrapNodes(selected: XNodeAny[]): XElement {
  const wrapper: XElement = {
    kind: 'element',
    parent: undefined,
    order: 0,
    prefix: undefined,
    local: 'nodes',
    ns: undefined,
    nsDefs: [],
    attrs: [],
    children: [],
  };
  for (const n of selected) {
    if (n.kind === 'attribute') {
      addAttribute(wrapper, n);
      continue;
    }
    const last = wrapper.children[wrapper.children.length - 1];
    if (n.kind === 'text' && last?.kind === 'text') {
      last.value += n.value;
      continue;
    }
    wrapper.children.push(copy(n));
  }
  return wrapper;
}

function addAttribute(wrapper: XElement, a: XAttr): void {
  wrapper.attrs = wrapper.attrs.filter((x) => !(x.local === a.local && x.ns === a.ns));
  if (a.prefix && a.prefix !== 'xml' && !wrapper.nsDefs.some((d) => d.prefix === a.prefix) && a.ns !== undefined) {
    wrapper.nsDefs.push({ prefix: a.prefix, uri: a.ns });
  }
  wrapper.attrs.push({ ...a, parent: wrapper });
}

function copy(n: XChild | XDocument): XChild {
  if (n.kind === 'document') return n as unknown as XChild;
  if (n.kind !== 'element') return { ...n };
  const el: XElement = { ...n, nsDefs: [...n.nsDefs] };
  const declaredHere = el.nsDefs.some((d) => d.prefix === n.prefix);
  if (n.ns !== undefined && !declaredHere && n.prefix !== 'xml') {
    el.nsDefs.push({ prefix: n.prefix, uri: lookupNs(n, n.prefix) ?? n.ns });
  }
  return el;
}
