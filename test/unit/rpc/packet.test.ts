import { describe, expect, it } from 'vitest';
import { MessageStatus, MessageType, Program } from '../../../src/core/rpc/constants.js';
import { Framer } from '../../../src/core/rpc/framer.js';
import { decodeHeader, encodePacket } from '../../../src/core/rpc/header.js';
import { keepalivePacket, P, procedureIndex } from '../../../src/core/rpc/procedures/index.js';
import { fromRemoteError, remoteError } from '../../../src/core/rpc/remote-error.js';
import { XdrReader } from '../../../src/core/rpc/xdr/index.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// Captures from the protocol brief (libvirt 9.0 on the wire).
const CONNECT_OPEN = hex(`00000038 20008086 00000001 00000001 00000000 00000002 00000000
  00000001 0000000e 71656d75 3a2f2f2f 73797374 656d0000 00000000`);
const LOOKUP_ERROR = hex(`00000070 20008086 00000001 00000017 00000001 00000002 00000001
  0000002a 0000000c
  00000001 00000010 446f6d61 696e206e 6f742066 6f756e64
  00000002 00000000
  00000001 00000010 446f6d61 696e206e 6f742066 6f756e64
  00000000 00000000 ffffffff ffffffff 00000000`);
const PING = hex('0000001c 6b656570 00000001 00000001 00000002 00000000 00000000');

describe('packets', () => {
  it('encodes CONNECT_OPEN exactly as virsh does, length word back-patched', () => {
    const row = P.connectOpen;
    const packet = encodePacket(
      { prog: row.program, vers: 1, proc: row.number, type: MessageType.CALL, serial: 2, status: MessageStatus.OK },
      (w) => row.args.enc(w, { name: 'qemu:///system', flags: 0 }),
    );
    expect(packet).toEqual(CONNECT_OPEN);
  });

  it('decodes an error reply into the VirError virsh prints', () => {
    const [frame] = new Framer().push(LOOKUP_ERROR);
    const { header, payload } = decodeHeader(frame);
    expect(header).toEqual({ prog: Program.REMOTE, vers: 1, proc: 23, type: 1, serial: 2, status: 1 });
    const err = fromRemoteError(remoteError.dec(new XdrReader(payload)));
    expect(err.message).toBe('Domain not found');
    expect([err.code, err.domain]).toEqual([42, 12]);
  });

  it('turns an RPC-layer unknown procedure into NO_SUPPORT', () => {
    const err = fromRemoteError({
      code: 39, domain: 7, message: 'unknown procedure: 9999', level: 2,
      dom: undefined, str1: undefined, str2: undefined, str3: undefined, int1: -1, int2: -1, net: undefined,
    });
    expect([err.code, err.message]).toEqual([3, 'unknown procedure: 9999']);
  });

  it('builds the keepalive PING byte for byte', () => {
    expect(keepalivePacket(1)).toEqual(PING);
  });

  it('frames packets split across reads and coalesced in one read', () => {
    const stream = Buffer.concat([PING, CONNECT_OPEN, PING]);
    const framer = new Framer();
    const out: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 7) out.push(...framer.push(stream.subarray(i, i + 7)));
    expect(out.map((f) => f.length)).toEqual([24, 52, 24]);
    expect(new Framer().push(stream)).toHaveLength(3);
  });

  it('rejects length words libvirt rejects', () => {
    expect(() => new Framer().push(hex('00000003'))).toThrow('packet 3 bytes received from server too small, want 4');
    expect(() => new Framer().push(hex('02000005'))).toThrow('packet 33554433 bytes received from server too large, want 33554432');
  });

  it('has one row per procedure number', () => {
    expect(procedureIndex().size).toBeGreaterThan(200);
  });
});
