import { render } from 'ink';
import { colourer } from './colour.js';
import { History, historyDir, historySize } from './history.js';
import type { ReplHost, TerminalSession } from './host.js';
import { inkJobDisplay } from './ui/job-display.js';
import { LineInput, type Outcome } from './ui/LineInput.js';

/** How long a command gets to end itself after Ctrl-C (event loops report the interrupt). */
const INTERRUPT_GRACE_MS = 300;

/** Redirects stdout and stderr writes through `map` until the returned function is called. */
function mapWrites(map: (text: string, stream: 'out' | 'err') => string): () => void {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const wrap =
    (write: typeof out, stream: 'out' | 'err') =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean =>
      write(typeof chunk === 'string' ? map(chunk, stream) : chunk, ...(rest as []));
  process.stdout.write = wrap(out, 'out') as typeof process.stdout.write;
  process.stderr.write = wrap(err, 'err') as typeof process.stderr.write;
  return () => {
    process.stdout.write = out as typeof process.stdout.write;
    process.stderr.write = err as typeof process.stderr.write;
  };
}

/**
 * The interactive terminal: each prompt is an Ink render that ends when the line does, so
 * commands write to the terminal exactly as in batch mode, between prompts.
 */
export function openTerminal(host: ReplHost): TerminalSession {
  const size = historySize(host.env);
  // a bad VIRSH_HISTSIZE is reported and the shell goes on, without the history file
  if (typeof size !== 'number') host.error(size.error);
  const history = typeof size === 'number' ? new History(historyDir(host.env), size) : new History(undefined, Infinity);
  // chalk reads no NO_COLOR by itself; colour is for a terminal only
  const colour = colourer(!host.noColour && !host.env.NO_COLOR && process.stdout.isTTY === true);
  return {
    async read(prompt) {
      const ended: { outcome: Outcome } = { outcome: { kind: 'eof' } };
      const app = render(<LineInput prompt={prompt} history={history} host={host} onDone={(o) => (ended.outcome = o)} />, {
        exitOnCtrlC: false,
        patchConsole: false,
      });
      await app.waitUntilExit();
      app.cleanup();
      const outcome = ended.outcome;
      if (outcome.kind === 'eof') {
        // Ink ends its last frame with a newline where readline leaves the cursor after the
        // prompt; the shell's own newline at end of input then moves down once, as virsh's
        process.stdout.write('\x1b[1A');
        return undefined;
      }
      if (outcome.kind === 'interrupt') return '';
      history.add(outcome.text);
      return outcome.text;
    },
    async guard(run) {
      const restore = mapWrites(colour);
      let cancel = () => {};
      const cancelled = new Promise<void>((resolve) => (cancel = resolve));
      let timer: NodeJS.Timeout | undefined;
      const onInterrupt = () => {
        timer ??= setTimeout(() => {
          process.stdout.write('\n');
          cancel();
        }, INTERRUPT_GRACE_MS);
      };
      process.on('SIGINT', onInterrupt);
      // a command waiting only on a signal (event --loop) holds no handle of its own: keep
      // the process up until it ends or is cancelled
      const alive = setInterval(() => {}, 1 << 30);
      try {
        await Promise.race([run(), cancelled]);
      } finally {
        clearTimeout(timer);
        clearInterval(alive);
        process.removeListener('SIGINT', onInterrupt);
        restore();
      }
    },
    close() {
      const problem = history.save();
      if (problem) host.error(problem);
    },
    jobs: inkJobDisplay(),
  };
}
