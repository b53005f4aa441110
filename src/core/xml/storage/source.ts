import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import type { XmlWriter } from '../writer.js';
import { AUTH_TYPES, POOL_TYPE_INFO, formatIndex, hasFlag, type PoolType } from './enums.js';
import { parseAdapter, writeAdapter, type Adapter } from './adapter.js';
import { sanitizePath } from './path.js';
import { propInt, propTristate, xpathAttr, xpathString } from './props.js';
import { parseSecretRef, writeSecretRef, type SecretRef } from './secret-ref.js';

export interface PoolAuth {
  type: (typeof AUTH_TYPES)[number];
  username: string;
  secretType?: string;
  secret: SecretRef;
}

/** A pool's <source> (virStoragePoolSource). */
export interface PoolSource {
  name?: string;
  /** Index into the pool type's format table; undefined for types without formats. */
  format?: number;
  hosts: { name: string; port: number }[];
  iqn?: string;
  devices: { path: string; partSeparator?: 'yes' | 'no' }[];
  dir?: string;
  adapter?: Adapter;
  auth?: PoolAuth;
  protocolVer?: string;
  vendor?: string;
  product?: string;
}

export function emptySource(type: PoolType): PoolSource {
  const formats = POOL_TYPE_INFO[type].poolFormats;
  return { hosts: [], devices: [], format: formats?.default };
}

function parseAuth(node: XNode): PoolAuth {
  const username = xpathAttr(node, 'username');
  if (username === undefined) throw virErr('XML_ERROR', 'missing username for auth');
  const typeAttr = xpathAttr(node, 'type');
  let type: PoolAuth['type'] = 'none';
  if (typeAttr !== undefined) {
    if (!(AUTH_TYPES as readonly string[]).includes(typeAttr)) {
      throw virErr('CONFIG_UNSUPPORTED', `unknown auth type '${typeAttr}'`);
    }
    type = typeAttr as PoolAuth['type'];
  }
  const secret = child(node, 'secret');
  if (!secret) throw virErr('XML_ERROR', 'Missing <secret> element in auth');
  const ref = parseSecretRef(secret);
  if (type === 'none') throw virErr('CONFIG_UNSUPPORTED', 'storage pool missing auth type');
  return { type, username, secretType: secret.attrs.type, secret: ref };
}

/** virStoragePoolDefParseSource. */
export function parseSource(node: XNode, type: PoolType): PoolSource {
  const info = POOL_TYPE_INFO[type];
  const src: PoolSource = { hosts: [], devices: [] };
  src.name = xpathString(node, 'name');
  if (type === 'rbd' && src.name === undefined) throw virErr('XML_ERROR', "element 'name' is mandatory for RBD pool");
  if (info.poolFormats) {
    const format = xpathAttr(node, 'type', 'format');
    src.format = format === undefined ? info.poolFormats.default : formatIndex(info.poolFormats, format);
    if (src.format < 0) throw virErr('CONFIG_UNSUPPORTED', `unknown pool format type ${format}`);
  }
  for (const h of children(node, 'host')) {
    const name = h.attrs.name;
    if (name === undefined) throw virErr('XML_ERROR', 'missing storage pool host name');
    src.hosts.push({ name, port: propInt(h, 'port') ?? 0 });
  }
  src.iqn = xpathAttr(node, 'name', 'initiator', 'iqn');
  for (const d of children(node, 'device')) {
    const path = d.attrs.path;
    if (path === undefined) throw virErr('XML_ERROR', 'missing storage pool source device path');
    src.devices.push({ path, partSeparator: propTristate(d, 'part_separator') });
  }
  const dir = xpathAttr(node, 'path', 'dir');
  if (dir !== undefined) src.dir = sanitizePath(dir);
  if (src.dir === undefined && type === 'gluster') src.dir = '/';
  const adapter = child(node, 'adapter');
  if (adapter) src.adapter = parseAdapter(adapter);
  const auth = child(node, 'auth');
  if (auth) src.auth = parseAuth(auth);
  src.protocolVer = xpathAttr(node, 'ver', 'protocol');
  if (src.protocolVer !== undefined) {
    // Only NFS (or auto-detected) network filesystems take a protocol version.
    const netfs = POOL_TYPE_INFO.netfs.poolFormats!.values;
    const fmt = src.format ?? 0;
    if (fmt !== 0 && fmt !== 1) {
      throw virErr('CONFIG_UNSUPPORTED', `storage pool protocol ver unsupported for pool type '${netfs[fmt] ?? '(null)'}'`);
    }
    if (src.protocolVer.includes(',')) {
      throw virErr('XML_DETAIL', `storage pool protocol ver '${src.protocolVer}' must not contain ','`);
    }
  }
  src.vendor = xpathAttr(node, 'name', 'vendor');
  src.product = xpathAttr(node, 'name', 'product');
  return src;
}

function writeAuth(w: XmlWriter, auth: PoolAuth): void {
  w.open('auth', [['type', auth.type === 'none' ? undefined : auth.type], ['username', auth.username]]);
  writeSecretRef(w, auth.secretType, auth.secret);
  w.close('auth');
}

/** virStoragePoolSourceFormat: only the parts the pool type uses, in libvirt's order. */
export function writeSource(w: XmlWriter, type: PoolType, src: PoolSource): void {
  const info = POOL_TYPE_INFO[type];
  w.open('source');
  if (hasFlag(type, 'host')) {
    for (const h of src.hosts) w.leaf('host', [['name', h.name], ['port', h.port || undefined]]);
  }
  if (hasFlag(type, 'device')) {
    for (const d of src.devices) w.leaf('device', [['path', d.path], ['part_separator', d.partSeparator]]);
  }
  if (hasFlag(type, 'dir') && src.dir !== undefined) w.leaf('dir', [['path', src.dir]]);
  if (hasFlag(type, 'adapter') && src.adapter && src.adapter.type !== 'default') writeAdapter(w, src.adapter);
  if (hasFlag(type, 'name')) w.optLeaf('name', src.name);
  if (hasFlag(type, 'iqn') && src.iqn !== undefined) {
    w.open('initiator').leaf('iqn', [['name', src.iqn]]).close('initiator');
  }
  if (info.poolFormats) w.leaf('format', [['type', info.poolFormats.values[src.format ?? info.poolFormats.default]]]);
  if (src.auth) writeAuth(w, src.auth);
  if (src.protocolVer !== undefined) w.leaf('protocol', [['ver', src.protocolVer]]);
  if (src.vendor !== undefined) w.leaf('vendor', [['name', src.vendor]]);
  if (src.product !== undefined) w.leaf('product', [['name', src.product]]);
  w.close('source');
}
