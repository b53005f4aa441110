import type { Socket } from 'node:net';
import type { Connection } from '../core/api/connection.js';
import { VirError, virErr } from '../core/errors.js';
import { HEADER_SIZE, KeepaliveProc, MessageStatus, MessageType, Program, PROTOCOL_VERSION } from '../core/rpc/constants.js';
import { Framer } from '../core/rpc/framer.js';
import { decodeHeader, encodePacket, type Header } from '../core/rpc/header.js';
import { Keepalive } from '../core/rpc/keepalive.js';
import { decodeFailed, encodeFailed } from '../core/rpc/link-errors.js';
import { keepalivePacket } from '../core/rpc/procedures/index.js';
import { remoteError, toRemoteError } from '../core/rpc/remote-error.js';
import { XdrReader } from '../core/rpc/xdr/index.js';
import type { Opened } from './drivers.js';
import type { Served } from './dispatch/serve.js';
import { sessionServed, type SessionHost } from './session.js';
import { ClientEvents } from './dispatch/events.js';
import { DaemonStream } from './stream.js';
import type { VolStream } from '../core/api/storage.js';
import type { Procedure } from '../core/rpc/procedures/index.js';

export interface ClientOptions {
  /** The read-only socket: every connection opened through it is read-only. */
  readonly: boolean;
  /** max_client_requests: calls in progress before the daemon stops reading. */
  maxRequests: number;
  keepalive: { interval: number; count: number };
  dispatch: Map<number, Served>;
  open(name: string | undefined, readonly: boolean): Promise<Opened>;
  /** The program this socket serves (REMOTE unless it is the admin socket). */
  program?: number;
  /** Its connection-level procedures, answered without a driver connection. */
  session?: (host: DaemonClient) => Served[];
}

const rpcError = (text: string) => virErr('RPC', text, 'RPC');

/**
 * One client connection (virNetServerClient + the remote program's dispatcher): frames
 * packets, answers keepalive, runs each call as its own task with at most maxRequests in
 * progress, and replies with the result or the error libvirtd would send. A broken length
 * word ends this client only; nothing one client sends can reach another.
 */
export class DaemonClient implements SessionHost {
  conn?: Connection;
  private opened?: Opened;
  private readonly framer = new Framer();
  private readonly queue: Header[] = [];
  private readonly payloads: Buffer[] = [];
  private inflight = 0;
  private closed = false;
  private keepalive?: Keepalive;
  private readonly session: Map<number, Served>;
  /** Event callbacks this client registered, and their procedures. */
  private readonly events = new ClientEvents({ push: (proc, msg) => this.pushEvent(proc, msg) });
  /** Open streams by the serial of the call that opened them. */
  private readonly streams = new Map<number, DaemonStream>();
  private readonly eventServed = new Map(this.events.served().map((s) => [s.proc.number, s]));

  constructor(
    private readonly sock: Socket,
    private readonly opts: ClientOptions,
    private readonly gone: (c: DaemonClient) => void,
  ) {
    this.session = new Map((opts.session ?? sessionServed)(this).map((s) => [s.proc.number, s]));
    sock.setNoDelay?.(true);
    sock.on('data', (chunk: Buffer) => this.receive(chunk));
    sock.on('error', () => this.shutdown());
    sock.on('close', () => this.shutdown());
  }

  get forcedReadonly(): boolean {
    return this.opts.readonly;
  }

  async open(name: string | undefined, readonly: boolean): Promise<void> {
    const opened = await this.opts.open(name, readonly);
    if (this.closed) {
      await opened.release();
      return;
    }
    this.opened = opened;
    this.conn = opened.conn;
  }

  async close(): Promise<void> {
    await this.events.clear();
    const opened = this.opened;
    this.opened = undefined;
    this.conn = undefined;
    await opened?.release();
  }

  startKeepalive(): void {
    const { interval, count } = this.opts.keepalive;
    if (this.keepalive || interval <= 0) return;
    this.keepalive = new Keepalive(interval, count, {
      sendPing: () => this.send(keepalivePacket(KeepaliveProc.PING)),
      dead: () => this.sock.destroy(),
    });
    this.keepalive.start();
  }

  /** Ends the connection from the daemon's side (shutdown). */
  kick(): void {
    this.sock.destroy();
  }

