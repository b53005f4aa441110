import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Duplex, PassThrough } from 'node:stream';
import { VirError, virErr } from '../../errors.js';
import { ErrorCodes, ErrorDomains } from '../../error-codes.js';
import { strerror } from '../../strerror.js';
import { libvirtWarn } from '../../libvirt-log.js';
import type { Link } from './transport.js';

/** virFindFileInPath: names with a slash are taken as they are, others searched in $PATH. */
function findInPath(file: string): string | undefined {
  if (file.includes('/')) return file;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const path = join(dir || '.', file);
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

const linkError = (message: string) => new VirError(ErrorCodes.SYSTEM_ERROR[0], message, ErrorDomains.RPC);

/**
 * virNetSocketNewConnectCommand: the child's stdin and stdout carry the RPC stream, its
 * stderr (up to 1 KiB, trailing space trimmed) explains a dead link. A child that dies
 * before sending a byte has left our call unread, which libvirt's socketpair reports as
 * a reset connection; one that dies later gives a plain end of file.
 */
export async function commandLink(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Link> {
  const path = findInPath(file);
  if (!path) {
    // libvirt closes its socketpair's end twice on this path; the fd number it names is
    // the one a process started with only stdin, stdout and stderr gets.
    libvirtWarn('virFileClose:129', 'Tried to close invalid fd 4');
    throw virErr('SYSTEM_ERROR', `Cannot find '${file}' in path: No such file or directory`);
  }
  const { execa } = await import('execa');
  const child = execa(path, args, { env, extendEnv: false, stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, reject: false });
  let errout = '';
  let spawnError: unknown;
  let received = false;
  child.on('error', (e) => {
    spawnError ??= e;
  });
  child.catch(() => undefined);
  child.stderr!.on('data', (b: Buffer) => {
    errout = (errout + b.toString()).slice(0, 1024);
  });
  // libvirt reads the child's stderr to its end before reporting the EOF, so our
  // readable side ends only once both of the child's outputs have.
  const readable = new PassThrough();
  let open = 2;
  const ended = () => {
    if (--open === 0) readable.end();
  };
  child.stdout!.on('data', () => {
    received = true;
  });
  child.stdout!.pipe(readable, { end: false });
  child.stdout!.once('end', ended);
  child.stderr!.once('end', ended);
  // Writes may hit a pipe the child already closed: swallowed, for the reading side
  // reports why the link died, as libvirt's socketpair does.
  child.stdin!.on('error', () => {});
  const stream = new Duplex({
    read: () => readable.resume(),
    write(chunk: Buffer, _enc, done) {
      if (child.stdin!.writable) child.stdin!.write(chunk);
      done();
    },
    destroy(err, done) {
      child.stdin!.destroy();
      readable.destroy();
      if (child.exitCode === null) child.kill('SIGTERM');
      done(err);
    },
  });
  readable.on('data', (b: Buffer) => {
    if (!stream.push(b)) readable.pause();
  });
  readable.once('end', () => stream.push(null));
  const detail = () => (spawnError ? `libvirt:  error : cannot execute binary ${file}: ${strerror(spawnError)}` : errout.trimEnd());
  return {
    stream,
    eofError: () =>
      received
        ? linkError(`End of file while reading data: ${detail()}: Input/output error`)
        : linkError(`Cannot recv data: ${detail()}: Connection reset by peer`),
  };
}
