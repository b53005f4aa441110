import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { completeLine, wantsPath } from '../../repl/complete/engine.js';
import { setJobDisplay } from '../job/progress.js';
import { allCommands, findCommand } from '../registry.js';
import { writeThroughStreams } from '../../core/stdio.js';
import { decodeRawBytes } from '../../core/xml/raw-bytes.js';
import type { Shell } from './shell.js';

/** Reads lines; undefined at end of input. */
export interface LineSource {
  read(prompt: string): Promise<string | undefined>;
  /** Runs one line's commands; a terminal lets Ctrl-C cancel them. */
  guard?(run: () => Promise<void>): Promise<void>;
  close(): void;
}

/**
 * Standard input that is not a terminal, read a line at a time as readline does for
 * virsh: the prompt and the line are echoed to stdout, as readline's display does.
 */
export function pipedLines(out: (text: string) => void): LineSource {
  // Bytes that are not UTF-8 stay bytes (xml/raw-bytes.ts), as in virsh's C strings.
  const text = (b: Buffer) => (isUtf8(b) ? b.toString('utf8') : decodeRawBytes(b));
  let buffered = Buffer.alloc(0);
  let eof = false;
  const chunk = Buffer.alloc(65536);
  const fill = async (): Promise<void> => {
    for (;;) {
      try {
        const n = readSync(0, chunk, 0, chunk.length, null);
        if (n === 0) eof = true;
        else buffered = Buffer.concat([buffered, chunk.subarray(0, n)]);
        return;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') await new Promise((r) => setTimeout(r, 10));
        else if (code === 'EOF') {
          eof = true;
          return;
        } else throw e;
      }
    }
  };
  return {
    async read(prompt) {
      out(prompt);
      for (;;) {
        const nl = buffered.indexOf(10);
        if (nl >= 0) {
          const line = text(buffered.subarray(0, nl));
          buffered = buffered.subarray(nl + 1);
          out(`${line}\n`);
          return line;
        }
        if (eof) {
          if (buffered.length === 0) return undefined;
          const line = text(buffered);
          buffered = Buffer.alloc(0);
          out(`${line}\n`);
          return line;
        }
        await fill();
      }
    },
    close() {},
  };
}

/**
 * Loads the REPL bundle (dist/repl.mjs, ESM: Ink and yoga need it) through
 * dist/load-repl.cjs: the CLI runs in vm.Script, whose own import() has no loader when the
 * script comes from V8's code cache.
 */
let replLoading: Promise<typeof import('../../repl/main.js')> | undefined;

/**
 * Starts loading the REPL bundle (Ink, React, yoga's WebAssembly) while the shell connects,
 * so the first prompt waits for the longer of the two rather than both.
 */
export function preloadRepl(): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY || replLoading) return;
  replLoading = loadRepl();
  // a failed load is reported where terminalLines awaits it, not as an unhandled rejection
  replLoading.catch(() => undefined);
}

async function loadRepl(): Promise<typeof import('../../repl/main.js')> {
  const load = createRequire(join(__dirname, 'virsh-ts.cjs'))('./load-repl.cjs') as (url: string) => Promise<unknown>;
  return (await load(pathToFileURL(join(__dirname, 'repl.mjs')).href)) as typeof import('../../repl/main.js');
}

/** A terminal for input only (output redirected): node's line editor, no Ink. */
async function readlineLines(): Promise<LineSource> {
  // Not import(): the bundle runs in vm.Script, whose import() has no loader here.
  const readline = process.getBuiltinModule('node:readline/promises');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  let closed = false;
  rl.on('close', () => (closed = true));
  return {
    async read(prompt) {
      if (closed) return undefined;
      try {
        return await rl.question(prompt);
      } catch {
        return undefined;
      }
    },
    close: () => rl.close(),
  };
}

/** The prompt a terminal shows: `virsh $ ` for users other than root. */
function terminalPrompt(prompt: string): string {
  return prompt === 'virsh # ' && process.getuid?.() !== 0 ? 'virsh $ ' : prompt;
}

/**
 * A terminal: the Ink REPL (line editing, history, completion from the shell's registry and
 * connection).
 */
export async function terminalLines(shell: Shell, noColour = false): Promise<LineSource> {
  if (!process.stdout.isTTY) return readlineLines();
  const { openTerminal } = await (replLoading ??= loadRepl());
  writeThroughStreams();
  const source = { find: findCommand, all: allCommands, conn: () => shell.connection(), error: () => {}, extensions: true };
  const session = openTerminal({
    complete: (before, text, quoted) => completeLine(before, text, source, quoted),
    wantsPath: (before) => wantsPath(before, source),
    error: (t) => shell.out.error(t),
    env: process.env,
    noColour,
  });
  setJobDisplay(session.jobs);
  return {
    read: (prompt) => session.read(terminalPrompt(prompt)),
    guard: (run) => session.guard(run),
    close: () => {
      setJobDisplay(undefined);
      session.close();
    },
  };
}

/**
 * virsh's interactive loop: banner (unless -q), then prompt, read, parse and run each
 * non-empty line until end of input or quit; a final newline after the last prompt.
 */
export async function interactiveLoop(shell: Shell, lines: LineSource, runLine: (line: string) => Promise<void>): Promise<void> {
  const out = shell.out;
  if (!out.quiet) {
    out.print('Welcome to virsh, the virtualization interactive terminal.\n\n');
    out.print("Type:  'help' for help with commands\n       'quit' to quit\n\n");
  }
  while (!shell.state.quit) {
    const line = await lines.read(shell.settings.readonly ? 'virsh > ' : 'virsh # ');
    if (line === undefined) break;
    if (!line) continue;
    if (lines.guard) await lines.guard(() => runLine(line));
    else await runLine(line);
  }
  lines.close();
  out.print('\n');
}
