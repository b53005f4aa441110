// QMP is one JSON object a line (QEMU ends them with \r\n); chunks split and merge lines
// arbitrarily, so complete lines are cut out and the tail is kept for the next chunk.
export class LineSplitter {
  private tail = '';

  push(chunk: string): string[] {
    const text = this.tail + chunk;
    const parts = text.split('\n');
    this.tail = parts.pop() ?? '';
    return parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.length > 0);
  }
}
