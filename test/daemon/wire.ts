// Raw packets for the daemon robustness tests: malformed, truncated and oversized ones made
// from a seeded generator, and what a daemon does with them on one connection — the packets
// it answers with, and whether it hangs up — read up to a well-formed sentinel call's reply,
// so no outcome depends on a timer.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { MessageStatus, MessageType, Program, PROTOCOL_VERSION } from '../../src/core/rpc/constants.js';
import { Framer } from '../../src/core/rpc/framer.js';
import { decodeHeader, encodePacket, type Header } from '../../src/core/rpc/header.js';
import { P } from '../../src/core/rpc/procedures/index.js';
import { remoteError } from '../../src/core/rpc/remote-error.js';
import { XdrReader, type XdrWriter } from '../../src/core/rpc/xdr/index.js';

/** mulberry32: the same packets on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const call = (proc: number, serial: number, over: Partial<Header> = {}): Header => ({
  prog: Program.REMOTE,
  vers: PROTOCOL_VERSION,
  proc,
  type: MessageType.CALL,
  serial,
  status: MessageStatus.OK,
  ...over,
});

const packet = (h: Header, body?: (w: XdrWriter) => void) => encodePacket(h, body);

/** A packet whose length word claims `len`, followed by `body`. */
function rawLength(len: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const b = Buffer.alloc(4 + body.length);
  b.writeUInt32BE(len >>> 0, 0);
  body.copy(b, 4);
  return b;
}

export const SENTINEL_SERIAL = 0x5e4714e1;
/** AUTH_LIST: answered before CONNECT_OPEN by libvirtd and virtd-ts alike. */
export const sentinel = () => packet(call(P.authList.number, SENTINEL_SERIAL));

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const bytes = (rnd: () => number, n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
const u32 = (rnd: () => number) => Math.floor(rnd() * 4294967296);

/** The kinds of bad input, each a generator of one packet (or byte string) from the seed. */
export const kinds: Record<string, (rnd: () => number, serial: number) => Buffer> = {
  'random bytes': (rnd) => bytes(rnd, 1 + Math.floor(rnd() * 96)),
  'length word below the header': (rnd) => rawLength(Math.floor(rnd() * 28), bytes(rnd, Math.floor(rnd() * 24))),
  'length word over the maximum': (rnd) => rawLength(33554436 + 1 + Math.floor(rnd() * 0x7fffffff), bytes(rnd, 24)),
  'length word over 16 MiB, body never sent': (rnd) => rawLength(16 * 1048576 + Math.floor(rnd() * 16 * 1048576), bytes(rnd, 24)),
  'truncated header': (rnd, serial) => packet(call(P.authList.number, serial)).subarray(0, 4 + Math.floor(rnd() * 24)),
  'unknown program': (rnd, serial) => packet(call(1, serial, { prog: pick(rnd, [0, 1, 0x20008088, u32(rnd)]) })),
  'bad version': (rnd, serial) => packet(call(P.authList.number, serial, { vers: pick(rnd, [0, 2, u32(rnd)]) })),
  'unknown procedure': (rnd, serial) => packet(call(pick(rnd, [0, -1, 444, 9999, u32(rnd) | 0]), serial)),
  'reply, event, stream or unknown type': (rnd, serial) =>
    packet(call(P.authList.number, serial, { type: pick(rnd, [1, 2, 3, 5, 6, 7, u32(rnd) | 0]) })),
  'call with a bad status': (rnd, serial) => packet(call(P.authList.number, serial, { status: pick(rnd, [1, 2, 3, u32(rnd) | 0]) })),
  'truncated arguments': (rnd, serial) => {
    const whole = packet(call(P.connectOpen.number, serial), (w) => P.connectOpen.args.enc(w, { name: 'test:///default', flags: 0 }));
    const cut = 28 + Math.floor(rnd() * (whole.length - 28));
    const b = Buffer.from(whole.subarray(0, cut));
    b.writeUInt32BE(cut, 0);
    return b;
  },
  'string longer than the packet': (rnd, serial) =>
    packet(call(P.domainLookupByName.number, serial), (w) => {
      w.uint(100 + Math.floor(rnd() * 4194304));
      w.uint(0x61626364);
    }),
  'string over REMOTE_STRING_MAX': (_rnd, serial) =>
    packet(call(P.connectOpen.number, serial), (w) => {
      w.uint(1);
      w.uint(4194305);
    }),
  'call before CONNECT_OPEN': (rnd, serial) =>
    packet(call(P.domainLookupByName.number, serial), (w) => P.domainLookupByName.args.enc(w, { name: `d${Math.floor(rnd() * 100)}` })),
  'random payload for a real procedure': (rnd, serial) => {
    const procs = [P.connectOpen, P.domainLookupByName, P.domainDefineXML, P.connectSupportsFeature];
    const h = call(pick(rnd, procs).number, serial);
    return packet(h, (w) => w.raw(bytes(rnd, Math.floor(rnd() * 16) * 4)));
  },
};

/** What the daemon did: the packets it sent before the sentinel's reply, and how it ended. */
export interface Outcome {
  replies: string[];
  end: 'sentinel answered' | 'closed';
}

/** A reply as text: header fields and, for an error, libvirt's code, domain and message. */
export function describe(frame: Buffer): string {
  const { header: h, payload } = decodeHeader(frame);
  let body = payload.toString('hex');
  if (h.type === MessageType.REPLY && h.status === MessageStatus.ERROR) {
    const e = remoteError.dec(new XdrReader(payload));
    body = `error ${e.code}/${e.domain}: ${e.message}`;
  }
  return `prog=${h.prog >>> 0} vers=${h.vers >>> 0} proc=${h.proc} type=${h.type} serial=${h.serial >>> 0} status=${h.status} ${body}`;
}

/**
 * Whether `bytes` end inside a packet whose length word the daemon accepts: it then waits
 * for the rest, so the test ends its side instead of sending a sentinel.
 */
export function incomplete(bytes: Buffer): boolean {
  for (let at = 0; at < bytes.length; ) {
    if (bytes.length - at < 4) return true;
    const len = bytes.readUInt32BE(at);
    if (len < 28 || len > 33554436) return false;
    if (bytes.length - at < len) return true;
    at += len;
  }
  return false;
}

/**
 * How many calls `bytes` hold that a daemon must answer: every whole packet of type CALL
 * before the first one that ends the connection. Replies come in any order (libvirtd runs
 * calls on worker threads), so the exchange waits for this many besides the sentinel's.
 */
export function callsIn(bytes: Buffer): number {
  let n = 0;
  for (let at = 0; bytes.length - at >= 4; ) {
    const len = bytes.readUInt32BE(at);
    if (len < 28 || len > 33554436 || bytes.length - at < len) break;
    const type = bytes.readInt32BE(at + 16);
    if (type === MessageType.CALL || type === MessageType.CALL_WITH_FDS) n++;
    at += len;
  }
  return n;
}

/** Sends `bytes` then the sentinel on a fresh connection; resolves with what came back. */
export function exchange(target: { path: string } | { host: string; port: number }, bytes: Buffer): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const sock = createConnection(target);
    const framer = new Framer();
    const replies: string[] = [];
    const calls = callsIn(bytes);
    let answered = false;
    let done = false;
    const finish = (end: Outcome['end']) => {
      if (done) return;
      done = true;
      sock.destroy();
      resolve({ replies: replies.sort(), end });
    };
    sock.on('connect', () => {
      sock.write(bytes);
      if (incomplete(bytes)) sock.end();
      else sock.write(sentinel());
    });
    sock.on('data', (chunk) => {
      for (const frame of framer.push(chunk)) {
        const { header } = decodeHeader(frame);
        if (header.serial === SENTINEL_SERIAL && header.type === MessageType.REPLY) answered = true;
        else replies.push(describe(frame));
        if (answered && replies.length >= calls) return finish('sentinel answered');
      }
    });
    sock.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? finish('closed') : reject(e)));
    sock.on('close', () => finish('closed'));
  });
}

