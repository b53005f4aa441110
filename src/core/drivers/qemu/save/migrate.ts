// QEMU's migration stream to and from a save image. libvirt hands QEMU a file descriptor
// (getfd + fd: out, fd: in with -incoming defer); Node cannot pass descriptors over the
// monitor, and the guest's seccomp sandbox (spawn=deny) forbids exec: migration, so the
// stream goes through a unix socket in the guest's private directory, this process copying
// it between the socket and the image at the stream's offset.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { virErr } from '../../../errors.js';
import type { QmpClient } from '../qmp/client.js';
import { SAVE_FORMATS } from './header.js';

const POLL_MS = 50;
/** libvirt lifts QEMU's migration speed limit for saves (QEMU_DOMAIN_MIG_BANDWIDTH_MAX). */
const UNLIMITED = Number.MAX_SAFE_INTEGER;

interface MigrateInfo {
  status?: string;
  'error-desc'?: string;
}

/** Polls query-migrate until the migration ends; libvirt's error when it did not complete. */
async function waitForCompletion(qmp: QmpClient, job: string): Promise<void> {
  for (;;) {
    const info = await qmp.execute<MigrateInfo>('query-migrate');
    if (info.status === 'completed') return;
    if (info.status === 'failed' || info.status === 'cancelled') {
      const why = info['error-desc'] ? `: ${info['error-desc']}` : info.status === 'cancelled' ? ': canceled by client' : ': unexpectedly failed';
      throw virErr('OPERATION_FAILED', `job '${job}' failed${why}`, 'QEMU');
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The stream of a running guest into `fd` from `offset` on (qemuMigrationSrcToFile). */
export async function migrateToFile(qmp: QmpClient, socketPath: string, fd: number, offset: number): Promise<void> {
  rmSync(socketPath, { force: true });
  const server = createServer();
  const copied = new Promise<void>((resolve, reject) => {
    server.once('connection', (conn: Socket) => {
      server.close();
      pipeline(conn, createWriteStream('', { fd, start: offset, autoClose: false })).then(resolve, reject);
    });
    server.once('error', reject);
  });
  // Unhandled until awaited below: a QEMU that never connects must not crash the process.
  copied.catch(() => undefined);
  await new Promise<void>((resolve, reject) => server.listen(socketPath, resolve).once('error', reject));
  try {
    await qmp.execute('migrate-set-parameters', { 'max-bandwidth': UNLIMITED });
    await qmp.execute('migrate', { uri: `unix:${socketPath}` });
    await waitForCompletion(qmp, 'migration out');
    await copied;
  } finally {
    server.close();
    rmSync(socketPath, { force: true });
  }
}

/** The image's stream from `offset`, through its decompressor when it was saved compressed. */
function imageStream(path: string, offset: number, compressed: number): { stream: Readable; done: Promise<void> } {
  const raw = createReadStream(path, { start: offset });
  if (compressed === 0) return { stream: raw, done: Promise.resolve() };
  const prog = SAVE_FORMATS[compressed];
  if (!prog) throw virErr('OPERATION_FAILED', `Invalid compressed save format ${compressed}`, 'QEMU');
  const child = spawn(prog, prog === 'lzop' ? ['-dc', '--ignore-warn'] : ['-dc'], { stdio: ['pipe', 'pipe', 'ignore'] });
  raw.pipe(child.stdin);
  const done = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { stream: child.stdout, done };
}

/**
 * Feeds a guest started with `-incoming defer` from the image (migrate-incoming), and
 * resolves once QEMU has the whole state; the guest stays paused.
 */
export async function migrateFromFile(qmp: QmpClient, socketPath: string, path: string, offset: number, compressed: number): Promise<void> {
  rmSync(socketPath, { force: true });
  const { stream, done } = imageStream(path, offset, compressed);
  try {
    await qmp.execute('migrate-incoming', { uri: `unix:${socketPath}` });
    const conn = createConnection(socketPath);
    const fed = pipeline(stream, conn);
    fed.catch(() => undefined);
    await waitForCompletion(qmp, 'migration in');
    await fed.catch(() => undefined);
  } finally {
    stream.destroy();
    await done;
    rmSync(socketPath, { force: true });
  }
}
