import { describe, expect, it } from 'vitest';
import {
  array,
  bool,
  decode,
  encode,
  enumeration,
  fixedOpaque,
  hyper,
  int,
  opaque,
  optional,
  string,
  struct,
  uhyper,
  uint,
  union,
  XdrError,
  XdrReader,
} from '../../../src/core/rpc/xdr/index.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('XDR primitives', () => {
  it('encodes ints, unsigned ints and hypers big-endian', () => {
    expect(encode(int, -1)).toEqual(hex('ffffffff'));
    expect(encode(uint, 0x20008086)).toEqual(hex('20008086'));
    expect(encode(hyper, -2n)).toEqual(hex('ffffffff fffffffe'));
    expect(encode(uhyper, 9000000n)).toEqual(hex('00000000 00895440'));
    expect(decode(uhyper, hex('ffffffff ffffffff'))).toBe(2n ** 64n - 1n);
  });

  it('refuses values outside the type', () => {
    expect(() => encode(int, 2 ** 31)).toThrow(XdrError);
    expect(() => encode(uint, -1)).toThrow(XdrError);
    expect(() => encode(uhyper, -1n)).toThrow(XdrError);
  });

  it('pads strings to four bytes without a NUL', () => {
    // "qemu:///system": length 14, 2 pad bytes (CONNECT_OPEN in the protocol brief)
    expect(encode(string(), 'qemu:///system')).toEqual(hex('0000000e 71656d75 3a2f2f2f 73797374 656d0000'));
    expect(decode(string(), hex('00000004 74657374'))).toBe('test');
  });

  it('encodes optional values with a presence word', () => {
    const c = optional(string());
    expect(encode(c, undefined)).toEqual(hex('00000000'));
    expect(encode(c, 'a')).toEqual(hex('00000001 00000001 61000000'));
    expect(decode(c, hex('00000000'))).toBeUndefined();
    expect(() => decode(c, hex('00000002'))).toThrow(/optional marker/);
  });

  it('round-trips opaque, fixed opaque, arrays, structs, unions and enums', () => {
    const uuid = Uint8Array.from({ length: 16 }, (_, i) => i);
    expect(encode(fixedOpaque(16), uuid).length).toBe(16);
    expect(encode(opaque(), Uint8Array.of(1, 2, 3))).toEqual(hex('00000003 01020300'));
    const rec = struct({ name: string(), ids: array(int, 4), on: bool });
    const v = { name: 'dom', ids: [1, -1], on: true };
    expect(decode(rec, encode(rec, v))).toEqual(v);
    const u = union({ 1: int, 7: string() });
    expect(encode(u, { disc: 7, value: 'x' })).toEqual(hex('00000007 00000001 78000000'));
    expect(decode(u, hex('00000001 0000002a'))).toEqual({ disc: 1, value: 42 });
    expect(() => decode(u, hex('00000009 00000000'))).toThrow(/discriminant 9/);
    expect(() => decode(enumeration([0, 1, 2]), hex('00000003'))).toThrow(/enum/);
  });
});

describe('XDR decoding of malformed input', () => {
  it('raises a clean error on truncation', () => {
    expect(() => decode(hyper, hex('000000'))).toThrow(XdrError);
    expect(() => decode(string(), hex('00000008 6162'))).toThrow(/truncated/);
  });

  it('enforces declared maxima before reading', () => {
    expect(() => decode(string(3), hex('00000004 61626364'))).toThrow(/exceeds maximum 3/);
    expect(() => encode(array(int, 1), [1, 2])).toThrow(/exceeds maximum 1/);
  });

  it('refuses element counts the packet cannot hold without allocating them', () => {
    const r = new XdrReader(hex('7fffffff 00000000'));
    expect(() => array(int).dec(r)).toThrow(/cannot fit/);
  });

  it('reports trailing bytes when a whole value is expected', () => {
    expect(() => decode(int, hex('00000001 00000002'))).toThrow(/trailing/);
  });
});
