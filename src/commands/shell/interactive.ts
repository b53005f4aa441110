import { readSync } from 'node:fs';
import type { Shell } from './shell.js';

/** Reads lines; undefined at end of input. */
export interface LineSource {
  read(prompt: string): Promise<string | undefined>;
  close(): void;
}

/**
 * Standard input that is not a terminal, read a line at a time as readline does for
 * virsh: the prompt and the line are echoed to stdout, as readline's display does.
 */
export function pipedLines(out: (text: string) => void): LineSource {
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
          const line = buffered.subarray(0, nl).toString('utf8');
          buffered = buffered.subarray(nl + 1);
          out(`${line}\n`);
          return line;
        }
        if (eof) {
          if (buffered.length === 0) return undefined;
          const line = buffered.toString('utf8');
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

/** A terminal: node's line editor with history, prompt drawn by it. */
export async function terminalLines(): Promise<LineSource> {
  const readline = await import('node:readline/promises');
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
    if (line) await runLine(line);
  }
  lines.close();
  out.print('\n');
}
