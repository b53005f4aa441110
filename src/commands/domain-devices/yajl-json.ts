// JSON as virsh's libvirt (yajl) reads and writes it for qemu-monitor-command: number
// literals kept as written, compact output without spaces, and yajl's "beautified" layout
// (two-space indent, "key": value, an empty container opened and closed on lines of its own).

export type JsonNode =
  | { kind: 'object'; entries: Array<[string, JsonNode]> }
  | { kind: 'array'; items: JsonNode[] }
  /** A string, number, true, false or null, as its JSON text. */
  | { kind: 'atom'; text: string; value: unknown };

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  ws() {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }
  fail(): never {
    throw new SyntaxError('invalid JSON');
  }
  value(): JsonNode {
    this.ws();
    const ch = this.s[this.i];
    if (ch === '{') {
      this.i++;
      const entries: Array<[string, JsonNode]> = [];
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return { kind: 'object', entries };
      }
      for (;;) {
        this.ws();
        const key = this.value();
        if (key.kind !== 'atom' || typeof key.value !== 'string') this.fail();
        this.ws();
        if (this.s[this.i++] !== ':') this.fail();
        entries.push([key.value as string, this.value()]);
        this.ws();
        const sep = this.s[this.i++];
        if (sep === '}') return { kind: 'object', entries };
        if (sep !== ',') this.fail();
      }
    }
    if (ch === '[') {
      this.i++;
      const items: JsonNode[] = [];
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(this.value());
        this.ws();
        const sep = this.s[this.i++];
        if (sep === ']') return { kind: 'array', items };
        if (sep !== ',') this.fail();
      }
    }
    const m = /^(?:"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.s.slice(this.i));
    if (!m) this.fail();
    this.i += m[0].length;
    return { kind: 'atom', text: m[0], value: JSON.parse(m[0]) };
  }
}

/** virJSONValueFromString: undefined when the text is not one JSON value. */
export function parseJson(text: string): JsonNode | undefined {
  try {
    const r = new Reader(text);
    const v = r.value();
    r.ws();
    return r.i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function atomText(n: { text: string; value: unknown }): string {
  if (typeof n.value !== 'string') return n.text;
  let out = '"';
  for (const ch of n.value) out += SHORT[ch] ?? (ch.charCodeAt(0) < 0x20 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch);
  return `${out}"`;
}

/** virJSONValueToString(value, pretty), trailing whitespace trimmed as virsh does. */
export function formatJson(n: JsonNode, pretty: boolean, depth = 0): string {
  const key = (k: string) => atomText({ text: '', value: k });
  if (n.kind === 'atom') return atomText(n);
  const [open, close] = n.kind === 'object' ? ['{', '}'] : ['[', ']'];
  const parts =
    n.kind === 'object'
      ? n.entries.map(([k, v]) => `${key(k)}${pretty ? ': ' : ':'}${formatJson(v, pretty, depth + 1)}`)
      : n.items.map((v) => formatJson(v, pretty, depth + 1));
  if (!pretty) return `${open}${parts.join(',')}${close}`;
  const pad = '  '.repeat(depth + 1);
  return `${open}\n${parts.map((p) => pad + p).join(',\n')}\n${'  '.repeat(depth)}${close}`;
}

export const member = (n: JsonNode | undefined, name: string): JsonNode | undefined =>
  n?.kind === 'object' ? n.entries.find(([k]) => k === name)?.[1] : undefined;