  private shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    this.keepalive?.stop();
    this.queue.length = 0;
    this.payloads.length = 0;
    for (const st of this.streams.values()) st.drop();
    this.streams.clear();
    void this.close();
    this.gone(this);
  }

  /** remoteDispatchObjectEventSend: events go out as MESSAGE packets with serial 1. */
  private pushEvent(proc: Procedure, msg: unknown): void {
    const h = { prog: proc.program, vers: PROTOCOL_VERSION, proc: proc.number, type: MessageType.MESSAGE, serial: 1, status: MessageStatus.OK };
    this.send(encodePacket(h, (w) => proc.args.enc(w, msg)));
  }

  /** Resolves once the packet has left for the kernel (or the connection is gone). */
  private send(packet: Buffer): Promise<void> {
    if (this.closed || this.sock.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.sock.write(packet, () => resolve()));
  }

  private receive(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.framer.push(chunk);
    } catch {
      // A length word out of bounds: libvirtd drops the client, nobody else notices.
      this.sock.destroy();
      return;
    }
    for (const frame of frames) {
      if (this.closed) return;
      this.keepalive?.received();
      if (frame.length < HEADER_SIZE) {
        this.sock.destroy();
        return;
      }
      const { header, payload } = decodeHeader(frame);
      this.route(header, payload);
    }
    this.pump();
  }

  private ownProgram(h: Header): boolean {
    return h.prog === (this.opts.program ?? Program.REMOTE) && h.vers === PROTOCOL_VERSION;
  }

  /** virNetServerClientDispatchRead: keepalive, then the program, then the message type. */
  private route(h: Header, payload: Buffer): void {
    if (h.prog === Program.KEEPALIVE && h.vers === PROTOCOL_VERSION && h.type === MessageType.MESSAGE) {
      if (h.proc === KeepaliveProc.PING) this.send(keepalivePacket(KeepaliveProc.PONG));
      return;
    }
    const isCall = h.type === MessageType.CALL || h.type === MessageType.CALL_WITH_FDS;
    const ours = this.ownProgram(h);
    // A call to another program is queued like any call, to be answered with an error.
    if (!ours && !isCall) return;
    if (ours && (h.type === MessageType.STREAM || h.type === MessageType.STREAM_HOLE)) {
      this.streams.get(h.serial)?.incoming(h, payload);
      return;
    }
    // Stream data after a stream ended, and replies or events sent to us, are dropped.
    if (!isCall) return;
    this.queue.push(h);
    this.payloads.push(payload);
  }

  /** Starts queued calls while under the limit; stops reading the socket while at it. */
  private pump(): void {
    while (this.inflight < this.opts.maxRequests && this.queue.length) {
      const h = this.queue.shift()!;
      const payload = this.payloads.shift()!;
      this.inflight++;
      void this.dispatch(h, payload).finally(() => {
        this.inflight--;
        this.pump();
      });
    }
    if (this.closed) return;
    const backlog = [...this.streams.values()].some((st) => st.backlogged(this.opts.maxRequests));
    if (this.queue.length || this.inflight >= this.opts.maxRequests || backlog) this.sock.pause();
    else this.sock.resume();
  }

  /** virNetServerProgramDispatchCall */
  private async dispatch(h: Header, payload: Buffer): Promise<void> {
    try {
      if (!this.ownProgram(h)) throw rpcError(`Cannot find program ${h.prog | 0} version ${h.vers | 0}`);
      if (h.status !== MessageStatus.OK) throw rpcError(`Unexpected message status ${h.status >>> 0}`);
      const served = this.session.get(h.proc) ?? this.eventServed.get(h.proc) ?? this.opts.dispatch.get(h.proc);
      if (!served) throw rpcError(`unknown procedure: ${h.proc}`);
      let args: unknown;
      try {
        args = served.proc.args.dec(new XdrReader(payload));
      } catch {
        throw decodeFailed();
      }
      const conn = this.conn;
      if (!conn && !this.session.has(h.proc)) throw virErr('INTERNAL_ERROR', 'hypervisor connection not open', 'RPC');
      let ret = await served.handler(conn!, args);
      let stream: DaemonStream | undefined;
      if (served.opensStream) {
        const opened = ret as { ret: unknown; stream: VolStream };
        ret = opened.ret;
        stream = new DaemonStream(h, opened.stream, (p) => this.send(p), () => this.streams.delete(h.serial), () => this.pump());
        this.streams.set(h.serial, stream);
      }
      let packet: Buffer;
      try {
        packet = encodePacket({ ...h, type: MessageType.REPLY, status: MessageStatus.OK }, (w) => served.proc.ret.enc(w, ret));
      } catch {
        throw encodeFailed();
      }
      // The call stays in progress until its reply is written, as libvirtd counts it: a
      // client that does not read its replies stops being read instead of filling our memory.
      const sent = this.send(packet);
      // Data the driver produces (downloads, consoles) flows as soon as the reply is out.
      if (stream && served.proc.stream !== 'send') void stream.pump();
      await sent;
    } catch (e) {
      await this.replyError(h, e);
    }
  }

  private replyError(h: Header, e: unknown): Promise<void> {
    const err = e instanceof VirError ? e : virErr('INTERNAL_ERROR', e instanceof Error ? e.message : String(e));
    return this.send(
      encodePacket({ ...h, type: MessageType.REPLY, status: MessageStatus.ERROR }, (w) => remoteError.enc(w, toRemoteError(err))),
    );
  }
}
