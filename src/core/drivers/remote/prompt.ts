import { createInterface } from 'node:readline';
import type { KeyboardInteractiveAuthMethod } from 'ssh2';

/**
 * Asks on the terminal as virsh's auth callback does: the prompt (with ": ") on stdout,
 * one line from stdin; undefined at end of input. `echo: false` hides what is typed.
 */
export function askLine(prompt: string, echo: boolean): Promise<string | undefined> {
  // Once input has ended every later question reads end of input at once (its prompt still shows).
  if (process.stdin.readableEnded) {
    process.stdout.write(prompt);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
    let answered = false;
    if (!echo && process.stdin.isTTY) {
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(prompt)) write.call(rl, s);
      };
    }
    rl.question(prompt, (line) => {
      answered = true;
      rl.close();
      if (!echo && process.stdin.isTTY) process.stdout.write('\n');
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}

/** keyboard-interactive as both ssh flavors answer it: each of the server's prompts asked in turn, end of input as an empty answer. */
export function keyboardInteractive(username: string): KeyboardInteractiveAuthMethod {
  return {
    type: 'keyboard-interactive',
    username,
    prompt: (_name, _instructions, _lang, prompts, finish) => {
      void (async () => {
        const answers: string[] = [];
        for (const p of prompts) answers.push((await askLine(p.prompt, p.echo ?? false)) ?? '');
        finish(answers);
      })();
    },
  };
}
