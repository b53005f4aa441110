import type { Duplex } from 'node:stream';
import { VirError } from '../errors.js';
import { CloseReason, DAEMON_MAX_CLIENT_REQUESTS, KeepaliveProc, MessageStatus, MessageType, Program, PROTOCOL_VERSION } from './constants.js';
import { Framer } from './framer.js';
import { decodeHeader, encodePacket, type Header } from './header.js';
import { Keepalive } from './keepalive.js';
import { decodeFailed, encodeFailed, endOfFile, protocolError, recvFailed, socketClosed, writeFailed } from './link-errors.js';
import { keepalivePacket, procedureIndex, type ArgsOf, type Procedure, type RetOf } from './procedures/index.js';
import { fromRemoteError, remoteError } from './remote-error.js';
import { RpcStream } from './stream.js';
import { XdrError, XdrReader } from './xdr/index.js';

export interface ClientOptions {
  /** Calls written before waiting for replies (libvirtd's max_client_requests). */
  maxInFlight?: number;
  /** An event message arrived (type MESSAGE on the REMOTE program). */
  onEvent?: (proc: Procedure, payload: unknown) => void;
  /** The connection died or was closed; `reason` is a virConnectCloseReason. */
  onClose?: (reason: number, err: VirError | undefined) => void;
  /** The error an end of file means on this link (an ssh/ext helper's exit), if not libvirt's plain one. */
  eofError?: () => VirError;
}

interface Call {
  proc: Procedure;
  serial: number;
  packet: Buffer;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

const events = procedureIndex();

/**
 * One RPC connection over any duplex byte stream (unix or TCP socket, TLS, an ssh child's
 * pipes). Calls are pipelined: up to `maxInFlight` are on the wire at once, replies are
 * matched by serial in whatever order they come, the rest wait in a queue. When the link
 * dies every pending and queued call fails with the error libvirt would report.
 */
export class RpcClient {
  private serial = 0;
  private readonly framer = new Framer();
  private readonly inFlight = new Map<number, Call>();
  private readonly queue: Call[] = [];
  /** Streams by the serial of the call that opened them. */
  private readonly streams = new Map<number, RpcStream>();
  private readonly maxInFlight: number;
  private keepalive?: Keepalive;
  private closed?: VirError;
  private closing = false;