/**
 * exchange() from another uid (libvirtd's admin socket refuses clients of any uid but its
 * own): a child Node process as `uid` sends the bytes and the sentinel and prints every
 * packet it got back, in hex, until the sentinel's reply and `calls` more, or the close.
 */
export function exchangeAs(uid: number, path: string, bytes: Buffer): Promise<Outcome> {
  const child = `
    const sock = require('net').createConnection(${JSON.stringify(path)});
    let buf = Buffer.alloc(0); const frames = []; let answered = false; let done = false;
    const finish = (end) => { if (done) return; done = true; sock.destroy(); process.stdout.write(JSON.stringify({ frames, end })); };
    sock.on('connect', () => { sock.write(Buffer.from(${JSON.stringify(bytes.toString('hex'))}, 'hex')); sock.write(Buffer.from(${JSON.stringify(sentinel().toString('hex'))}, 'hex')); });
    sock.on('data', (c) => {
      buf = Buffer.concat([buf, c]);
      while (buf.length >= 4 && buf.length >= buf.readUInt32BE(0)) {
        const len = buf.readUInt32BE(0); const f = buf.subarray(4, len); buf = buf.subarray(len);
        if (f.readUInt32BE(16) === ${SENTINEL_SERIAL} && f.readInt32BE(12) === 1) answered = true; else frames.push(f.toString('hex'));
        if (answered && frames.length >= ${callsIn(bytes)}) return finish('sentinel answered');
      }
    });
    sock.on('error', () => finish('closed'));
    sock.on('close', () => finish('closed'));`;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', child], { uid, gid: uid, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.on('error', reject);
    p.on('close', () => {
      const { frames, end } = JSON.parse(out) as { frames: string[]; end: Outcome['end'] };
      resolve({ replies: frames.map((h) => describe(Buffer.from(h, 'hex'))).sort(), end });
    });
  });
}
