import { closeSync, openSync, readSync } from 'node:fs';
import { virErr } from './errors.js';
import { strerror } from './strerror.js';

/**
 * virFileReadAll: the whole file as UTF-8, refused beyond `maxlen` bytes, with libvirt's
 * system-error texts ("Failed to open file 'X': …", "Failed to read file 'X': …").
 */
export function readFileAll(path: string, maxlen: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Failed to open file '${path}': ${strerror(e)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(65536);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > maxlen) throw Object.assign(new Error('too large'), { code: 'EOVERFLOW' });
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Failed to read file '${path}': ${strerror(e)}`);
  } finally {
    closeSync(fd);
  }
}
