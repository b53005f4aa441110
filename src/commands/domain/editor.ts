import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { virErr } from '../../core/errors.js';
import type { CommandContext } from '../types.js';

/** Characters virsh lets through to an editor command line without a shell. */
const ACCEPTED = /^[A-Za-z0-9\-/_.:@]*$/;

/**
 * vshEditWriteToTempFile + vshEditFile + vshEditReadBackFile: writes `text` to a temporary
 * virshXXXXXX.xml, runs $VISUAL / $EDITOR (sensible-editor by default) on it and returns the
 * edited contents; undefined after virsh has reported why it could not.
 */
export async function editText(ctx: CommandContext, text: string): Promise<string | undefined> {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'virsh'));
  const file = join(dir, 'virsh.xml');
  try {
    writeFileSync(file, text, { mode: 0o600 });
    const editor = process.env.VISUAL ?? process.env.EDITOR ?? 'sensible-editor';
    let argv: string[];
    if (ACCEPTED.test(editor)) argv = [editor, file];
    else {
      if (!ACCEPTED.test(file)) {
        ctx.error(
          `${file}: temporary filename contains shell meta or other unacceptable characters (is $TMPDIR wrong?)`,
        );
        return undefined;
      }
      argv = ['sh', '-c', `${editor} ${file}`];
    }
    const r = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit' });
    if (r.error) throw virErr('SYSTEM_ERROR', `Cannot find '${argv[0]}' in path: No such file or directory`);
    if (r.status !== 0)
      throw virErr('INTERNAL_ERROR', `Child process (${argv.join(' ')}) unexpected exit status ${r.status ?? 'unknown'}`);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
