import type { Connection } from '../core/api/connection.js';
import type { CommandSpec } from './spec/types.js';

/** Parsed options of one command invocation, with virsh's typed getters (vshCommandOpt*). */
export interface CommandOptions {
  /** True when the option was given (any type). */
  has(name: string): boolean;
  bool(name: string): boolean;
  /** String value; undefined when absent. Empty strings are refused unless the spec allows. */
  string(name: string): string | undefined;
  /** Like string(), for options the spec marks required (always present after parsing). */
  requiredString(name: string): string;
  /** vshCommandOptStringQuiet: like string() but an unallowed empty value reads as absent. */
  stringQuiet(name: string): string | undefined;
  /** vshCommandOptInt: signed 32-bit. */
  int(name: string): number | undefined;
  /** vshCommandOptUInt: unsigned 32-bit; wrap allows -1 style wrap-around as virsh's *Wrap. */
  uint(name: string, wrap?: boolean): number | undefined;
  /** vshCommandOptULongLong (as bigint-safe number where it fits; bigint above 2^53). */
  ulong(name: string, wrap?: boolean): bigint | undefined;
  /** vshCommandOptLongLong: signed 64-bit. */
  longlong(name: string): bigint | undefined;
  /**
   * vshCommandOptScaledInt: value with an optional unit suffix, scaled to bytes (or `scale`).
   * `label` is what the error calls the option (virsh's block jobs say `--bandwidth`).
   */
  scaled(name: string, scale: number, max: bigint, label?: string): bigint | undefined;
  /** The value as given, unconverted (for the few options virsh reads in two ways). */
  raw(name: string): string | undefined;
  /** All values of an argv option, in order. */
  argv(name: string): string[];
}

/** What a handler may do besides calling the core: print, and reach the shell's state. */
export interface CommandContext {
  /** The connection, opened on first use. */
  conn(): Promise<Connection>;
  /** virshConnect: another connection (migrate's destination), opened as the shell's own is. */
  connectTo(uri: string): Promise<Connection>;
  /** vshPrint: data on stdout. */
  print(text: string): void;
  /** vshPrintExtra: chatter on stdout that `-q` silences. */
  printExtra(text: string): void;
  /** vshError: `error: TEXT` on stderr. */
  error(text: string): void;
  /**
   * Runs a core call. If it fails, reports `error: CONTEXT` first and rethrows, so the
   * shell prints the libvirt error after it, exactly as virsh's vshError + vshReportError.
   */
  attempt<T>(context: string, call: () => Promise<T>): Promise<T>;
  /** Reads a local file the way virsh does (size limit, libvirt's error text). */
  readFile(path: string): Promise<string>;
  /** The file's bytes (up to `maxlen`), for the few commands that pass them on unchanged. */
  readFileBytes(path: string, maxlen: number): Promise<Buffer>;
  /** The shell's mutable state (connection URI, readonly, quiet, cwd…). */
  shell: ShellState;
  /** vshDebug: a trace on stdout (and in the -l log) shown when `-d` is at most `level` (0 DEBUG, 1 INFO). */
  debug(level: 0 | 1, text: string): void;
  /** The running command's name, which virsh's traces start with. */
  readonly command: string;
}

export interface ShellState {
  uri: string | undefined;
  readonly: boolean;
  quiet: boolean;
  /** Interactive shell (REPL) rather than one-shot or script. */
  interactive: boolean;
  /** Set by quit/exit. */
  quit: boolean;
  /** The console escape sequence (-e), `^]` by default. */
  escapeChar: string;
  /** Replaces the connection (the `connect` command). */
  reconnect(uri: string | undefined, readonly: boolean): Promise<void>;
}

/** Returns true on success, false on failure (exit code 1), as virsh's handlers. */
export type Handler = (ctx: CommandContext, opts: CommandOptions) => Promise<boolean>;

export type HandlerTable = Record<string, Handler>;

export interface CommandDef extends CommandSpec {
  group: string;
}
