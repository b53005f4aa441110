import { stringToArray } from '../shell/string-array.js';
import type { Handler } from '../types.js';

/** virBufferEscapeShell: quote only when the text holds a shell metacharacter. */
function escapeShell(s: string): string {
  if (!s) return "''";
  if (!/[\r\t\n !"#$&'()*;<>?[\\\]^`{|}~]/.test(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

const xmlEntities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** virBufferEscapeString: XML entities; control characters other than \t \n \r dropped. */
function escapeXml(s: string): string {
  return s.replace(/[<>&"']|[\x01-\x08\x0b\x0c\x0e-\x19]/g, (c) => xmlEntities[c] ?? '');
}

const exclusive: [string, string][] = [
  ['shell', 'xml'],
  ['shell', 'split'],
  ['xml', 'split'],
];

/** echo: its arguments joined by spaces, optionally quoted for a shell or XML, or split. */
export const echo: Handler = async (ctx, opts) => {
  for (const [a, b] of exclusive) {
    if (opts.bool(a) && opts.bool(b)) {
      ctx.error(`Options --${a} and --${b} are mutually exclusive`);
      return false;
    }
  }
  const words = opts.argv('string').map((w) => {
    if (opts.bool('xml')) return escapeXml(w);
    if (opts.bool('shell')) return escapeShell(w);
    if (opts.bool('split')) return stringToArray(w).map((p) => `${p}\n`).join('');
    return w;
  });
  if (!words.length) return true;
  const text = words.join(' ');
  if (opts.bool('err')) ctx.error(text);
  else ctx.print(text);
  return true;
};
