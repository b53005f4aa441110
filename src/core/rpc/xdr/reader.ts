import { XdrError } from './errors.js';

/** A bounds-checked big-endian cursor over one packet's bytes. */
export class XdrReader {
  private pos: number;
  private readonly end: number;

  constructor(
    private readonly buf: Buffer,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (n > this.end - this.pos) {
      throw new XdrError(`truncated: need ${n} bytes at offset ${this.pos}, ${this.end - this.pos} left`);
    }
  }

  int(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  hyper(): bigint {
    this.need(8);
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  uhyper(): bigint {
    this.need(8);
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  double(): number {
    this.need(8);
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  /** n bytes plus their padding; returns a view into the packet. */
  bytes(n: number): Buffer {
    const padded = n + ((4 - (n % 4)) % 4);
    this.need(padded);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += padded;
    return out;
  }

  /** Everything left, unpadded (stream payloads). */
  rest(): Buffer {
    const out = this.buf.subarray(this.pos, this.end);
    this.pos = this.end;
    return out;
  }

  /** A u32 element count checked against the declared maximum and the bytes left, so a
   * hostile count cannot make the decoder allocate or loop beyond the packet. */
  count(max: number, minElementSize: number): number {
    const n = this.uint();
    if (n > max) throw new XdrError(`length ${n} exceeds maximum ${max}`);
    if (minElementSize > 0 && n * minElementSize > this.end - this.pos) {
      throw new XdrError(`truncated: ${n} elements cannot fit in ${this.end - this.pos} bytes`);
    }
    return n;
  }
}
