// What the live comparisons of real virsh and virsh-ts share: the virsh-ts binary, the
// .cases files they read, and one run of either program with its output normalized as the
// conformance goldens are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize, runToEnd, shellSplit } from '../conformance/cases.mjs';
import { sandboxEnv } from './sandbox.mjs';

export const virshTs = join(import.meta.dirname, '..', '..', 'bin', 'virsh-ts');

export interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** A .cases file: one case a line, `NAME ARGS…` split with shell quoting; blank lines and # comments skipped. */
export function loadCases(path: string): { name: string; args: string[] }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [name, ...args] = shellSplit(l);
      return { name, args };
    });
}

/** Runs `command` to its end with empty input (a hung run is killed and retried, see runToEnd). */
export function runNormalized(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): Outcome {
  const r = runToEnd(command, args, { cwd: opts.cwd, env: opts.env, timeout: opts.timeout ?? 20_000 });
  return { stdout: normalize(r.stdout), stderr: normalize(r.stderr), code: r.code };
}

/** `program` (real virsh or virsh-ts) run in `sandbox` (makeSandbox) with `uri` as its default URI. */
export const runInSandbox = (sandbox: string, program: string, args: string[], uri: string): Outcome =>
  runNormalized(program, args, { cwd: sandbox, env: sandboxEnv(sandbox, uri) });
