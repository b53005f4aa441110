import { virErr } from '../../errors.js';
import { parseXmlDocument } from '../parse.js';
import { child, type XNode } from '../tree.js';
import { XmlWriter } from '../writer.js';
import { POOL_TYPE_INFO, hasFlag, isPoolType, type PoolType } from './enums.js';
import { validateAdapter } from './adapter.js';
import { sanitizePath } from './path.js';
import { parsePerms, writePerms, type Perms } from './perms.js';
import { propTristate, xpathAttr, xpathString } from './props.js';
import { emptySource, parseSource, writeSource, type PoolSource } from './source.js';
import { generateUUID, parseUUID } from '../ids.js';

const REFRESH_ALLOCATION = ['default', 'capacity'] as const;

/** A storage pool definition (virStoragePoolDef). Sizes are bytes. */
export interface PoolDef {
  type: PoolType;
  name: string;
  uuid: string;
  capacity: bigint;
  allocation: bigint;
  available: bigint;
  cow?: 'yes' | 'no';
  source: PoolSource;
  /** Undefined for network pools, which have no local target. */
  targetPath?: string;
  targetPerms: Perms;
  refreshAllocation?: (typeof REFRESH_ALLOCATION)[number];
}

/** virStoragePoolDefParseXML on a <pool> element. */
export function parsePoolNode(root: XNode): PoolDef {
  const typeAttr = root.attrs.type;
  if (typeAttr === undefined) throw virErr('XML_ERROR', "Missing required attribute 'type' in element 'pool'");
  if (!isPoolType(typeAttr)) {
    throw virErr('XML_ERROR', `Invalid value for attribute 'type' in element 'pool': '${typeAttr}'.`);
  }
  const type = typeAttr;
  const sourceNode = child(root, 'source');
  const source = sourceNode ? parseSource(sourceNode, type) : emptySource(type);

  let name = xpathString(root, 'name');
  if (name === undefined && hasFlag(type, 'name')) name = source.name;
  if (name === undefined) throw virErr('XML_ERROR', 'missing pool source name element');
  if (name.includes('/')) throw virErr('XML_ERROR', `name ${name} cannot contain '/'`);

  const uuidText = xpathString(root, 'uuid');
  let uuid: string;
  if (uuidText === undefined) uuid = generateUUID();
  else {
    const parsed = parseUUID(uuidText);
    if (!parsed) throw virErr('XML_ERROR', 'malformed uuid element');
    uuid = parsed;
  }

  const cowNode = child(child(root, 'features'), 'cow');
  const cow = cowNode ? propTristate(cowNode, 'state') : undefined;
  if (cow !== undefined && type !== 'fs' && type !== 'dir') {
    throw virErr('NO_SUPPORT', "cow feature may only be used for 'fs' and 'dir' pools");
  }

  if (hasFlag(type, 'host') && source.hosts.length === 0) throw virErr('XML_ERROR', 'missing storage pool source host name');
  if (hasFlag(type, 'dir') && source.dir === undefined) throw virErr('XML_ERROR', 'missing storage pool source path');
  if (hasFlag(type, 'name') && source.name === undefined) source.name = name;
  if (hasFlag(type, 'adapter')) validateAdapter(source.adapter);
  const flags = POOL_TYPE_INFO[type].flags;
  if (flags.length === 1 && flags[0] === 'device' && source.devices.length === 0) {
    throw virErr('XML_ERROR', 'missing storage pool source device name');
  }

  let targetPath: string | undefined;
  let targetPerms: Perms = {};
  if (!hasFlag(type, 'network')) {
    let path: string | undefined;
    if (type === 'logical') path = `/dev/${source.name}`;
    else if (type === 'zfs') path = `/dev/zvol/${source.name}`;
    else {
      path = xpathString(root, 'target', 'path');
      if (path === undefined) throw virErr('XML_ERROR', 'missing storage pool target path');
    }
    targetPath = sanitizePath(path);
    targetPerms = parsePerms(child(child(root, 'target'), 'permissions'));
  }

  if (type === 'iscsi-direct' && source.iqn === undefined) throw virErr('CONFIG_UNSUPPORTED', 'missing initiator IQN');

  const refresh = xpathAttr(root, 'allocation', 'refresh', 'volume');
  if (refresh !== undefined && !(REFRESH_ALLOCATION as readonly string[]).includes(refresh)) {
    throw virErr('CONFIG_UNSUPPORTED', `unknown storage pool volume refresh allocation type ${refresh}`);
  }

  return {
    type,
    name,
    uuid,
    capacity: 0n,
    allocation: 0n,
    available: 0n,
    cow,
    source,
    targetPath,
    targetPerms,
    refreshAllocation: refresh as PoolDef['refreshAllocation'],
  };
}

/** virStoragePoolDefParse: a whole document, with libxml2's errors for malformed XML. */
export function parsePoolXml(xml: string): PoolDef {
  return parsePoolNode(parseXmlDocument(xml, '(storage_pool_definition)', 'pool'));
}

/** virStoragePoolDefFormat. */
export function formatPool(def: PoolDef): string {
  const w = new XmlWriter();
  w.open('pool', [['type', def.type]]);
  w.leaf('name', [], def.name);
  w.leaf('uuid', [], def.uuid);
  w.leaf('capacity', [['unit', 'bytes']], def.capacity.toString());
  w.leaf('allocation', [['unit', 'bytes']], def.allocation.toString());
  w.leaf('available', [['unit', 'bytes']], def.available.toString());
  if (def.cow !== undefined) w.open('features').leaf('cow', [['state', def.cow]]).close('features');
  writeSource(w, def.type, def.source);
  if (!['rbd', 'sheepdog', 'gluster', 'iscsi-direct'].includes(def.type)) {
    w.open('target');
    w.optLeaf('path', def.targetPath);
    writePerms(w, def.targetPerms);
    w.close('target');
  }
  if (def.refreshAllocation !== undefined) {
    w.open('refresh').leaf('volume', [['allocation', def.refreshAllocation]]).close('refresh');
  }
  w.close('pool');
  return w.toString();
}
