// virFDStreamOpenPTY: a guest's pty as a data stream. The pty is put in raw mode so the line
// discipline neither echoes nor holds back what passes through it.
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import type { VolStream } from '../../../api/storage.js';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import { makeDeviceRaw } from '../../../tty/raw.js';

/** Chunks waiting for a reader before the pty is read no further. */
const HIGH_WATER = 64;

export function openPtyStream(path: string, onClose: () => void): VolStream & { abortedElsewhere(): void } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Unable to open stream for '${path}': ${strerror(e)}`);
  }
  try {
    makeDeviceRaw(path);
  } catch (e) {
    closeSync(fd);
    throw virErr('SYSTEM_ERROR', `unable to set tty attributes: ${(e as Error).message}`);
  }
  const tty = new ReadStream(fd);
  const chunks: Uint8Array[] = [];
  let ended = false;
  let failure: Error | undefined;
  let reader: ((v: Uint8Array | undefined) => void) | undefined;
  let readerFail: ((e: Error) => void) | undefined;
  let closed = false;

  const wake = () => {
    if (!reader) return;
    const [resolve, reject] = [reader, readerFail!];
    if (chunks.length) resolve(chunks.shift());
    else if (failure) reject(failure);
    else if (ended) resolve(undefined);
    else return;
    reader = readerFail = undefined;
  };
  tty.on('data', (d: Buffer) => {
    chunks.push(Uint8Array.from(d));
    if (chunks.length >= HIGH_WATER) tty.pause();
    wake();
  });
  // The guest's QEMU closed its side (the guest stopped): a pty read then fails with EIO.
  tty.on('error', () => {
    ended = true;
    wake();
  });
  tty.on('end', () => {
    ended = true;
    wake();
  });

  const close = () => {
    if (closed) return;
    closed = true;
    ended = true;
    tty.destroy();
    try {
      closeSync(fd);
    } catch {
      // Already closed with the tty handle.
    }
    wake();
    onClose();
  };

  return {
    async send(data) {
      if (closed) throw virErr('OPERATION_INVALID', 'stream is not open');
      for (let at = 0; at < data.length; ) {
        try {
          at += writeSync(fd, data, at);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
            await new Promise((r) => setTimeout(r, 10));
            continue;
          }
          throw virErr('SYSTEM_ERROR', `cannot write to stream: ${strerror(e)}`);
        }
      }
    },
    recv() {
      if (chunks.length) {
        const c = chunks.shift();
        if (chunks.length < HIGH_WATER) tty.resume();
        return Promise.resolve(c);
      }
      if (failure) return Promise.reject(failure);
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve, reject) => {
        reader = resolve;
        readerFail = reject;
      });
    },
    async finish() {
      close();
    },
    async abort() {
      close();
    },
    /** A forced console elsewhere took the device over (virChrdevOpen with force). */
    abortedElsewhere() {
      failure = virErr('INTERNAL_ERROR', 'stream aborted by another client');
      close();
    },
  };
}
