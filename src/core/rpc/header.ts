import { HEADER_SIZE, LEN_SIZE, MESSAGE_MAX } from './constants.js';
import { XdrError, XdrReader, XdrWriter } from './xdr/index.js';

/** virNetMessageHeader: the 24 bytes after the length word. */
export interface Header {
  prog: number;
  vers: number;
  proc: number;
  type: number;
  serial: number;
  status: number;
}

/** A whole packet: header plus the payload bytes that follow it. */
export interface Packet {
  header: Header;
  payload: Buffer;
}

/**
 * Encodes a packet: length word (back-patched), header, then `body` writes the payload.
 * Refuses packets over libvirt's limit as the daemon would.
 */
export function encodePacket(h: Header, body?: (w: XdrWriter) => void): Buffer {
  const w = new XdrWriter(256);
  const lenAt = w.reserve();
  w.uint(h.prog);
  w.uint(h.vers);
  w.int(h.proc);
  w.int(h.type);
  w.uint(h.serial);
  w.int(h.status);
  body?.(w);
  const total = w.length;
  if (total - LEN_SIZE > MESSAGE_MAX) throw new XdrError(`packet length ${total} exceeds maximum ${MESSAGE_MAX + LEN_SIZE}`);
  w.patchUint(lenAt, total);
  return w.finish();
}

/** Decodes the header of a complete packet (length word already stripped). */
export function decodeHeader(frame: Buffer): Packet {
  if (frame.length < HEADER_SIZE) throw new XdrError(`packet of ${frame.length} bytes is shorter than its header`);
  const r = new XdrReader(frame);
  const header: Header = {
    prog: r.uint(),
    vers: r.uint(),
    proc: r.int(),
    type: r.int(),
    serial: r.uint(),
    status: r.int(),
  };
  return { header, payload: frame.subarray(HEADER_SIZE) };
}
