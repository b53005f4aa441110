/**
 * vshEditWriteToTempFile + vshEditFile + vshEditReadBackFile: the editor round trip behind
 * every *-edit command.
 */
import { accessSync, constants, openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { delimiter, join } from 'node:path';
import { virErr } from '../core/errors.js';
import { strerror } from '../core/strerror.js';
import type { CommandContext } from './types.js';

/** Characters virsh lets through to an editor command line without a shell. */
const ACCEPTED = /^[A-Za-z0-9\-/_.:@]*$/;

/** virCommandToString's quoting of one argument. */
const quoteArg = (s: string) => (ACCEPTED.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/** g_mkstemp_full's $TMPDIR/virshXXXXXX.xml, created 0600 and never over an existing file. */
function createTempFile(text: string): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    const tag = Array.from({ length: 6 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
    const file = join(process.env.TMPDIR ?? '/tmp', `virsh${tag}.xml`);
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return file;
  }
}

/** virFindFileInPath: a bare program name searched in $PATH, as virCommandRun does before exec. */
function findInPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir || '.', program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

/**
 * Writes `text` to a temporary file, runs $VISUAL / $EDITOR (sensible-editor by default) on it
 * and returns the edited contents; undefined after virsh has reported why it could not.
 */
export async function editText(ctx: CommandContext, text: string): Promise<string | undefined> {
  const file = createTempFile(text);
  try {
    const editor = process.env.VISUAL ?? process.env.EDITOR ?? 'sensible-editor';
    let argv: string[];
    if (ACCEPTED.test(editor)) argv = [editor, file];
    else {
      if (!ACCEPTED.test(file)) {
        ctx.error(`${file}: temporary filename contains shell meta or other unacceptable characters (is $TMPDIR wrong?)`);
        return undefined;
      }
      argv = ['sh', '-c', `${editor} ${file}`];
    }
    const program = argv[0].includes('/') ? argv[0] : findInPath(argv[0]);
    if (program === undefined) throw virErr('SYSTEM_ERROR', `Cannot find '${argv[0]}' in path: No such file or directory`);
    // Loaded here: node:child_process costs every one-shot command a few ms otherwise.
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    const r = spawnSync(program, argv.slice(1), { stdio: 'inherit' });
    const shown = argv.map(quoteArg).join(' ');
    if (r.error) {
      // libvirt's child process reports a failed exec itself and exits 127.
      process.stderr.write(`libvirt:  error : cannot execute binary ${program}: ${strerror(r.error as NodeJS.ErrnoException)}\n`);
      throw virErr('INTERNAL_ERROR', `Child process (${shown}) unexpected exit status 127`);
    }
    if (r.signal) throw virErr('INTERNAL_ERROR', `Child process (${shown}) unexpected fatal signal ${osConstants.signals[r.signal]}`);
    if (r.status !== 0) throw virErr('INTERNAL_ERROR', `Child process (${shown}) unexpected exit status ${r.status}`);
    return readFileSync(file, 'utf8');
  } finally {
    unlinkSync(file);
  }
}
