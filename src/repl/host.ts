import type { JobDisplay } from '../commands/job/progress.js';

/**
 * What the REPL bundle (dist/repl.mjs) gets from the CLI bundle: the shell's completion and
 * the session's settings. The REPL holds no registry or connection of its own, so both
 * bundles share one shell.
 */
export interface ReplHost {
  /** Candidates for `text`, the word ending the line cut at the cursor (vshReadlineParse). */
  complete(before: string, text: string, quoted: boolean): Promise<string[] | undefined>;
  /** The option under the cursor takes local paths (completed from the file system). */
  wantsPath(before: string): boolean;
  /** vshError, for history problems. */
  error(text: string): void;
  env: NodeJS.ProcessEnv;
  /** --no-color was given. */
  noColour: boolean;
}

/** The terminal as a line source for virsh's interactive loop. */
export interface TerminalSession {
  read(prompt: string): Promise<string | undefined>;
  /** Runs one command line: Ctrl-C cancels it and returns to the prompt. */
  guard(run: () => Promise<void>): Promise<void>;
  /** Ends the session: history written back. */
  close(): void;
  /** Draws long jobs (save, dump, migrate, vol-upload/download) as a live bar. */
  jobs: JobDisplay;
}
