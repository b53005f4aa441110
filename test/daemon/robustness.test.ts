// Bounded storms on loopback: malformed, truncated and oversized packets (each answered as a
// real libvirtd 9.0 answers the very same bytes, in the same run) while another client is
// served throughout, then 100 concurrent clients of our own RPC client making 1,000 calls
// each. The daemon must stay up and serve every call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/api/connection.js';
import { openConnection } from '../../src/core/open.js';
import { startLibvirtd, type Libvirtd } from '../helpers/libvirtd.js';
import { startVirtd, type Virtd } from './virtd.js';
import { createConnection } from 'node:net';
import { MessageStatus, MessageType, Program } from '../../src/core/rpc/constants.js';
import { Framer } from '../../src/core/rpc/framer.js';
import { decodeHeader, encodePacket } from '../../src/core/rpc/header.js';
import { P, type Procedure } from '../../src/core/rpc/procedures/index.js';
import { exchange, kinds, prng, type Outcome } from './wire.js';

let virtd: Virtd;
let libvirtd: Libvirtd;

beforeAll(async () => {
  [virtd, libvirtd] = await Promise.all([startVirtd(), startLibvirtd()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([virtd?.stop(), libvirtd?.stop()]);
});

const open = (socket: string) => openConnection(`test+unix:///default?socket=${socket}`, { readonly: false, warn: () => undefined });

/** Bad input number `i`: the kinds in turn, each from its own seed. */
function badInput(i: number): { kind: string; bytes: Buffer } {
  const names = Object.keys(kinds);
  const kind = names[i % names.length];
  return { kind, bytes: kinds[kind](prng(0x1ee7 + i), i) };
}

/** Runs `n` tasks, at most `width` at a time, in order of index. */
async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** A client that keeps calling while the storm runs, and records every wrong answer. */
function watcher(conn: Connection, expected: string): { stop(): Promise<number>; problems: string[] } {
  const problems: string[] = [];
  let running = true;
  let calls = 0;
  const loop = (async () => {
    while (running) {
      try {
        const doms = await conn.listAllDomains(0);
        const names = doms.map((d) => d.name).join(',');
        if (names !== expected) problems.push(`listed ${names}`);
        const xml = await conn.domainGetXMLDesc(await conn.domainLookupByName('test'), 0);
        if (!xml.includes('<name>test</name>')) problems.push('dumpxml lost the name');
      } catch (e) {
        problems.push(String(e));
      }
      calls++;
    }
  })();
  return {
    problems,
    stop: async () => {
      running = false;
      await loop;
      return calls;
    },
  };
}

describe('malformed packets', () => {
  it('every kind of bad input gets what libvirtd gives for the same bytes', async () => {
    const n = Object.keys(kinds).length * 12;
    const ours = await pool(n, 8, (i) => exchange({ path: virtd.socket }, badInput(i).bytes));
    const theirs = await pool(n, 8, (i) => exchange({ path: libvirtd.socket }, badInput(i).bytes));
    const label = (o: Outcome[]) => o.map((x, i) => ({ kind: badInput(i).kind, ...x }));
    expect(label(ours)).toEqual(label(theirs));
  }, 120_000);

  it('10,000 bad packets, each on its own connection, get what libvirtd gives while another client is served', async () => {
    const conn = await open(virtd.socket);
    const expected = (await conn.listAllDomains(0)).map((d) => d.name).join(',');
    const watch = watcher(conn, expected);
    const n = 10_000;
    const ours = await pool(n, 32, (i) => exchange({ path: virtd.socket }, badInput(i).bytes));
    const calls = await watch.stop();
    const theirs = await pool(n, 32, (i) => exchange({ path: libvirtd.socket }, badInput(i).bytes));
    const differ = ours.flatMap((o, i) => (JSON.stringify(o) === JSON.stringify(theirs[i]) ? [] : [{ i, ...badInput(i), ours: o, theirs: theirs[i] }]));
    expect(differ.slice(0, 5)).toEqual([]);
    expect(watch.problems).toEqual([]);
    expect(calls).toBeGreaterThan(0);
    expect((await conn.listAllDomains(0)).map((d) => d.name).join(',')).toBe(expected);
    await conn.close();
  }, 300_000);

  it('bad packets pipelined three to a connection leave the daemon up and another client served', async () => {
    const conn = await open(virtd.socket);
    const expected = (await conn.listAllDomains(0)).map((d) => d.name).join(',');
    const watch = watcher(conn, expected);
    const outcomes = await pool(2000, 32, (j) => exchange({ path: virtd.socket }, Buffer.concat([0, 1, 2].map((k) => badInput(20_000 + j * 3 + k).bytes))));
    const calls = await watch.stop();
    expect(outcomes).toHaveLength(2000);
    expect(watch.problems).toEqual([]);
    expect(calls).toBeGreaterThan(0);
    expect(process.kill(virtd.pid, 0)).toBe(true);
    expect((await conn.listAllDomains(0)).map((d) => d.name).join(',')).toBe(expected);
    await conn.close();
  }, 300_000);
});

describe('load', () => {
  const xml = (name: string) => `<domain type='test'><name>${name}</name><memory>8192</memory><os><type>hvm</type></os></domain>`;

  /** 1,000 calls: 200 rounds of list, define, lookup, dumpxml and undefine of its own domain. */
  async function client(k: number): Promise<string[]> {
    const conn = await open(virtd.socket);
    const problems: string[] = [];
    try {
      for (let round = 0; round < 200; round++) {
        const name = `load-${k}-${round}`;
        const listed = await conn.listAllDomains(0);
        if (!listed.some((d) => d.name === 'test')) problems.push(`round ${round}: test not listed`);
        const defined = await conn.domainDefineXML(xml(name), 0);
        const found = await conn.domainLookupByName(name);
        if (found.uuid !== defined.uuid) problems.push(`round ${round}: lookup gave ${found.uuid}, define ${defined.uuid}`);
        const dumped = await conn.domainGetXMLDesc(found, 0);
        if (!dumped.includes(`<name>${name}</name>`) || !dumped.includes(defined.uuid)) problems.push(`round ${round}: dumpxml ${dumped}`);
        await conn.domainUndefine(found, 0);
      }
    } finally {
      await conn.close();
    }
    return problems;
  }

  it('100 concurrent clients × 1,000 calls each complete with no error', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, k) => client(k)));
    expect(results.flat()).toEqual([]);
    // Every domain a client defined is gone again; the node is as it started.
    const conn = await open(virtd.socket);
    expect((await conn.listAllDomains(0)).map((d) => d.name)).toEqual(['test']);
    await conn.close();
  }, 300_000);
});

