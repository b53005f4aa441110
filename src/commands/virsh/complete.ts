import { closeSync } from 'node:fs';
import { VirError } from '../../core/errors.js';
import { allCommands, findCommand } from '../registry.js';
import { completeLine } from '../../repl/complete/engine.js';
import type { Handler } from '../types.js';

/**
 * cmdComplete: the words of a partial command line (as a shell completion script passes
 * them) completed as the interactive shell would, one candidate a line. The last word is
 * the one being completed. Standard input is closed first so no authentication prompt can
 * read from it, then the connection is opened; inside the interactive shell stdin is the
 * terminal the session still needs, so it stays open there.
 */
export const complete: Handler = async (ctx, opts) => {
  const words = opts.argv('string');
  if (words.length === 0) return false;
  if (!ctx.shell.interactive) {
    try {
      closeSync(0);
    } catch {
      // already closed
    }
  }
  await ctx.conn();
  const text = words[words.length - 1];
  let failure: unknown;
  const matches = await completeLine(words.join(' '), text, {
    find: findCommand,
    all: allCommands,
    conn: ctx.conn,
    error: ctx.error,
    failed: (e) => (failure = e),
  });
  if (!matches || matches.length === 0) {
    // the libvirt error behind a failed lookup is what virsh reports for the command
    if (failure instanceof VirError) throw failure;
    return false;
  }
  for (const m of matches) ctx.print(`${m}\n`);
  return true;
};
