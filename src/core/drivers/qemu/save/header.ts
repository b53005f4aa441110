// libvirt's save image layout (qemu_saveimage.c), byte for byte, so images written here and by
// libvirt are interchangeable: a 92-byte header (magic, then little-endian 32-bit version,
// data length, was-running flag, compression, cookie offset and 14 unused words), the domain
// XML and the save cookie each NUL-terminated, zero padding up to the data length, then
// QEMU's migration stream.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';

/** The finished image's magic; a save still running (or one that died) carries PARTIAL. */
export const SAVE_MAGIC = 'LibvirtQemudSave';
export const SAVE_PARTIAL = 'LibvirtQemudPart';
export const SAVE_VERSION = 2;
export const HEADER_SIZE = 16 + 4 * 5 + 4 * 14;
/** Room left after the XML so an edited definition can be written back in place. */
const XML_SLACK = 64 * 1024;

/** The compression programs by their number in the header (virQEMUSaveFormat). */
export const SAVE_FORMATS = ['raw', 'gzip', 'bzip2', 'xz', 'lzop'] as const;

export interface SaveData {
  version: number;
  /** Bytes of XML, cookie and padding after the header. */
  dataLen: number;
  wasRunning: boolean;
  compressed: number;
  xml: string;
  cookie?: string;
}

/** Where QEMU's migration stream starts. */
export const streamOffset = (d: SaveData): number => HEADER_SIZE + d.dataLen;

const failed = (text: string) => virErr('OPERATION_FAILED', text, 'QEMU');

function encodeHeader(d: SaveData, magic: string, cookieOffset: number): Buffer {
  const b = Buffer.alloc(HEADER_SIZE);
  b.write(magic, 0, 'latin1');
  [d.version, d.dataLen, d.wasRunning ? 1 : 0, d.compressed, cookieOffset].forEach((v, i) => b.writeUInt32LE(v, 16 + 4 * i));
  return b;
}

/**
 * virQEMUSaveDataWrite: the header (PARTIAL until the stream is complete), XML, cookie and
 * padding at the start of `fd`. A fresh image gets 64 KiB of slack; a rewrite must fit the
 * data length it has.
 */
export function writeSaveData(fd: number, path: string, d: SaveData, magic = SAVE_PARTIAL): void {
  const xml = Buffer.from(`${d.xml}\0`);
  const cookie = d.cookie === undefined ? Buffer.alloc(0) : Buffer.from(`${d.cookie}\0`);
  const len = xml.length + cookie.length;
  if (d.dataLen === 0) d.dataLen = len + XML_SLACK;
  else if (len > d.dataLen) throw failed('new xml too large to fit in file');
  const header = encodeHeader(d, magic, cookie.length ? xml.length : 0);
  const body = Buffer.concat([header, xml, cookie, Buffer.alloc(d.dataLen - len)]);
  try {
    writeSync(fd, body, 0, body.length, 0);
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `failed to write header to domain save file '${path}': ${strerror(e)}`, 'QEMU');
  }
}

/** virQEMUSaveDataFinish: the complete image's magic goes over the partial one. */
export function markComplete(fd: number, path: string, d: SaveData): void {
  try {
    writeSync(fd, encodeHeader(d, SAVE_MAGIC, d.cookie === undefined ? 0 : Buffer.byteLength(d.xml) + 1), 0, HEADER_SIZE, 0);
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `failed to write header to domain save file '${path}': ${strerror(e)}`, 'QEMU');
  }
}

/** qemuDomainOpenFile's failure. */
export function openImage(path: string, flags: 'r' | 'r+'): number {
  try {
    return openSync(path, flags);
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Failed to open file '${path}': ${strerror(e)}`, 'QEMU');
  }
}

function readFully(fd: number, length: number, position: number): Buffer | undefined {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, position + got);
    if (n === 0) return undefined;
    got += n;
  }
  return b;
}

/**
 * qemuSaveImageOpen's reading: the header and data with libvirt's errors. `onCorrupt` is
 * called instead of failing for a short or partial image (managed save's unlink_corrupt).
 */
export function readSaveData(fd: number, onCorrupt?: () => void): SaveData | undefined {
  const h = readFully(fd, HEADER_SIZE, 0);
  if (!h) {
    if (onCorrupt) return void onCorrupt();
    throw failed('failed to read qemu header');
  }
  const magic = h.toString('latin1', 0, 16);
  if (magic !== SAVE_MAGIC) {
    if (magic !== SAVE_PARTIAL) throw failed('image magic is incorrect');
    if (onCorrupt) return void onCorrupt();
    throw failed('save image is incomplete');
  }
  let le = true;
  let version = h.readUInt32LE(16);
  if (version > SAVE_VERSION) {
    le = false;
    version = h.readUInt32BE(16);
  }
  if (version > SAVE_VERSION) throw failed(`image version is not supported (${version} > ${SAVE_VERSION})`);
  const word = (i: number) => (le ? h.readUInt32LE(16 + 4 * i) : h.readUInt32BE(16 + 4 * i));
  // libvirt reads the length as a signed int.
  const dataLen = word(1) | 0;
  if (dataLen <= 0) throw failed(`invalid header data length: ${dataLen}`);
  const cookieOffset = word(4);
  const xmlLen = cookieOffset || dataLen;
  const xml = readFully(fd, xmlLen, HEADER_SIZE);
  if (!xml) throw failed('failed to read domain XML');
  let cookie: string | undefined;
  if (dataLen > xmlLen) {
    const c = readFully(fd, dataLen - xmlLen, HEADER_SIZE + xmlLen);
    if (!c) throw failed('failed to read cookie');
    cookie = cString(c);
  }
  return { version, dataLen, wasRunning: word(2) !== 0, compressed: word(3), xml: cString(xml), cookie };
}

const cString = (b: Buffer): string => {
  const end = b.indexOf(0);
  return b.toString('utf8', 0, end < 0 ? b.length : end);
};

/** Reads an image's data and closes it again. */
export function readImage(path: string): SaveData {
  const fd = openImage(path, 'r');
  try {
    return readSaveData(fd) as SaveData;
  } finally {
    closeSync(fd);
  }
}
