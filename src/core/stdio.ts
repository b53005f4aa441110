import { writeSync } from 'node:fs';
import { encodeRawBytes, hasRawBytes } from './xml/raw-bytes.js';

/**
 * Writes to stdout and stderr straight to their file descriptors. process.stdout/stderr
 * are streams whose creation loads node:stream (and node:net for a pipe): a few ms of every
 * one-shot command. A descriptor another process left non-blocking can refuse a write
 * (EAGAIN); from then on that descriptor goes through Node's stream, which waits for it,
 * and since everything before was written synchronously the order holds.
 */
const streamed = new Set<number>();

function writeFd(fd: 1 | 2, text: string | Buffer): void {
  if (!text.length) return;
  if (streamed.has(fd)) {
    // The interactive shell's wrapper colours text it is given as a string: keep plain text so.
    (fd === 1 ? process.stdout : process.stderr).write(typeof text === 'string' && hasRawBytes(text) ? encodeRawBytes(text) : text);
    return;
  }
  // Text may carry bytes that are not UTF-8 (xml/raw-bytes.ts): virsh writes them as they came.
  let buf = typeof text === 'string' ? encodeRawBytes(text) : text;
  while (buf.length) {
    try {
      buf = buf.subarray(writeSync(fd, buf));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // virsh dies of SIGPIPE when its reader goes away; Node ignores the signal, so exit as it would.
      if (code === 'EPIPE') process.exit(128 + 13);
      if (code !== 'EAGAIN') throw e;
      streamed.add(fd);
      (fd === 1 ? process.stdout : process.stderr).write(buf);
      return;
    }
  }
}

export const writeStdout = (text: string): void => writeFd(1, text);
export const writeStderr = (text: string | Buffer): void => writeFd(2, text);

/**
 * From now on both go through Node's streams: the interactive shell wraps them (colour,
 * its own redraws) and needs every write to pass through its wrapper.
 */
export function writeThroughStreams(): void {
  streamed.add(1);
  streamed.add(2);
}
