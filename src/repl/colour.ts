import { Chalk, type ChalkInstance } from 'chalk';

/** State words in virsh's tables and info output, and how they look. */
const stateStyles: readonly [RegExp, (c: ChalkInstance) => ChalkInstance][] = [
  [/\b(running|active|yes)\b/g, (c) => c.green],
  [/\b(shut off|inactive|crashed|no)\b/g, (c) => c.red],
  [/\b(paused|pmsuspended|in shutdown|idle)\b/g, (c) => c.yellow],
];

/**
 * Colours one chunk of command output for the terminal: `error:` lines red, a table header
 * (the line over a dashed rule) bold, state words by meaning. The text is otherwise
 * unchanged, so the plain output stays what batch mode prints.
 */
export function colourer(enabled: boolean): (text: string, stream: 'out' | 'err') => string {
  const chalk = new Chalk({ level: enabled ? 1 : 0 });
  if (!enabled) return (t) => t;
  return (text, stream) => {
    if (stream === 'err') return text.replace(/^error: .*$/gm, (l) => chalk.red(l));
    const lines = text.split('\n');
    return lines
      .map((l, i) => {
        if (/^-{3,}$/.test(l)) return chalk.dim(l);
        if (/^-{3,}$/.test(lines[i + 1] ?? '')) return chalk.bold(l);
        return stateStyles.reduce((acc, [re, style]) => acc.replace(re, (w) => style(chalk)(w)), l);
      })
      .join('\n');
  };
}