describe('a client that does not read its replies', () => {
  it('20,000 pipelined dumpxml calls: others are served meanwhile, and every reply arrives once it reads', async () => {
    const other = await open(virtd.socket);
    const test = await other.domainLookupByName('test');
    const calls = 20_000;
    const packet = (proc: Procedure, serial: number, args: unknown) =>
      encodePacket({ prog: Program.REMOTE, vers: 1, proc: proc.number, type: MessageType.CALL, serial, status: MessageStatus.OK }, (w) => proc.args.enc(w, args));
    const sock = createConnection({ path: virtd.socket });
    await new Promise((r) => sock.once('connect', r));
    sock.pause();
    sock.write(packet(P.connectOpen, 0, { name: 'test:///default', flags: 0 }));
    const all = Buffer.concat(Array.from({ length: calls }, (_, i) => packet(P.domainGetXMLDesc, i + 1, { dom: test, flags: 0 })));
    sock.write(all);
    // While those replies wait for a reader, another client gets its answers.
    for (let i = 0; i < 50; i++) {
      expect((await other.listAllDomains(0)).map((d) => d.name)).toEqual(['test']);
      expect(await other.domainGetXMLDesc(test, 0)).toContain('<name>test</name>');
    }
    // The daemon stopped reading once its replies backed up (libvirtd's max_client_requests
    // counts a call until its reply is written), so most of our calls are still with us.
    expect(sock.writableLength).toBeGreaterThan(all.length / 2);
    const framer = new Framer();
    const seen = new Set<number>();
    let errors = 0;
    await new Promise<void>((resolve, reject) => {
      sock.on('data', (chunk: Buffer) => {
        for (const frame of framer.push(chunk)) {
          const { header } = decodeHeader(frame);
          if (header.status !== MessageStatus.OK) errors++;
          seen.add(header.serial);
          if (seen.size === calls + 1) resolve();
        }
      });
      sock.on('close', () => reject(new Error(`closed after ${seen.size} replies`)));
      sock.resume();
    });
    sock.destroy();
    expect(errors).toBe(0);
    await other.close();
  }, 300_000);
});
