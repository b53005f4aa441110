import type { VolStream } from '../core/api/storage.js';
import { VirError, virErr } from '../core/errors.js';
import { MessageStatus, MessageType } from '../core/rpc/constants.js';
import { encodePacket, type Header } from '../core/rpc/header.js';
import { remoteError, toRemoteError } from '../core/rpc/remote-error.js';
import { STREAM_CHUNK } from '../core/rpc/stream.js';

/**
 * The daemon's end of one stream (daemonClientStream): rides on the serial of the call that
 * opened it. Data the driver produces goes out as STREAM/CONTINUE packets ending with an
 * empty one; data the client sends is written to the driver in order; the client's OK
 * finishes the driver's stream, its ERROR aborts it, and either is answered on the stream.
 */
export class DaemonStream {
  /** Writes to the driver, one after another, in the order the packets came. */
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  /** Data packets received and not yet written to the driver. */
  private pending = 0;

  constructor(
    private readonly call: Header,
    private readonly st: VolStream,
    /** Sends a packet; a promise, if given, settles once the socket has taken it. */
    private readonly send: (packet: Buffer) => void | Promise<void>,
    private readonly ended: () => void,
    /** Told each time a data packet has been written, so paused reading can go on. */
    private readonly drained: () => void = () => {},
  ) {}

  /**
   * libvirtd counts each data packet as a request in progress until it is written: at
   * max_client_requests of them it stops reading the client's socket.
   */
  backlogged(limit: number): boolean {
    return this.pending >= limit;
  }

  /** Server→client data: reads the driver's stream to its end, then the empty CONTINUE. */
  async pump(): Promise<void> {
    try {
      // The next chunk is read only once the previous one has gone out, as libvirtd does.
      for (let chunk = await this.st.recv(); chunk; chunk = await this.st.recv()) {
        for (let at = 0; at < chunk.length; at += STREAM_CHUNK) await this.data(chunk.subarray(at, at + STREAM_CHUNK));
      }
      await this.data();
    } catch (e) {
      this.error(e);
    }
  }

  /** A STREAM packet from the client for this serial. */
  incoming(h: Header, payload: Buffer): void {
    if (this.failed) return;
    if (h.type === MessageType.STREAM_HOLE) {
      this.error(virErr('RPC', 'Unexpected stream hole', 'RPC'));
    } else if (h.status === MessageStatus.CONTINUE) {
      const data = Uint8Array.from(payload);
      this.pending++;
      this.chain = this.chain.then(() => this.st.send(data)).finally(() => {
        this.pending--;
        this.drained();
      });
      this.chain.catch((e) => this.error(e));
    } else if (h.status === MessageStatus.OK) {
      this.settle(() => this.st.finish());
    } else {
      this.settle(() => this.st.abort());
    }
  }

  /** The client went away mid-stream: the driver's side is aborted. */
  drop(): void {
    this.failed = true;
    void this.st.abort().catch(() => undefined);
  }

  private settle(end: () => Promise<void>): void {
    this.chain = this.chain.then(end).then(
      () => {
        void this.send(this.packet(MessageStatus.OK));
        this.ended();
      },
      (e) => this.error(e),
    );
  }

  private data(bytes?: Uint8Array): void | Promise<void> {
    return this.send(this.packet(MessageStatus.CONTINUE, (w) => bytes && w.raw(bytes)));
  }

  private error(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    const err = e instanceof VirError ? e : virErr('INTERNAL_ERROR', e instanceof Error ? e.message : String(e));
    void this.send(this.packet(MessageStatus.ERROR, (w) => remoteError.enc(w, toRemoteError(err))));
    this.ended();
  }

  private packet(status: number, body?: Parameters<typeof encodePacket>[1]): Buffer {
    return encodePacket({ ...this.call, type: MessageType.STREAM, status }, body);
  }
}
