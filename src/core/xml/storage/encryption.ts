import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import type { XmlWriter } from '../writer.js';
import { xpathAttr } from './props.js';
import { parseSecretRef, writeSecretRef, type SecretRef } from './secret-ref.js';

const FORMATS = ['default', 'qcow', 'luks', 'luks2'];
const ENGINES = ['default', 'qemu', 'librbd'];
const SECRET_TYPES = ['passphrase'];

/** A volume's <encryption> (virStorageEncryption). */
export interface Encryption {
  format: string;
  engine?: string;
  secrets: { type: string; ref: SecretRef }[];
  cipher?: { name: string; size: number; mode?: string; hash?: string };
  ivgen?: { name: string; hash?: string };
}

function parseCipher(node: XNode): NonNullable<Encryption['cipher']> {
  const name = node.attrs.name;
  if (name === undefined) throw virErr('XML_ERROR', "cipher info missing 'name' attribute");
  const size = node.attrs.size;
  if (size === undefined) throw virErr('XML_ERROR', "Missing required attribute 'size' in element 'cipher'");
  if (!/^\s*\+?\d+$/.test(size) || Number(size) > 0xffffffff) {
    throw virErr('XML_ERROR', `Invalid value for attribute 'size' in element 'cipher': '${size}'. Expected non-negative integer value`);
  }
  return { name, size: Number(size), mode: node.attrs.mode, hash: node.attrs.hash };
}

/** virStorageEncryptionParseNode. */
export function parseEncryption(node: XNode): Encryption {
  const format = xpathAttr(node, 'format');
  if (format === undefined) throw virErr('XML_ERROR', 'unknown volume encryption format');
  if (!FORMATS.includes(format)) throw virErr('CONFIG_UNSUPPORTED', `unknown volume encryption format type ${format}`);
  const engine = node.attrs.engine;
  if (engine !== undefined && ENGINES.indexOf(engine) <= 0) {
    throw virErr('XML_ERROR', `Invalid value for attribute 'engine' in element 'encryption': '${engine}'.`);
  }
  const enc: Encryption = { format, engine, secrets: [] };
  for (const s of children(node, 'secret')) {
    const type = xpathAttr(s, 'type');
    if (type === undefined) throw virErr('XML_ERROR', 'unknown volume encryption secret type');
    if (!SECRET_TYPES.includes(type)) throw virErr('CONFIG_UNSUPPORTED', `unknown volume encryption secret type ${type}`);
    enc.secrets.push({ type, ref: parseSecretRef(s) });
  }
  if (format === 'luks') {
    const cipher = child(node, 'cipher');
    if (cipher) enc.cipher = parseCipher(cipher);
    const ivgen = child(node, 'ivgen');
    if (ivgen) {
      if (!enc.cipher) throw virErr('XML_ERROR', 'ivgen element found, but cipher is missing');
      if (ivgen.attrs.name === undefined) throw virErr('XML_ERROR', 'missing ivgen info name string');
      enc.ivgen = { name: ivgen.attrs.name, hash: ivgen.attrs.hash };
    }
  }
  return enc;
}

/** virStorageEncryptionFormat. */
export function writeEncryption(w: XmlWriter, enc: Encryption): void {
  w.open('encryption', [['format', enc.format], ['engine', enc.engine]]);
  for (const s of enc.secrets) writeSecretRef(w, s.type, s.ref);
  if (enc.format === 'luks' && enc.cipher) {
    const c = enc.cipher;
    w.leaf('cipher', [['name', c.name], ['size', c.size], ['mode', c.mode], ['hash', c.hash]]);
    if (enc.ivgen) w.leaf('ivgen', [['name', enc.ivgen.name], ['hash', enc.ivgen.hash]]);
  }
  w.close('encryption');
}
