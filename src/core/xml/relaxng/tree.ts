/**
 * The schema documents as scripts/gen-schemas.mjs stores them: libxml2's cleaned-up RelaxNG
 * tree, one compact array per element ([name, attributes or 0, ...children]; text children
 * are strings).
 */
export type RngNode = [string, Record<string, string> | 0, ...(RngNode | string)[]];

export const rngName = (n: RngNode): string => n[0];

export function rngAttr(n: RngNode, key: string): string | undefined {
  const a = n[1];
  return a === 0 ? undefined : a[key];
}

export function rngKids(n: RngNode): RngNode[] {
  return n.slice(2).filter((c): c is RngNode => typeof c !== 'string');
}

/** xmlNodeGetContent of a schema element: its text. */
export function rngText(n: RngNode): string {
  return n.slice(2).filter((c): c is string => typeof c === 'string').join('');
}
