import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** HISTSIZE_MAX in vsh.c. */
const HISTSIZE_MAX = 500000;

/**
 * virGetUserCacheDirectory()/virsh: $XDG_CACHE_HOME/libvirt/virsh, ~/.cache when unset.
 */
export function historyDir(env: NodeJS.ProcessEnv): string {
  const cache = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(cache, 'libvirt', 'virsh');
}

/**
 * vshReadlineInit's VIRSH_HISTSIZE: 500 unset; an error message for a bad value (virsh
 * then refuses to start the shell).
 */
export function historySize(env: NodeJS.ProcessEnv): number | { error: string } {
  const v = env.VIRSH_HISTSIZE;
  if (v === undefined) return 500;
  if (!/^\s*[+-]?\d+$/.test(v) || !Number.isSafeInteger(Number(v)) || Math.abs(Number(v)) > 2 ** 31 - 1) {
    return { error: 'Bad $VIRSH_HISTSIZE value.' };
  }
  const n = Number(v);
  if (n > HISTSIZE_MAX || n < 0) return { error: `$VIRSH_HISTSIZE value should be between 0 and ${HISTSIZE_MAX}` };
  return n;
}

/**
 * The session history as GNU history keeps it for virsh: read at start, every non-empty
 * line added, stifled to the size limit, written back whole at exit.
 */
export class History {
  readonly entries: string[];

  /** `dir` undefined: a history for this session only (virsh after a bad VIRSH_HISTSIZE). */
  constructor(
    private readonly dir: string | undefined,
    private readonly max: number,
  ) {
    let text = '';
    try {
      if (dir !== undefined) text = readFileSync(join(dir, 'history'), 'utf8');
    } catch {
      // no history yet
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    // history files may carry readline's `#<timestamp>` lines; they are not entries
    this.entries = max === 0 ? [] : lines.filter((l) => !/^#\d+$/.test(l)).slice(-max);
  }

  add(line: string): void {
    if (!line) return;
    this.entries.push(line);
    while (this.entries.length > this.max) this.entries.shift();
  }

  /** vshReadlineDeinit: creates the directory and writes the file; an error message on failure. */
  save(): string | undefined {
    if (this.dir === undefined) return undefined;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o755 });
    } catch (e) {
      return `Failed to create '${this.dir}': ${(e as Error).message}`;
    }
    try {
      writeFileSync(join(this.dir, 'history'), this.entries.map((l) => `${l}\n`).join(''), { mode: 0o600 });
    } catch {
      // readline's write_history failure is silent in virsh
    }
    return undefined;
  }

  /**
   * Ctrl-R: the newest entry before `before` containing `query` (searching from the end
   * when `before` is the history length); -1 when none.
   */
  search(query: string, before: number): number {
    for (let i = Math.min(before, this.entries.length) - 1; i >= 0; i--) {
      if (this.entries[i].includes(query)) return i;
    }
    return -1;
  }
}
