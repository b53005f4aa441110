/** virsh's vshTreePrint: a device and its descendants drawn with `+-` and `|` guides. */
export function treeLines(names: readonly string[], parents: readonly (string | undefined)[], root: number): string[] {
  const out: string[] = [];
  const walk = (dev: number, last: number, isRoot: boolean, indent: string) => {
    const name = names[dev];
    out.push(`${indent}${isRoot ? '' : '+- '}${name}`);
    let ind = isRoot ? indent : indent + (dev === last ? ' ' : '|') + ' ';
    let lastChild = -1;
    parents.forEach((p, i) => {
      if (p === name) lastChild = i;
    });
    if (lastChild !== -1) out.push(`${ind}  |`);
    const childIndent = ind + '  ';
    parents.forEach((p, i) => {
      if (p === name) walk(i, lastChild, false, childIndent);
    });
    ind = childIndent.slice(0, -2);
    if (lastChild === -1 && dev === last) out.push(ind);
  };
  walk(root, root, true, '');
  return out;
}
