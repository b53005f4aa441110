/**
 * vshTable: left-aligned columns, one space before each cell and two after the widest cell of
 * a column, a dashed line of width+3 per column under the header (left out with -q).
 */

/** Whether virsh's setlocale(LC_ALL, "") would pick a UTF-8 character type from the environment. */
const utf8Locale = (): boolean =>
  /utf-?8/i.test(process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '');

/**
 * A byte virsh cannot print: its "\\x%02x" of a signed char above 0x7f comes out as
 * "\\xffffffNN", cut to the buffer's four characters.
 */
const highByte = '\\xff';

/** iswprint's refusals: controls, unassigned code points, separators, surrogates. */
const UNPRINTABLE = /^[\p{Cc}\p{Cn}\p{Zl}\p{Zp}\p{Cs}]$/u;
/** g_unichar_iszerowidth: combining marks and format characters (but the soft hyphen), Hangul medial vowels. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u;

/** vshTableSafeEncode: control characters (and a literal "\x") become \xNN, and characters the
 * locale cannot print become \xff per byte; returns the encoded text and its display width. */
function safeEncode(s: string): [string, number] {
  const utf8 = utf8Locale();
  let out = '';
  let width = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if ((ch === '\\' && s[i + 1] === 'x') || cp < 0x20 || cp === 0x7f) {
      out += `\\x${cp.toString(16).padStart(2, '0')}`;
      width += 4;
    } else if (cp > 0x7f && (!utf8 || UNPRINTABLE.test(ch))) {
      const bytes = Buffer.byteLength(ch);
      out += highByte.repeat(bytes);
      width += 4 * bytes;
    } else {
      out += ch;
      width += cp !== 0xad && ZERO_WIDTH.test(ch) ? 0 : isWide(cp) ? 2 : 1;
    }
    i += ch.length;
  }
  return [out, width];
}

/** East Asian wide and fullwidth ranges (g_unichar_iswide). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function formatTable(header: string[], rows: string[][], showHeader: boolean): string {
  const all = [header, ...rows].map((r) => r.map(safeEncode));
  const max = header.map((_, j) => Math.max(...all.slice(showHeader ? 0 : 1).map((r) => r[j][1]), 0));
  const line = (r: Array<[string, number]>) =>
    r.map(([text, w], j) => ` ${text}` + (j < r.length - 1 ? ' '.repeat(max[j] - w + 2) : '')).join('') + '\n';
  let out = '';
  if (showHeader) out += line(all[0]) + max.map((w) => '-'.repeat(w + 3)).join('') + '\n';
  for (const r of all.slice(1)) out += line(r);
  return out;
}
