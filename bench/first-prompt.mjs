// First-prompt latency of the interactive shell: each contender starts in a pseudo-terminal
// (util-linux `script -qfc`), and the time is taken from spawn until its prompt shows on the
// terminal (a 120x40 terminal, set by stty in the pty first). virsh-ts's prompt comes from the Ink REPL (dist/repl.mjs); virsh's from readline.
// Alone: node bench/first-prompt.mjs (BENCH_RUNS=N).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ratio } from './lib.mjs';

const bin = fileURLToPath(new URL('../bin/virsh-ts', import.meta.url));
const PROMPT = /virsh [#$>] /;
// CSI and OSC sequences, and the other two-byte escapes Ink and readline write
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;

/** Milliseconds from spawn until `command` shows its prompt in a pty. */
function timeToPrompt(command, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // the pty `script` makes from a pipe has no size: give it one (both contenders pay the stty)
    const child = spawn('script', ['-qfc', `stty cols 120 rows 40; exec ${command}`, '/dev/null'], {
      env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`no prompt from ${command} in 10 s: ${JSON.stringify(seen)}`)), 10_000);
    const finish = (result) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      child.once('close', () => (result instanceof Error ? reject(result) : resolve(result)));
    };
    child.stdout.on('data', (chunk) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      seen += chunk.toString('utf8');
      if (PROMPT.test(seen.replace(ANSI, ''))) {
        child.stdout.removeAllListeners('data');
        finish(ms);
      }
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** virsh-ts's and virsh's first prompt on test:///default (and Node's floor), interleaved, medians printed. */
export async function firstPrompt(runs = Number(process.env.BENCH_RUNS ?? 20)) {
  const home = mkdtempSync(join(tmpdir(), 'virsh-bench-prompt-'));
  // a private history file; no colour settings of the caller's terminal
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), TERM: 'xterm-256color' };
  delete env.LIBVIRT_DEFAULT_URI;
  delete env.VIRSH_DEFAULT_CONNECT_URI;
  const contenders = [
    { name: 'virsh-ts (Ink REPL)', command: `${bin} -c test:///default` },
    { name: 'virsh 9.0 (readline)', command: 'virsh -c test:///default' },
    // the floor: Node itself printing a prompt in the same pty
    { name: 'node printing the prompt', command: `${process.execPath} -e "process.stdout.write('virsh # '); setInterval(() => {}, 1000)"` },
  ];
  try {
    const samples = contenders.map(() => []);
    for (const c of contenders) await timeToPrompt(c.command, env);
    for (let i = 0; i < runs; i++) for (const [j, c] of contenders.entries()) samples[j].push(await timeToPrompt(c.command, env));
    console.log(`\n## first prompt of the interactive shell in a pty (\`script -qfc\`), test:///default (median of ${runs} runs)`);
    const width = Math.max(...contenders.map((c) => c.name.length));
    const med = samples.map(median);
    contenders.forEach((c, j) =>
      console.log(`  ${c.name.padEnd(width)}  ${med[j].toFixed(1).padStart(8)} ms  (min ${Math.min(...samples[j]).toFixed(1)}, max ${Math.max(...samples[j]).toFixed(1)})`),
    );
    console.log(`  virsh-ts: ${med[0] <= 400 ? 'within' : 'over'} the 400 ms target`);
    ratio('virsh-ts / virsh', med[0], med[1]);
    ratio('virsh-ts / node floor', med[0], med[2]);
    return Object.fromEntries(contenders.map((c, j) => [c.name, med[j]]));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await firstPrompt();
