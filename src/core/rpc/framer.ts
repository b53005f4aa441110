import { LEN_SIZE, MESSAGE_MAX } from './constants.js';
import { XdrError } from './xdr/index.js';

/**
 * Cuts a byte stream into packets, whatever the chunking: a packet split over many reads,
 * or many packets in one. Yields each packet without its length word. A length word that
 * is too small or too large poisons the stream (libvirt closes the connection).
 */
export class Framer {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private want = -1;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    for (;;) {
      if (this.want < 0) {
        if (this.buffered < LEN_SIZE) break;
        const len = this.take(LEN_SIZE).readUInt32BE(0);
        if (len < LEN_SIZE) throw new XdrError(`packet ${len} bytes received from server too small, want ${LEN_SIZE}`);
        if (len - LEN_SIZE > MESSAGE_MAX) {
          throw new XdrError(`packet ${len - LEN_SIZE} bytes received from server too large, want ${MESSAGE_MAX}`);
        }
        this.want = len - LEN_SIZE;
      }
      if (this.buffered < this.want) break;
      out.push(this.take(this.want));
      this.want = -1;
    }
    return out;
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const head = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return head;
  }
}