  constructor(
    private readonly stream: Duplex,
    private readonly opts: ClientOptions = {},
  ) {
    this.maxInFlight = opts.maxInFlight ?? DAEMON_MAX_CLIENT_REQUESTS;
    stream.on('data', (chunk: Buffer) => this.onData(chunk));
    stream.on('error', (err: NodeJS.ErrnoException) => this.fail(this.closing ? socketClosed() : recvFailed(err), hangupReason(stream, err)));
    const eof = () => this.fail(opts.eofError?.() ?? endOfFile(), hangupReason(stream));
    stream.on('end', eof);
    stream.on('close', eof);
    // A transport may hand over a paused stream (TLS pauses after reading its verdict byte).
    stream.resume();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends a call and resolves with its decoded result, or rejects with the daemon's error. */
  call<P extends Procedure>(proc: P, args: ArgsOf<P>): Promise<RetOf<P>> {
    return this.enqueue(proc, args, this.nextSerial());
  }

  /**
   * A call that opens a data stream on its serial: resolves with the call's result and the
   * stream once the daemon has accepted it. The stream is in place before the call goes out,
   * so data right behind the reply is not lost.
   */
  async callStream<P extends Procedure>(proc: P, args: ArgsOf<P>): Promise<{ ret: RetOf<P>; stream: RpcStream }> {
    const serial = this.nextSerial();
    const stream = new RpcStream(proc, serial, (packet) => this.writeAwait(packet));
    this.streams.set(serial, stream);
    try {
      return { ret: await this.enqueue(proc, args, serial), stream };
    } catch (e) {
      this.streams.delete(serial);
      throw e;
    }
  }

  private nextSerial(): number {
    const serial = this.serial;
    this.serial = (this.serial + 1) >>> 0;
    return serial;
  }

  private enqueue<P extends Procedure>(proc: P, args: ArgsOf<P>, serial: number): Promise<RetOf<P>> {
    if (this.closed) return Promise.reject(socketClosed());
    return new Promise((resolve, reject) => {
      let packet: Buffer;
      try {
        packet = encodePacket(header(proc, MessageType.CALL, serial), (w) => proc.args.enc(w, args));
      } catch (e) {
        reject(e instanceof XdrError ? encodeFailed() : e);
        return;
      }
      this.queue.push({ proc, serial, packet: Buffer.from(packet), resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Starts client keepalive pings (virConnectSetKeepAlive). */
  startKeepalive(interval: number, count: number): void {
    if (interval <= 0 || this.keepalive) return;
    this.keepalive = new Keepalive(interval, count, {
      sendPing: () => this.write(keepalivePacket(KeepaliveProc.PING)),
      dead: (err) => this.fail(err, CloseReason.KEEPALIVE),
    });
    this.keepalive.start();
  }

  /** Stops client keepalive pings. */
  stopKeepalive(): void {
    this.keepalive?.stop();
    this.keepalive = undefined;
  }

  /** Closes the link; calls still pending fail as libvirt's do on a closed client. */
  close(): void {
    this.closing = true;
    this.fail(socketClosed(), CloseReason.CLIENT);
  }

  private pump(): void {
    while (this.inFlight.size < this.maxInFlight && this.queue.length) {
      const call = this.queue.shift()!;
      this.inFlight.set(call.serial, call);
      this.write(call.packet);
    }
  }

  /** Writes a stream packet; resolves once it has gone to the socket (the stream's back-pressure). */
  private writeAwait(packet: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) =>
      this.stream.write(packet, (err) => {
        if (!err) return resolve();
        const e = writeFailed(err);
        this.fail(e, CloseReason.ERROR);
        reject(e);
      }),
    );
  }

  private write(packet: Buffer): void {
    if (this.closed) return;
    this.stream.write(packet, (err) => {
      if (err) this.fail(writeFailed(err), CloseReason.ERROR);
    });
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.keepalive?.received();
    let frames: Buffer[];
    try {
      frames = this.framer.push(chunk);
    } catch (e) {
      this.fail(protocolError((e as Error).message), CloseReason.ERROR);
      return;
    }
    for (const frame of frames) {
      if (this.closed) return;
      this.dispatch(frame);
    }
  }

  private dispatch(frame: Buffer): void {
    const { header: h, payload } = decodeHeader(frame);
    if (h.prog === Program.KEEPALIVE) {
      if (h.type === MessageType.MESSAGE && h.proc === KeepaliveProc.PING) this.write(keepalivePacket(KeepaliveProc.PONG));
      return;
    }
    if (h.type === MessageType.MESSAGE) {
      const proc = events.get(`${h.prog}:${h.proc}`);
      if (!proc?.event) return;
      try {
        this.opts.onEvent?.(proc, proc.args.dec(new XdrReader(payload)));
      } catch (e) {
        if (!(e instanceof XdrError)) throw e;
      }
      return;
    }
    if (h.type === MessageType.STREAM || h.type === MessageType.STREAM_HOLE) {
      const st = this.streams.get(h.serial);
      if (!st) return;
      if (h.status !== MessageStatus.CONTINUE) this.streams.delete(h.serial);
      st.incoming(h, payload, (p) => {
        try {
          return fromRemoteError(remoteError.dec(new XdrReader(p)));
        } catch {
          return decodeFailed();
        }
      });
      return;
    }
    if (h.type !== MessageType.REPLY) {
      this.fail(protocolError(`got unexpected RPC call prog ${h.prog} vers ${h.vers} proc ${h.proc} type ${h.type}`), CloseReason.ERROR);
      return;
    }
    const call = this.inFlight.get(h.serial);
    if (!call || call.proc.program !== h.prog || h.vers !== PROTOCOL_VERSION) {
      this.fail(protocolError(`no call waiting for reply with prog ${h.prog} vers ${h.vers} serial ${h.serial}`), CloseReason.ERROR);
      return;
    }
    this.inFlight.delete(h.serial);
    this.settle(call, h, payload);
    this.pump();
  }

  private settle(call: Call, h: Header, payload: Buffer): void {
    try {
      if (h.proc !== call.proc.number) {
        call.reject(new VirError(1, `internal error: Unexpected message proc ${h.proc} != ${call.proc.number}`, 7));
      } else if (h.status === MessageStatus.OK) {
        call.resolve(call.proc.ret.dec(new XdrReader(payload)));
      } else if (h.status === MessageStatus.ERROR) {
        call.reject(fromRemoteError(remoteError.dec(new XdrReader(payload))));
      } else {
        call.reject(protocolError(`Unexpected message status ${h.status}`));
      }
    } catch (e) {
      call.reject(e instanceof XdrError ? decodeFailed() : e);
    }
  }

  private fail(err: VirError, reason: number): void {
    if (this.closed) return;
    this.closed = err;
    this.keepalive?.stop();
    const pending = [...this.inFlight.values(), ...this.queue];
    this.inFlight.clear();
    this.queue.length = 0;
    for (const call of pending) call.reject(err);
    for (const st of this.streams.values()) st.fail(err);
    this.streams.clear();
    this.stream.destroy();
    this.opts.onClose?.(reason, err);
  }
}

/**
 * The close reason libvirt's client derives from poll(): a hang-up (reset peer, closed unix
 * socket or pipe) is EOF; anything else, such as a TCP peer's orderly FIN, which sets no
 * POLLHUP, is ERROR.
 */
function hangupReason(stream: Duplex, err?: NodeJS.ErrnoException): number {
  if (err) return err.code === 'ECONNRESET' || err.code === 'EPIPE' ? CloseReason.EOF : CloseReason.ERROR;
  return typeof (stream as { remoteAddress?: unknown }).remoteAddress === 'string' ? CloseReason.ERROR : CloseReason.EOF;
}

function header(proc: Procedure, type: number, serial: number): Header {
  return { prog: proc.program, vers: PROTOCOL_VERSION, proc: proc.number, type, serial, status: MessageStatus.OK };
}
