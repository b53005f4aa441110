import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function canConnect(opts: { path: string } | { host: string; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection(opts);
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export interface Supervised {
  /** What the daemon wrote on stderr so far, for failure messages. */
  log(): string;
  /** SIGTERM (SIGKILL after 5 s), then removes the daemon's private directory. */
  stop(): Promise<void>;
}

/**
 * Watches a daemon a test spawned into its private directory `dir`: collects its stderr and
 * resolves once `ready()` holds, or stops it and throws when it exits early or is not ready
 * within 30 s, so no test leaves a daemon behind.
 */
export async function superviseDaemon(
  name: string,
  child: ChildProcess,
  dir: string,
  ready: () => Promise<boolean>,
  pollMs: number,
): Promise<Supervised> {
  const chunks: Buffer[] = [];
  child.stderr?.on('data', (b: Buffer) => chunks.push(b));
  const log = () => Buffer.concat(chunks).toString();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const text = log();
      await stop();
      throw new Error(`${name} exited early (${child.exitCode ?? child.signalCode}):\n${text}`);
    }
    if (await ready()) return { log, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not become ready in 30 s:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
