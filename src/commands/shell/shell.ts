import type { Connection } from '../../core/api/connection.js';
import { VirError } from '../../core/errors.js';
import { openConnection } from '../../core/open.js';
import { readFileAll, readFileBytes } from '../../core/read-file.js';
import type { CommandContext, ShellState } from '../types.js';
import { ShellError } from './errors.js';
import { commandOptions } from './options.js';
import { Level, type Output } from './output.js';
import type { ParsedCommand } from './parser.js';
import { handlerOf } from '../registry.js';
import { endEventWait } from '../events/wait.js';

/** VSH_MAX_XML_FILE: virsh refuses to read files beyond 10 MiB. */
const MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface ShellSettings {
  /** -c, else VIRSH_DEFAULT_CONNECT_URI; undefined lets libvirt pick its default. */
  connname: string | undefined;
  readonly: boolean;
  timing: boolean;
  interactive: boolean;
  escapeChar: string;
  keepaliveInterval: number | undefined;
  keepaliveCount: number | undefined;
}

/**
 * The running shell (vshControl + virshControl): the connection, the commands' shared
 * state, and the command runner (vshCommandRun).
 */
/** virshCatchDisconnect's words for each virConnectCloseReason but CLIENT. */
const CLOSE_REASONS = ['I/O error', 'end of file', 'keepalive timeout'];

export class Shell {
  private conn: Connection | undefined;
  /** The connection dropped by itself; the next command reconnects (virsh's `disconnected`). */
  private disconnected = false;
  /** virConnectGetURI of the open connection, for the disconnect notice. */
  private uri = '<null>';
  /** The libvirt error vshReportError prints when the current command fails. */
  private pending: VirError | undefined;
  readonly state: ShellState;

  constructor(
    readonly out: Output,
    readonly settings: ShellSettings,
  ) {
    const shell = this;
    this.state = {
      get uri() {
        return shell.settings.connname;
      },
      set uri(v) {
        shell.settings.connname = v;
      },
      get readonly() {
        return shell.settings.readonly;
      },
      set readonly(v) {
        shell.settings.readonly = v;
      },
      get quiet() {
        return shell.out.quiet;
      },
      set quiet(v) {
        shell.out.quiet = v;
      },
      get interactive() {
        return shell.settings.interactive;
      },
      set interactive(v) {
        shell.settings.interactive = v;
      },
      quit: false,
      escapeChar: settings.escapeChar,
      reconnect: (uri, readonly) => this.reconnect(uri, readonly, true),
    };
  }

  /** virshConnect: open, then set up keepalive (a refusal only matters when asked for). */
  private async connect(uri: string | undefined, readonly: boolean): Promise<Connection> {
    const conn = await openConnection(uri, { readonly });
    const s = this.settings;
    const forced = s.keepaliveInterval !== undefined || s.keepaliveCount !== undefined;
    const interval = s.keepaliveInterval ?? 5;
    if (interval > 0) {
      try {
        await conn.setKeepAlive(interval, s.keepaliveCount ?? 6);
      } catch (e) {
        if (!forced) {
          this.out.debug(Level.INFO, 'Failed to setup keepalive on connection\n');
          return conn;
        }
        this.out.error('Cannot setup keepalive on connection as requested, disconnecting');
        await conn.close();
        throw e;
      }
    }
    return conn;
  }

  /**
   * virshReconnect: replaces the connection. Without a URI it reopens the shell's own
   * (keeping its read-only mode unless asked); with one, that URI becomes the shell's.
   */
  async reconnect(name: string | undefined, readonly: boolean, force: boolean): Promise<void> {
    if (!readonly && name === undefined) readonly = this.settings.readonly;
    const connected = this.conn !== undefined;
    if (this.conn) {
      const old = this.conn;
      this.conn = undefined;
      try {
        await old.connectUnregisterCloseCallback(this.onClose);
        await old.close();
      } catch {
        this.out.error('Failed to disconnect from the hypervisor');
      }
    }
    let conn: Connection;
    try {
      conn = await this.connect(name ?? this.settings.connname, readonly);
    } catch (e) {
      this.out.error(this.disconnected ? 'Failed to reconnect to the hypervisor' : 'failed to connect to the hypervisor');
      throw e;
    }
    this.conn = conn;
    this.uri = await conn.getURI().catch(() => '<null>');
    if (name !== undefined) this.settings.connname = name;
    this.settings.readonly = readonly;
    try {
      await conn.connectRegisterCloseCallback(this.onClose);
    } catch {
      this.out.error('Unable to register disconnect callback');
    }
    if (connected && !force) this.out.error('Reconnected to the hypervisor');
    this.disconnected = false;
  }

