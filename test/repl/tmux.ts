import { execFileSync } from 'node:child_process';

/** A private tmux server with one pane running a command: a real terminal for tests. */
export class Terminal {
  private readonly socket = `virsh-ts-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  private started = false;

  constructor(private readonly env: Record<string, string>) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Starts `command` in a 120x40 pane that stays on screen after the command exits. */
  start(command: string): void {
    const env = Object.entries(this.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    if (!this.started) {
      this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 't', '-x', '120', '-y', '40', ...env);
      this.tmux('set-option', '-t', 't', 'remain-on-exit', 'on');
      this.started = true;
    }
    this.tmux('respawn-pane', '-k', '-t', 't', ...env, command);
  }

  /** The visible text; with `escapes`, its colours as escape sequences too. */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 't');
  }

  /** Keys as tmux names them (`Tab`, `C-c`, `Up`) or literal text with `literal`. */
  keys(keys: string[], literal = false): void {
    this.tmux('send-keys', '-t', 't', ...(literal ? ['-l'] : []), ...keys);
  }

  type(text: string): void {
    this.keys([text], true);
  }

  exited(): boolean {
    return this.tmux('display', '-p', '-t', 't', '#{pane_dead}').trim() === '1';
  }

  /** Polls the screen until `ok` holds; fails with the screen after `timeoutMs`. */
  async waitFor(ok: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (ok(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until the last non-empty line of the screen is exactly `line`. */
  waitForLastLine(line: string, what = `'${line}'`): Promise<string> {
    return this.waitFor((s) => lastLine(s) === line, what);
  }

  close(): void {
    if (this.started) this.tmux('kill-server');
    this.started = false;
  }
}

export function lastLine(screen: string): string {
  const lines = screen.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}
