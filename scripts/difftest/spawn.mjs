import { spawn } from 'node:child_process';

/**
 * Runs one command line to its end: exit code (undefined when it had to be killed), stdout
 * and stderr. Real virsh now and then hangs on save/dump (a worker finishing before its
 * event loop starts), hence the 10 s limit.
 */
export function runCommand(program, argv, { cwd, env }) {
  return new Promise((done) => {
    const p = spawn(program, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 10_000);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: signal ? undefined : code, stdout, stderr });
    });
  });
}
