// virshRunConsole: the terminal in raw mode joined to a console stream until the escape
// character is typed (first byte of a read, as virsh checks it), the stream ends, or
// something fails. The usual terminating signals are held off meanwhile so the terminal is
// always given back in the state it was found.
import type { ReadStream } from 'node:tty';
import type { Connection } from '../../core/api/connection.js';
import type { DomainHandle } from '../../core/api/handles.js';
import type { VolStream } from '../../core/api/storage.js';
import { VirError, virErr } from '../../core/errors.js';
import { makeStdinRaw } from '../../core/tty/raw.js';

const HELD_SIGNALS: NodeJS.Signals[] = ['SIGQUIT', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGPIPE'];

/** virshGetEscapeChar: `^x` is Ctrl-x, anything else the character itself. */
export function escapeByte(escape: string): number {
  return escape[0] === '^' ? escape[1].toUpperCase().charCodeAt(0) ^ 0x40 : escape.charCodeAt(0);
}

/** cmdRunConsole's banner: the escape, and for `^x` the key that types it. */
export function consoleBanner(name: string, escape: string): string {
  return `Connected to domain '${name}'\nEscape character is ${escape}${escape[0] === '^' ? ` (Ctrl + ${escape[1]})` : ''}\n`;
}

/** Shuttles bytes until the session ends; rejects with the error that ended it, if any. */
function shuttle(stream: VolStream, stdin: ReadStream, escape: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let over = false;
    // virConsoleShutdown: a graceful end finishes the stream, anything else aborts it.
    const end = (graceful: boolean, err?: unknown) => {
      if (over) return;
      over = true;
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.pause();
      const close = graceful ? stream.finish() : stream.abort();
      close.then(
        () => (err ? reject(err) : resolve()),
        (e) => reject(err ?? (graceful ? virErr('INTERNAL_ERROR', 'cannot terminate console stream') : e)),
      );
    };
    // The interactive shell's line editor may have left stdin decoding to text: back to bytes.
    const onData = (chunk: Buffer | string) => {
      const d = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (d[0] === escape) return end(true);
      stream.send(d).catch((e) => end(false, e));
    };
    const onEnd = () => end(false, virErr('INTERNAL_ERROR', 'EOF on stdin'));
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
    void (async () => {
      try {
        for (let chunk = await stream.recv(); chunk && !over; chunk = await stream.recv()) process.stdout.write(chunk);
        end(true);
      } catch (e) {
        end(false, e instanceof VirError ? e : virErr('INTERNAL_ERROR', String(e)));
      }
    })();
  });
}

export async function consoleSession(conn: Connection, dom: DomainHandle, devName: string | null, flags: number, escape: string): Promise<void> {
  const stdin = process.stdin as ReadStream;
  const restore = makeStdinRaw();
  const hold = () => {};
  for (const s of HELD_SIGNALS) process.on(s, hold);
  try {
    const stream = await conn.domainOpenConsole(dom, devName, flags);
    await shuttle(stream, stdin, escapeByte(escape));
  } finally {
    for (const s of HELD_SIGNALS) process.off(s, hold);
    restore();
    stdin.pause();
  }
}
