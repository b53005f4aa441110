// Conformance cases: plain-text files under cases/, one case a line:
//   NAME  ARGS…          (ARGS split with POSIX shell quoting rules)
//   NAME  <FILE ARGS…    (FILE, under fixtures/, is fed on standard input)
//   NAME  VAR=VALUE… ARGS… (environment for that case, e.g. a scripted EDITOR)
// Lines starting with # are comments. `@FIXTURES@` in ARGS stands for the absolute path of
// fixtures/ (for `-c test://@FIXTURES@/x/node.xml`, whose URI must be absolute); normalize()
// turns that path back into `@FIXTURES@` in outputs, since checkouts live in different places.
// Every case runs with fixtures/ as its working
// directory and LIBVIRT_DEFAULT_URI=test:///default in a scrubbed environment, so real virsh
// (record.mjs) and virsh-ts (conformance.test.ts) see exactly the same inputs.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { makeSandbox, sandboxEnv } from '../helpers/sandbox.mjs';

export const here = dirname(fileURLToPath(import.meta.url));
export const fixturesDir = join(here, 'fixtures');
export const goldenDir = join(here, 'golden');

/** Splits a line into words as a POSIX shell would (quotes and backslashes; no expansion). */
export function shellSplit(line) {
  const words = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${line}`);
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) i++;
        cur += line[i++];
      }
      if (i >= line.length) throw new Error(`unterminated " in: ${line}`);
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** All case files: [{ file, cases: [{ name, args, stdin }] }] */
export function loadCaseFiles() {
  const dir = join(here, 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cases'))
    .sort()
    .map((file) => {
      const cases = [];
      const seen = new Set();
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((raw, idx) => {
          const line = raw.trim();
          if (!line || line.startsWith('#')) return;
          const [name, ...rest] = shellSplit(line);
          if (seen.has(name)) throw new Error(`${file}:${idx + 1}: duplicate case name ${name}`);
          seen.add(name);
          // Leading VAR=VALUE words set the environment (e.g. EDITOR=@FIXTURES@/x/edit.sh).
          const env = {};
          while (/^[A-Z][A-Z0-9_]*=/.test(rest[0] ?? '')) {
            const word = rest.shift();
            const eq = word.indexOf('=');
            env[word.slice(0, eq)] = word.slice(eq + 1).replaceAll('@FIXTURES@', fixturesDir);
          }
          let stdin;
          if (rest[0]?.startsWith('<')) stdin = rest.shift().slice(1);
          cases.push({ name, args: rest.map((a) => a.replaceAll('@FIXTURES@', fixturesDir)), stdin, env });
        });
      return { file, cases };
    });
}

/** Output fields that change from run to run (times, host facts), masked on both sides. */
const volatile = [
  [/^(CPU time: +)\d+\.\d+s$/gm, '$1<cpu-time>'],
  // -t: wall-clock time of each command
  [/^\(Time: \d+\.\d{3} ms\)$/gm, '(Time: <ms>)'],
  // domblkstat / domifstat: the test driver derives its counters from the wall clock
  [/^(\S* (?:rd_req|rd_bytes|wr_req|wr_bytes|errs|rx_bytes|rx_packets|rx_errs|rx_drop|tx_bytes|tx_packets|tx_errs|tx_drop) )\d+$/gm, '$1<counter>'],
  [/^( (?:number of (?:read|write) operations|number of bytes (?:read|written)|error count):\s+)\d+$/gm, '$1<counter>'],
  // libvirt's own log lines on stderr (VIR_WARN in a process that embeds the driver): time and pid
  [/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d{4}: \d+: (info|warning) : /gm, '<log-time>: <pid>: $1 : '],
];

export function normalize(text) {
  let out = text;
  out = out.replaceAll(fixturesDir, '@FIXTURES@');
  for (const [re, to] of volatile) out = out.replace(re, to);
  return out;
}

/** A private HOME/XDG tree, made at the first run, so no user's libvirt.conf or history leaks into a case. */
let sandbox;
const caseEnv = () => sandboxEnv((sandbox ??= makeSandbox('virsh-conf-')), 'test:///default');

/**
 * Runs a program to its end, killed after `timeout` ms and run again if it hung.
 *
 * virsh 9.0's save/managedsave/restore/migrate-style commands run the job in a worker thread and
 * then enter a GMainLoop that the worker quits when done (virshWatchJob). When the job finishes
 * before the main thread reaches g_main_loop_run, the quit is lost and virsh polls forever
 * (main thread in poll(…, 500) on its progress timer, worker already gone): about one run in
 * four here. The race does not depend on how stdio is wired, so a run that hangs is killed and
 * run again: each run starts from fresh state, so a retry yields the same bytes.
 */
export function runToEnd(program, args, { cwd, env, input = '', timeout = 10_000 }) {
  const attempts = 8;
  for (let i = 1; ; i++) {
    const r = spawnSync(program, args, { cwd, env, input, encoding: 'utf8', timeout, killSignal: 'SIGKILL' });
    if (r.error?.code === 'ETIMEDOUT' && i < attempts) continue;
    if (r.error) throw r.error;
    return { stdout: r.stdout, stderr: r.stderr, code: r.status };
  }
}

/** Runs one case with the given program (real virsh, or bin/virsh-ts). */
export function runCase(program, c) {
  return runToEnd(program, c.args, {
    cwd: fixturesDir,
    env: { ...caseEnv(), ...c.env },
    input: c.stdin ? readFileSync(join(fixturesDir, c.stdin)) : '',
  });
}
