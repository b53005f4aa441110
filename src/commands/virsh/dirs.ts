import { homedir } from 'node:os';
import { strerror } from '../../core/strerror.js';
import type { Handler } from '../types.js';

/** cd [DIR]: only in the interactive shell; home (or /) by default. */
export const cd: Handler = async (ctx, opts) => {
  if (!ctx.shell.interactive) {
    ctx.error('cd: command valid only in interactive mode');
    return false;
  }
  const dir = opts.stringQuiet('dir') ?? (homedir() || '/');
  try {
    process.chdir(dir);
  } catch (e) {
    ctx.error(`cd: ${strerror(e)}: ${dir}`);
    return false;
  }
  return true;
};

/** pwd: the working directory. */
export const pwd: Handler = async (ctx) => {
  ctx.print(`${process.cwd()}\n`);
  return true;
};