  /**
   * virshCatchDisconnect: the connection dropped by itself. Says so now, ends any event
   * wait, and leaves the reconnect to the next command that needs the connection.
   */
  private readonly onClose = (reason: number): void => {
    const why = CLOSE_REASONS[reason];
    if (!why) return;
    this.out.error(`Disconnected from ${this.uri} due to ${why}`);
    this.disconnected = true;
    endEventWait();
  };

  /** virshConnectionHandler: the open connection, or a fresh one. */
  async connection(): Promise<Connection> {
    if (!this.conn || this.disconnected) await this.reconnect(undefined, false, false);
    return this.conn!;
  }

  /** Closes the connection at exit (virshDeinit). */
  async close(): Promise<void> {
    const c = this.conn;
    this.conn = undefined;
    if (c) {
      try {
        await c.connectUnregisterCloseCallback(this.onClose);
        await c.close();
      } catch {
        this.out.error('Failed to disconnect from the hypervisor');
      }
    }
  }

  /** A failure outside any command (the start-up connection): report it now. */
  fail(e: unknown): void {
    this.absorb(e);
    this.reportError();
  }

  /** Records what a failure leaves for vshReportError. */
  private absorb(e: unknown): void {
    if (e instanceof ShellError) {
      this.out.error(e.message);
      if (e.libvirtError) this.pending = e.libvirtError;
    } else if (e instanceof VirError) {
      this.pending = e;
    } else {
      const err = e instanceof Error ? e : new Error(String(e));
      this.out.error(`internal error: ${err.message}`);
      if (this.out.debugLevel === Level.DEBUG && err.stack) this.out.print(`${err.stack}\n`);
    }
  }

  /** vshReportError: the libvirt error behind a failed command, printed last. */
  reportError(): void {
    const e = this.pending;
    this.pending = undefined;
    if (e) this.out.error(e.message || 'unknown error');
  }

  private context(command: string): CommandContext {
    return {
      command,
      debug: (level, text) => this.out.debug(level, text),
      conn: () => this.connection(),
      connectTo: (uri) => this.connect(uri, false),
      print: (t) => this.out.print(t),
      printExtra: (t) => this.out.printExtra(t),
      error: (t) => this.out.error(t),
      attempt: async (context, call) => {
        try {
          return await call();
        } catch (e) {
          this.out.error(context);
          throw e;
        }
      },
      readFile: async (path) => readFileAll(path, MAX_FILE_SIZE),
      readFileBytes: async (path, maxlen) => readFileBytes(path, maxlen),
      shell: this.state,
    };
  }

  /** Runs one command: connect unless it needs none, call its handler, report failure. */
  private async runOne(cmd: ParsedCommand): Promise<boolean> {
    const { def } = cmd;
    this.pending = undefined;
    const handler = await handlerOf(def);
    if (!handler) {
      this.out.error(`command '${def.name}' is not implemented in virsh-ts`);
      return false;
    }
    try {
      if (!def.noConnect) await this.connection();
      return await handler(this.context(def.name), commandOptions(cmd.opts));
    } catch (e) {
      this.absorb(e);
      return false;
    }
  }

  /** vshCommandRun: each command, then a blank line (or timing); quit/exit stop the run. */
  async run(cmds: readonly ParsedCommand[]): Promise<boolean> {
    let ok = true;
    for (const cmd of cmds) {
      // hrtime, not performance.now(): the global `performance` loads perf_hooks in every run.
      const before = process.hrtime.bigint();
      ok = await this.runOne(cmd);
      const after = process.hrtime.bigint();
      if (!ok) this.reportError();
      if (cmd.def.name === 'quit' || cmd.def.name === 'exit') return ok;
      if (this.settings.timing) this.out.print(`\n(Time: ${(Number(after - before) / 1e6).toFixed(3)} ms)\n\n`);
      else this.out.printExtra('\n');
    }
    return ok;
  }
}
