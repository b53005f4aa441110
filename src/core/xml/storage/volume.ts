import { virErr } from '../../errors.js';
import { parseXmlDocument } from '../parse.js';
import { child, type XNode } from '../tree.js';
import { XmlWriter } from '../writer.js';
import { FILE_FEATURES, POOL_TYPE_INFO, VOL_TYPES, formatIndex, type FormatTable, type PoolType } from './enums.js';
import { parseEncryption, writeEncryption, type Encryption } from './encryption.js';
import { parsePerms, writePerms, type Perms } from './perms.js';
import { xpathAttr, xpathString } from './props.js';
import { LONG_MAX, ULONG_MAX, strToULongLongPrefix, scaleInteger } from '../../strtol.js';

export interface BackingStore {
  path: string;
  format?: number;
  perms: Perms;
}

/** A storage volume definition (virStorageVolDef). Sizes are bytes. */
export interface VolDef {
  name: string;
  key?: string;
  type: (typeof VOL_TYPES)[number];
  capacity: bigint;
  allocation: bigint;
  path?: string;
  /** Index into the pool type's volume format table, when it has one. */
  format?: number;
  perms: Perms;
  backingStore?: BackingStore;
  encryption?: Encryption;
  compat?: string;
  nocow: boolean;
  clusterSize?: bigint;
  features?: (typeof FILE_FEATURES)[number][];
}

/** virStorageSize: a whole unsigned decimal scaled by `unit`, capped at 2^63-1. */
function storageSize(value: string, unit: string | undefined): bigint {
  const parsed = strToULongLongPrefix(value);
  if (!parsed || parsed.rest !== '') throw virErr('XML_ERROR', 'malformed capacity element');
  return scaleInteger(parsed.value, unit, 1n, LONG_MAX);
}

function parseFormat(table: FormatTable | undefined, value: string | undefined): number | undefined {
  if (!table) return undefined;
  if (value === undefined) return table.default;
  const idx = formatIndex(table, value);
  if (idx < 0) throw virErr('CONFIG_UNSUPPORTED', `unknown volume format type ${value}`);
  return idx;
}

/** virStorageVolDefParseXML, against the pool type the volume goes into. */
export function parseVolNode(root: XNode, poolType: PoolType): VolDef {
  const table = POOL_TYPE_INFO[poolType].volFormats;
  const name = xpathString(root, 'name');
  if (name === undefined) throw virErr('XML_ERROR', 'missing volume name element');
  const key = xpathString(root, 'key');
  const typeAttr = xpathAttr(root, 'type');
  let type: VolDef['type'] = 'file';
  if (typeAttr !== undefined) {
    if (!(VOL_TYPES as readonly string[]).includes(typeAttr)) {
      throw virErr('CONFIG_UNSUPPORTED', `unknown volume type '${typeAttr}'`);
    }
    type = typeAttr as VolDef['type'];
  }
  let backingStore: BackingStore | undefined;
  const backingPath = xpathString(root, 'backingStore', 'path');
  if (backingPath !== undefined) {
    const bs = child(root, 'backingStore');
    backingStore = {
      path: backingPath,
      format: parseFormat(table, xpathAttr(bs, 'type', 'format')),
      perms: parsePerms(child(bs, 'permissions')),
    };
  }
  const capText = xpathString(root, 'capacity');
  if (capText === undefined) throw virErr('XML_ERROR', 'missing capacity element');
  const capacity = storageSize(capText, xpathAttr(root, 'unit', 'capacity'));
  const allocText = xpathString(root, 'allocation');
  const allocation = allocText === undefined ? capacity : storageSize(allocText, xpathAttr(root, 'unit', 'allocation'));
  const target = child(root, 'target');
  const path = xpathString(target, 'path');
  const format = parseFormat(table, xpathAttr(target, 'type', 'format'));
  const perms = parsePerms(child(target, 'permissions'));
  const encNode = child(target, 'encryption');
  const encryption = encNode ? parseEncryption(encNode) : undefined;
  let compat = xpathString(target, 'compat');
  if (compat !== undefined) {
    const parts = compat.split('.');
    const uint = (s: string | undefined) => s !== undefined && /^\s*\+?\d+$/.test(s) && Number(s) <= 0xffffffff;
    if (parts.length < 2 || !uint(parts[0]) || !uint(parts.slice(1).join('.'))) {
      throw virErr('XML_ERROR', "forbidden characters in 'compat' attribute");
    }
  }
  const nocow = child(target, 'nocow') !== undefined;
  let clusterSize: bigint | undefined;
  const clusterText = xpathString(target, 'clusterSize');
  if (clusterText !== undefined) {
    const parsed = strToULongLongPrefix(clusterText);
    if (!parsed || parsed.rest !== '') {
      throw virErr('XML_ERROR', `Invalid value '${clusterText}' for element or attribute './target/clusterSize'`);
    }
    clusterSize = scaleInteger(parsed.value, xpathAttr(target, 'unit', 'clusterSize'), 1n, ULONG_MAX);
  }
  let features: VolDef['features'];
  const featuresNode = child(target, 'features');
  if (featuresNode) {
    compat ??= '1.1';
    features = [];
    for (const f of featuresNode.children) {
      if (!(FILE_FEATURES as readonly string[]).includes(f.name)) {
        throw virErr('CONFIG_UNSUPPORTED', `unsupported feature ${f.name}`);
      }
      features.push(f.name as (typeof FILE_FEATURES)[number]);
    }
  }
  return {
    name,
    key,
    type,
    capacity,
    allocation,
    path,
    format,
    perms,
    backingStore,
    encryption,
    compat,
    nocow,
    clusterSize,
    features,
  };
}

export function parseVolXml(xml: string, poolType: PoolType): VolDef {
  return parseVolNode(parseXmlDocument(xml, '(storage_volume_definition)', 'volume'), poolType);
}

function writeTarget(w: XmlWriter, el: string, table: FormatTable | undefined, t: {
  path?: string; format?: number; perms: Perms; vol?: VolDef;
}): void {
  w.open(el);
  w.optLeaf('path', t.path);
  if (table) w.leaf('format', [['type', table.values[t.format ?? table.default]]]);
  writePerms(w, t.perms);
  const v = t.vol;
  if (v) {
    if (v.encryption) writeEncryption(w, v.encryption);
    w.optLeaf('compat', v.compat);
    if (v.clusterSize) w.leaf('clusterSize', [['unit', 'B']], v.clusterSize.toString());
    if (v.features) {
      const set = FILE_FEATURES.filter((f) => v.features!.includes(f));
      if (set.length === 0) w.leaf('features');
      else {
        w.open('features');
        for (const f of set) w.leaf(f);
        w.close('features');
      }
    }
  }
  w.close(el);
}

/** virStorageVolDefFormat. */
export function formatVol(poolType: PoolType, def: VolDef): string {
  const table = POOL_TYPE_INFO[poolType].volFormats;
  const w = new XmlWriter();
  w.open('volume', [['type', def.type]]);
  w.leaf('name', [], def.name);
  w.optLeaf('key', def.key);
  w.leaf('capacity', [['unit', 'bytes']], def.capacity.toString());
  w.leaf('allocation', [['unit', 'bytes']], def.allocation.toString());
  writeTarget(w, 'target', table, { path: def.path, format: def.format, perms: def.perms, vol: def });
  if (def.backingStore) writeTarget(w, 'backingStore', table, def.backingStore);
  w.close('volume');
  return w.toString();
}
