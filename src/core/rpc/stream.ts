import type { VirError } from '../errors.js';
import { MessageStatus, MessageType, PROTOCOL_VERSION } from './constants.js';
import { encodePacket, type Header } from './header.js';
import { decodeFailed } from './link-errors.js';
import { hyper, struct, uint, XdrError, XdrReader } from './xdr/index.js';
import type { Procedure } from './procedures/index.js';

/** Bytes per data packet, as libvirt sends them (VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX). */
export const STREAM_CHUNK = 262120;

/** virNetStreamHole: the payload of a STREAM_HOLE packet. */
const streamHole = struct({ length: hyper, flags: uint });

interface Waiter<T> {
  resolve(v: T): void;
  reject(e: unknown): void;
}

/**
 * One data stream riding on a call's serial (virNetClientStream): data goes out as STREAM
 * packets with status CONTINUE, the end as status OK (answered by the peer's OK or an
 * error), an abort as status ERROR. Incoming data queues until read; an empty CONTINUE is
 * the end of the peer's data.
 */
export class RpcStream {
  /** Data not read yet: bytes, or the length of a hole (read back as zeros). */
  private readonly chunks: (Uint8Array | bigint)[] = [];
  private eof = false;
  private error?: VirError;
  private reader?: Waiter<Uint8Array | undefined>;
  private confirm?: Waiter<void>;

  constructor(
    private readonly proc: Procedure,
    readonly serial: number,
    private readonly write: (packet: Buffer) => Promise<void>,
  ) {}

  async send(data: Uint8Array): Promise<void> {
    if (this.error) throw this.error;
    for (let at = 0; at < data.length; at += STREAM_CHUNK) {
      const part = data.subarray(at, at + STREAM_CHUNK);
      await this.write(this.packet(MessageStatus.CONTINUE, Buffer.from(part.buffer, part.byteOffset, part.length)));
    }
  }

  /** The next chunk of the peer's data, or undefined once it has ended. */
  recv(): Promise<Uint8Array | undefined> {
    if (this.chunks.length) return Promise.resolve(this.take());
    if (this.error) return Promise.reject(this.error);
    if (this.eof) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => (this.reader = { resolve, reject }));
  }

  /** virStreamFinish: tells the peer we are done and waits for its verdict. */
  finish(): Promise<void> {
    return this.close(MessageStatus.OK);
  }

  /** virStreamAbort */
  abort(): Promise<void> {
    return this.close(MessageStatus.ERROR);
  }

  /** A STREAM packet for this serial arrived. */
  incoming(h: Header, payload: Buffer, decodeError: (payload: Buffer) => VirError): void {
    if (h.type === MessageType.STREAM_HOLE) {
      // A sparse download's hole: handed on as zeros, so the bytes read are the volume's.
      try {
        const { length } = streamHole.dec(new XdrReader(payload));
        if (length > 0n) this.chunks.push(length);
        this.wake();
      } catch (e) {
        if (!(e instanceof XdrError)) throw e;
        this.fail(decodeFailed());
      }
    } else if (h.status === MessageStatus.CONTINUE) {
      if (payload.length === 0) this.eof = true;
      else this.chunks.push(Uint8Array.from(payload));
      this.wake();
    } else if (h.status === MessageStatus.OK) {
      this.eof = true;
      this.wake();
      this.confirm?.resolve();
      this.confirm = undefined;
    } else {
      this.fail(decodeError(payload));
    }
  }

  /** The stream ended badly: the peer's error, or the connection went down. */
  fail(err: VirError): void {
    this.error ??= err;
    this.reader?.reject(err);
    this.reader = undefined;
    this.confirm?.reject(err);
    this.confirm = undefined;
  }

  private async close(status: number): Promise<void> {
    if (this.error) throw this.error;
    const confirmed = new Promise<void>((resolve, reject) => (this.confirm = { resolve, reject }));
    await this.write(this.packet(status));
    await confirmed;
  }

  private wake(): void {
    if (!this.reader) return;
    const r = this.reader;
    this.reader = undefined;
    if (this.chunks.length) r.resolve(this.take());
    else if (this.eof) r.resolve(undefined);
    else this.reader = r;
  }

  /** The next queued bytes; a hole gives up to one chunk of zeros at a time. */
  private take(): Uint8Array {
    const head = this.chunks[0];
    if (typeof head !== 'bigint') return this.chunks.shift() as Uint8Array;
    const n = head > BigInt(STREAM_CHUNK) ? STREAM_CHUNK : Number(head);
    if (head - BigInt(n) > 0n) this.chunks[0] = head - BigInt(n);
    else this.chunks.shift();
    return new Uint8Array(n);
  }

  private packet(status: number, data?: Buffer): Buffer {
    const h = { prog: this.proc.program, vers: PROTOCOL_VERSION, proc: this.proc.number, type: MessageType.STREAM, serial: this.serial, status };
    return encodePacket(h, data ? (w) => w.raw(data) : undefined);
  }
}
