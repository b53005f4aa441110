// libvirt hands a passthrough command's reply back as its JSON parser and generator see it:
// whitespace between tokens dropped, numbers exactly as QEMU wrote them, strings
// re-escaped as yajl escapes them (quote, backslash and control characters only).

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    out += SHORT[ch] ?? (code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch);
  }
  return `${out}"`;
}

/** The compact form of a JSON text, keeping number literals verbatim. */
export function compactJson(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += escapeString(JSON.parse(text.slice(i, j + 1)) as string);
      i = j + 1;
    } else if (/\s/.test(ch)) i++;
    else {
      out += ch;
      i++;
    }
  }
  return out;
}
