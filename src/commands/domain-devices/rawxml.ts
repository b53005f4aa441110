/**
 * A whitespace-preserving XML tree, for the commands that hand back part of the domain XML
 * the way virsh does (libxml2's node dump: double-quoted attributes, the document's own
 * indentation kept, new nodes added without any).
 */
export type RawNode = RawEl | { text: string };

export interface RawEl {
  name: string;
  attrs: Array<[string, string]>;
  children: RawNode[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

export function isEl(n: RawNode): n is RawEl {
  return 'name' in n;
}

/** Parses well-formed XML (as libvirt formats it) and returns the root element. */
export function parseRaw(xml: string): RawEl {
  const root: RawEl = { name: '#document', attrs: [], children: [] };
  const stack: RawEl[] = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push({ text: m[1] });
    else if (m[6] !== undefined) top.children.push({ text: decode(m[6]) });
    else if (m[3] !== undefined) {
      if (m[2]) {
        stack.pop();
        continue;
      }
      const attrs: Array<[string, string]> = [];
      for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.push([a[1], decode(a[2] ?? a[3] ?? '')]);
      const el: RawEl = { name: m[3], attrs, children: [] };
      top.children.push(el);
      if (!m[5]) stack.push(el);
    }
  }
  const el = root.children.find(isEl);
  if (!el) throw new Error('no root element');
  return el;
}

const escAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** xmlNodeDump of one element. */
export function dumpRaw(el: RawEl): string {
  const attrs = el.attrs.map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  const inner = el.children.map((c) => (isEl(c) ? dumpRaw(c) : escText(c.text))).join('');
  return `<${el.name}${attrs}>${inner}</${el.name}>`;
}

export const elChildren = (el: RawEl | undefined, name?: string): RawEl[] =>
  el ? el.children.filter((c): c is RawEl => isEl(c) && (name === undefined || c.name === name)) : [];

export const rawAttr = (el: RawEl | undefined, name: string): string | undefined => el?.attrs.find(([k]) => k === name)?.[1];

/** xmlSetProp: replaces the value in place, or appends the attribute. */
export function setRawAttr(el: RawEl, name: string, value: string): void {
  const a = el.attrs.find(([k]) => k === name);
  if (a) a[1] = value;
  else el.attrs.push([name, value]);
}
