/**
 * vshEditWriteToTempFile / vshEditFile / vshEditReadBackFile: the editor round trip behind
 * the *-edit commands.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../types.js';

const ACCEPTED = /^[A-Za-z0-9\-/_.:@]*$/;

/** virCommandToString's quoting of one argument. */
const quoteArg = (s: string) => (ACCEPTED.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/** Runs the user's editor on `xml`; the edited text, or undefined after reporting why not. */
export function editXml(ctx: CommandContext, xml: string): string | undefined {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'virsh'));
  const file = join(dir, 'edit.xml');
  try {
    writeFileSync(file, xml);
    const editor = process.env.VISUAL ?? process.env.EDITOR ?? 'vi';
    const argv = ACCEPTED.test(editor) ? [editor, file] : ['sh', '-c', `${editor} ${file}`];
    const r = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit' });
    if (r.error || r.status !== 0) {
      const shown = argv.map(quoteArg).join(' ');
      ctx.error(
        r.error
          ? `internal error: Cannot find '${argv[0]}' in path: No such file or directory`
          : `internal error: Child process (${shown}) unexpected exit status ${r.status}`,
      );
      return undefined;
    }
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
