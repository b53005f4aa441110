import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { virErr } from './errors.js';
import { strerror } from './strerror.js';
import { decodeRawBytes } from './xml/raw-bytes.js';

/**
 * virFileReadAll: the whole file, refused beyond `maxlen` bytes, with libvirt's
 * system-error texts ("Failed to open file 'X': …", "Failed to read file 'X': …").
 */
export function readFileBytes(path: string, maxlen: number): Buffer {
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
    return Buffer.concat(chunks);
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Failed to read file '${path}': ${strerror(e)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * virFileReadAll's buffer as the C string virsh hands to the API: text up to the first NUL
 * byte (a file with a NUL inside is read as its part before it). Bytes that are not UTF-8
 * are kept (see xml/raw-bytes.ts): libxml2 reports them, byte for byte.
 */
export function readFileAll(path: string, maxlen: number): string {
  const bytes = readFileBytes(path, maxlen);
  const nul = bytes.indexOf(0);
  const text = nul < 0 ? bytes : bytes.subarray(0, nul);
  return isUtf8(text) ? text.toString('utf8') : decodeRawBytes(text);
}
