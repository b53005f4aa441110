/**
 * readline's match list: sorted, laid out down then across in columns as wide as the
 * longest candidate plus two spaces, as many as fit the terminal.
 */
export function columns(items: readonly string[], width: number): string {
  const sorted = [...items].sort();
  const cell = Math.max(...sorted.map((s) => s.length)) + 2;
  const cols = Math.max(1, Math.floor(width / cell));
  const rows = Math.ceil(sorted.length / cols);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const item = sorted[c * rows + r];
      if (item === undefined) continue;
      line += c === cols - 1 || sorted[(c + 1) * rows + r] === undefined ? item : item.padEnd(cell);
    }
    lines.push(line);
  }
  return lines.join('\n');
}
