// A QMP client on a unix socket: reads the greeting, negotiates capabilities, then runs
// commands, several in flight at once (each carries an id; QEMU answers in order but the
// client matches by id), and hands out asynchronous events.
import { EventEmitter, on } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import type { VirError } from '../../../errors.js';
import { QmpCommandError, connectError, eofError, missingReplyError, noResultError, protocolError } from './errors.js';
import { LineSplitter } from './lines.js';
import type { QmpCommand, QmpEvent, QmpGreeting, QmpReply } from './types.js';

export interface QmpConnectOptions {
  /** The domain name that appears in libvirt's monitor errors. */
  vmName?: string;
  /** Give up on the greeting after this long (default 30 s). */
  timeoutMs?: number;
}

/** Each reply's line as QEMU sent it, for passthrough callers that must keep its number text. */
const replyText = new WeakMap<object, string>();

/** The line a reply came in on (qemu-monitor-command re-serialises it as libvirt does). */
export const rawReplyText = (reply: QmpReply): string | undefined => replyText.get(reply);

interface Pending {
  resolve: (reply: QmpReply) => void;
  reject: (err: VirError) => void;
}

export interface QmpClientEvents {
  event: [QmpEvent];
  /** The monitor closed (QEMU quit or the socket dropped); `error` when it was not clean. */
  eof: [Error | undefined];
}

export class QmpClient extends EventEmitter<QmpClientEvents> {
  private readonly pending = new Map<string, Pending>();
  private readonly lines = new LineSplitter();
  private nextSerial = 0;
  private eof = false;
  /** Settles once the monitor has closed, for whatever reason. */
  readonly closed: Promise<void>;

  private constructor(
    private readonly socket: Socket,
    readonly greeting: QmpGreeting,
    private readonly vmName: string,
  ) {
    super();
    this.closed = new Promise((resolve) => this.once('eof', () => resolve()));
    socket.on('data', (chunk: string) => {
      for (const line of this.lines.push(chunk)) this.handleLine(line);
    });
    socket.on('error', (err) => this.finish(err));
    socket.on('close', () => this.finish(undefined));
    socket.resume();
    this.holdLoop();
  }

  /**
   * An idle monitor must not keep this process alive (a one-shot virsh-ts exits while its
   * guests run on), but one with a command in flight must, or the reply would be lost.
   */
  private holdLoop(): void {
    if (this.pending.size) this.socket.ref();
    else this.socket.unref();
  }

  /** Connects, waits for the greeting and leaves capabilities negotiation mode. */
  static async connect(path: string, options: QmpConnectOptions = {}): Promise<QmpClient> {
    const socket = await openSocket(path);
    socket.setEncoding('utf8');
    let greeting: QmpGreeting;
    try {
      greeting = await readGreeting(socket, options.vmName ?? '', options.timeoutMs ?? 30_000);
    } catch (err) {
      socket.destroy();
      throw err;
    }
    const client = new QmpClient(socket, greeting, options.vmName ?? '');
    try {
      await client.execute('qmp_capabilities');
    } catch (err) {
      client.close();
      throw err;
    }
    return client;
  }

  get isClosed(): boolean {
    return this.eof;
  }

  /** Sends one command and resolves with QEMU's reply as sent, error replies included. */
  send(command: QmpCommand): Promise<QmpReply> {
    if (this.eof) return Promise.reject(eofError(this.vmName));
    const id = `libvirt-${++this.nextSerial}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.holdLoop();
      this.socket.write(`${JSON.stringify({ ...command, id })}\r\n`);
    });
  }

  /** Runs a command and resolves with its `return`, or throws libvirt's error for it. */
  async execute<T = unknown>(name: string, args?: Record<string, unknown>): Promise<T> {
    const reply = await this.send(args === undefined ? { execute: name } : { execute: name, arguments: args });
    if ('error' in reply) throw QmpCommandError.from(name, reply.error);
    if (!('return' in reply)) throw noResultError(name);
    return reply.return as T;
  }

  /** Resolves with the next event named `name` that `match` accepts; rejects on close or timeout. */
  waitForEvent(name: string, timeoutMs: number, match: (e: QmpEvent) => boolean = () => true): Promise<QmpEvent> {
    return new Promise((resolve, reject) => {
      const onEvent = (e: QmpEvent) => {
        if (e.event !== name || !match(e)) return;
        done();
        resolve(e);
      };
      const onEof = () => {
        done();
        reject(eofError(this.vmName));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${name} event from QEMU within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.off('event', onEvent);
        this.off('eof', onEof);
      };
      this.on('event', onEvent);
      this.once('eof', onEof);
    });
  }

  /** Every event from now until the monitor closes. */
  async *events(): AsyncGenerator<QmpEvent> {
    if (this.eof) return;
    const ac = new AbortController();
    const onEof = () => ac.abort();
    this.once('eof', onEof);
    try {
      for await (const [e] of on(this, 'event', { signal: ac.signal })) yield e as QmpEvent;
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    } finally {
      this.off('eof', onEof);
    }
  }

  /** Closes the connection; QEMU keeps running. */
  close(): void {
    this.socket.destroy();
  }

  private handleLine(line: string): void {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line);
    } catch (err) {
      this.finish(protocolError('cannot parse json', `${line}: ${(err as Error).message}`));
      return;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.finish(protocolError('Parsed JSON reply', line));
    } else if ('event' in msg) {
      this.emit('event', msg as unknown as QmpEvent);
    } else if ('return' in msg || 'error' in msg) {
      const waiter = typeof msg.id === 'string' ? this.pending.get(msg.id) : undefined;
      if (!waiter) {
        this.finish(protocolError('Unexpected JSON reply', line));
        return;
      }
      this.pending.delete(msg.id as string);
      this.holdLoop();
      replyText.set(msg, line);
      waiter.resolve(msg as QmpReply);
    } else if (!('QMP' in msg)) {
      this.finish(protocolError('Unknown JSON reply', line));
    }
  }

  /** The monitor is gone: fail what still waits and tell listeners once. */
  private finish(err: Error | undefined): void {
    if (this.eof) return;
    this.eof = true;
    this.socket.destroy();
    for (const waiter of this.pending.values()) waiter.reject(missingReplyError());
    this.pending.clear();
    this.emit('eof', err);
  }
}

function openSocket(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', (err) => reject(connectError(err)));
  });
}

/** The first line QEMU sends: `{"QMP": {...}}`. */
function readGreeting(socket: Socket, vmName: string, timeoutMs: number): Promise<QmpGreeting> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => fail(new Error(`no QMP greeting within ${timeoutMs} ms`)), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      // Held until the client's own reader is attached, so no line falls between the two.
      socket.pause();
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', fail);
    };
    const fail = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onClose = () => fail(eofError(vmName));
    const onData = (chunk: string) => {
      buffered += chunk;
      const nl = buffered.indexOf('\n');
      if (nl < 0) return;
      cleanup();
      const line = buffered.slice(0, nl).trim();
      // Anything after the greeting belongs to the client's own reader.
      const rest = buffered.slice(nl + 1);
      if (rest) socket.unshift(rest);
      try {
        const msg = JSON.parse(line);
        if (msg && typeof msg === 'object' && 'QMP' in msg) resolve(msg as QmpGreeting);
        else reject(protocolError('Unknown JSON reply', line));
      } catch (err) {
        reject(protocolError('cannot parse json', `${line}: ${(err as Error).message}`));
      }
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', fail);
  });
}
