import type { Handler } from '../types.js';

/** quit / exit: leave the interactive shell (and stop running a command line). */
export const quit: Handler = async (ctx) => {
  ctx.shell.quit = true;
  ctx.shell.interactive = false;
  return true;
};

/** connect [URI] [--readonly]: replace the connection, in place. */
export const connect: Handler = async (ctx, opts) => {
  const name = opts.string('name');
  await ctx.shell.reconnect(name, opts.bool('readonly'));
  return true;
};
