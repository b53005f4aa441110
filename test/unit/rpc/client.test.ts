// The RPC client against an in-process peer that speaks the real wire format with the same
// procedure table: out-of-order replies, the in-flight limit, keepalive, and link failures.
import { createServer, createConnection, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../../../src/core/rpc/client.js';
import { MessageStatus, MessageType } from '../../../src/core/rpc/constants.js';
import { Framer } from '../../../src/core/rpc/framer.js';
import { decodeHeader, encodePacket, type Header } from '../../../src/core/rpc/header.js';
import { keepalivePacket, P } from '../../../src/core/rpc/procedures/index.js';
import { XdrReader } from '../../../src/core/rpc/xdr/index.js';

interface Peer {
  server: Server;
  client: RpcClient;
  calls: Header[];
  socket: () => Socket;
  onCall: (fn: (h: Header, payload: Buffer, sock: Socket) => void) => void;
}

const dirs: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((f) => f());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function peer(maxInFlight?: number): Promise<Peer> {
  const dir = mkdtempSync(join(tmpdir(), 'rpc-peer-'));
  dirs.push(dir);
  const path = join(dir, 'sock');
  const calls: Header[] = [];
  let handler: (h: Header, payload: Buffer, sock: Socket) => void = () => undefined;
  let accepted: Socket | undefined;
  const server = createServer((sock) => {
    accepted = sock;
    const framer = new Framer();
    sock.on('data', (b) => {
      for (const f of framer.push(b)) {
        const { header, payload } = decodeHeader(f);
        calls.push(header);
        handler(header, payload, sock);
      }
    });
    sock.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(path, r));
  const stream = createConnection({ path });
  await new Promise((r) => stream.once('connect', r));
  const client = new RpcClient(stream, { maxInFlight });
  cleanups.push(() => {
    client.close();
    server.close();
  });
  return { server, client, calls, socket: () => accepted!, onCall: (fn) => (handler = fn) };
}

function reply(sock: Socket, h: Header, body?: (w: import('../../../src/core/rpc/xdr/index.js').XdrWriter) => void) {
  sock.write(encodePacket({ ...h, type: MessageType.REPLY, status: MessageStatus.OK }, body));
}

describe('RpcClient', () => {
  it('matches replies to calls by serial, in any order', async () => {
    const p = await peer();
    const held: [Header, Buffer][] = [];
    p.onCall((h, payload, sock) => {
      held.push([h, payload]);
      if (held.length === 3) {
        for (const [hh, pl] of held.reverse()) {
          const { name } = P.domainLookupByName.args.dec(new XdrReader(pl));
          reply(sock, hh, (w) => P.domainLookupByName.ret.enc(w, { dom: { name, uuid: '00000000-0000-0000-0000-00000000000' + hh.serial, id: hh.serial } }));
        }
      }
    });
    const got = await Promise.all(['a', 'b', 'c'].map((name) => p.client.call(P.domainLookupByName, { name })));
    expect(got.map((r) => [r.dom.name, r.dom.id])).toEqual([['a', 0], ['b', 1], ['c', 2]]);
  });

  it('keeps at most maxInFlight calls on the wire and queues the rest', async () => {
    const p = await peer(5);
    const pending: Header[] = [];
    let maxSeen = 0;
    p.onCall((h, _pl, sock) => {
      pending.push(h);
      maxSeen = Math.max(maxSeen, pending.length);
      setTimeout(() => {
        pending.splice(pending.indexOf(h), 1);
        reply(sock, h, (w) => P.connectGetHostname.ret.enc(w, { hostname: `h${h.serial}` }));
      }, 5);
    });
    const got = await Promise.all(Array.from({ length: 20 }, () => p.client.call(P.connectGetHostname, undefined)));
    expect(got.map((r) => r.hostname)).toEqual(Array.from({ length: 20 }, (_, i) => `h${i}`));
    expect(maxSeen).toBe(5);
  });

  it('answers a keepalive PING with a PONG', async () => {
    const p = await peer();
    p.onCall((h, _pl, sock) => {
      if (h.serial === 0 && h.prog === P.connectGetType.program) reply(sock, h, (w) => P.connectGetType.ret.enc(w, { type: 'TEST' }));
    });
    await p.client.call(P.connectGetType, undefined);
    p.socket().write(keepalivePacket(1));
    await expect.poll(() => p.calls.some((h) => h.prog === 0x6b656570 && h.proc === 2)).toBe(true);
  });

  it('fails every pending call with libvirt\'s end-of-file error when the peer goes away', async () => {
    const p = await peer();
    p.onCall((_h, _pl, sock) => {
      if (p.calls.length === 3) sock.destroy();
    });
    const results = await Promise.allSettled([1, 2, 3].map(() => p.client.call(P.connectGetType, undefined)));
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason.message).toBe('End of file while reading data: Input/output error');
    }
    await expect(p.client.call(P.connectGetType, undefined)).rejects.toThrow('internal error: client socket is closed');
  });

  it('rejects an undecodable reply cleanly and keeps the connection', async () => {
    const p = await peer();
    p.onCall((h, _pl, sock) => {
      if (h.serial === 0) reply(sock, h, (w) => w.uint(1000));
      else reply(sock, h, (w) => P.connectGetType.ret.enc(w, { type: 'TEST' }));
    });
    await expect(p.client.call(P.connectGetType, undefined)).rejects.toThrow('Unable to decode message payload');
    expect((await p.client.call(P.connectGetType, undefined)).type).toBe('TEST');
  });
});
