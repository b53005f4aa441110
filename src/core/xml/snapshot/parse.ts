import { virErr } from '../../errors.js';
import { parseXmlDocument } from '../parse.js';
import { child, type XNode } from '../tree.js';
import type { DomainDef } from '../domain/index.js';
import { pathString, parseEmbeddedDomain } from './embed.js';
import {
  SNAPSHOT_LOCATIONS,
  SNAPSHOT_STATES,
  type SnapshotDef,
  type SnapshotDiskDef,
} from './def.js';

/** virDomainSnapshotParseFlags */
export const SnapshotParse = {
  REDEFINE: 1 << 0,
  INTERNAL: 1 << 1,
  OFFLINE: 1 << 2,
  VALIDATE: 1 << 3,
} as const;

const STORAGE_TYPES = ['none', 'file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser'];
const IMAGE_FORMATS = ['none', 'raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'cow', 'qcow', 'qcow2', 'qed', 'vmdk'];

const xmlError = (msg: string) => virErr('XML_ERROR', msg, 'DOMAIN_SNAPSHOT');

/** virXMLPropEnumDefault with VIR_XML_PROP_NONZERO: the first table entry is not accepted. */
function enumAttr<T extends string>(node: XNode, name: string, table: readonly T[], dflt: T): T {
  const v = node.attrs[name];
  if (v === undefined) return dflt;
  const i = table.indexOf(v as T);
  if (i <= 0) throw xmlError(`Invalid value for attribute '${name}' in element '${node.name}': '${v}'.`);
  return table[i];
}

const isLocalType = (t: string) => t === 'file' || t === 'block' || t === 'dir';

function parseDisk(node: XNode, flags: number): SnapshotDiskDef {
  const name = node.attrs.name;
  if (name === undefined) throw virErr('INTERNAL_ERROR', 'missing name from disk snapshot element', 'DOMAIN_SNAPSHOT');
  let snapshot = enumAttr(node, 'snapshot', SNAPSHOT_LOCATIONS, 'default');
  const type = enumAttr(node, 'type', STORAGE_TYPES, 'file');
  if (type === 'volume' || type === 'dir') throw xmlError(`unsupported disk snapshot type '${type}'`);
  const disk: SnapshotDiskDef = { name, snapshot, type };
  if (flags & SnapshotParse.REDEFINE && child(node, 'snapshotDeleteInProgress')) disk.deleteInProgress = true;
  const src = child(node, 'source');
  if (src) disk.path = type === 'block' ? src.attrs.dev : type === 'file' ? src.attrs.file : src.attrs.name;
  const driver = child(node, 'driver')?.attrs.type;
  if (driver !== undefined && driver !== '') {
    if (IMAGE_FORMATS.indexOf(driver) <= 0) {
      throw virErr('CONFIG_UNSUPPORTED', `unknown disk snapshot driver '${driver}'`, 'DOMAIN_SNAPSHOT');
    }
    disk.format = driver;
  }
  const maxSize = pathString(node, 'driver', 'metadata_cache', 'max_size');
  if (maxSize !== undefined && /^\d+$/.test(maxSize)) disk.metadataCacheMaxSize = BigInt(maxSize);
  if (isLocalType(type) && disk.path !== undefined && !disk.path.startsWith('/')) {
    throw xmlError(`disk snapshot image path '${disk.path}' must be absolute`);
  }
  if (snapshot === 'default' && (disk.path !== undefined || disk.format !== undefined)) snapshot = 'external';
  disk.snapshot = snapshot;
  return disk;
}

/** virStrToLong_ll on the whole string. */
function parseLongLong(s: string | undefined): number | undefined {
  if (s === undefined || !/^\s*[-+]?\d+$/.test(s)) return undefined;
  return Number(s.trim());
}

/** What a driver plugs into the generic parse. */
export interface SnapshotParseHooks {
  /** Parses a captured `<domain>`/`<inactiveDomain>` element (default: the generic model). */
  parseDomain?: (node: XNode) => DomainDef;
  /** libvirt's VIR_WARN, where the driver's process shows it. */
  warn?: (where: string, text: string) => void;
  /** The driver's save-cookie parser (virSaveCookieParse): `<cookie>` back to formatted XML. */
  parseCookie?: (node: XNode) => string;
}

export interface ParsedSnapshot {
  def: SnapshotDef;
  /** `<active>` of a node-file snapshot (SnapshotParse.INTERNAL). */
  current: boolean;
}

/**
 * virDomainSnapshotDefParse on an already parsed `<domainsnapshot>` element; a captured
 * `<domain>`/`<inactiveDomain>` goes through the driver's own domain parser.
 */
export function parseSnapshotNode(root: XNode, flags: number, now: () => number, hooks: SnapshotParseHooks = {}): ParsedSnapshot {
  const parseDomain = hooks.parseDomain ?? parseEmbeddedDomain;
  const redefine = !!(flags & SnapshotParse.REDEFINE);
  let offline = !!(flags & SnapshotParse.OFFLINE);
  const name = pathString(root, 'name');
  if (name === undefined && redefine) throw xmlError('a redefined snapshot must have a name');
  const def: SnapshotDef = {
    name: name ?? '',
    description: pathString(root, 'description'),
    creationTime: 0,
    state: undefined,
    memory: 'default',
    disks: [],
  };
  if (redefine) {
    const creation = parseLongLong(pathString(root, 'creationTime'));
    if (creation === undefined) {
      throw virErr('INTERNAL_ERROR', 'missing creationTime from existing snapshot', 'DOMAIN_SNAPSHOT');
    }
    def.creationTime = creation;
    def.parentName = pathString(root, 'parent', 'name');
    const state = pathString(root, 'state');
    if (state === undefined) throw xmlError('missing state from existing snapshot');
    const idx = SNAPSHOT_STATES.indexOf(state as never);
    if (idx <= 0) {
      throw virErr('CONFIG_UNSUPPORTED', `Invalid state '${state}' in domain snapshot XML`, 'DOMAIN_SNAPSHOT');
    }
    def.state = SNAPSHOT_STATES[idx];
    offline = def.state === 'shutoff' || def.state === 'disk-snapshot';
    const domNode = child(root, 'domain');
    if (domNode && domNode.attrs.type) def.dom = parseDomain(domNode);
    else hooks.warn?.('virDomainSnapshotDefParse:287', 'parsing older snapshot that lacks domain');
    const inactive = child(root, 'inactiveDomain');
    if (inactive) def.inactiveDom = parseDomain(inactive);
  } else {
    def.creationTime = now();
    if (name === undefined) def.name = String(def.creationTime);
  }

  const memoryNode = child(root, 'memory');
  if (memoryNode) {
    def.memoryFile = memoryNode.attrs.file;
    def.memory = enumAttr(memoryNode, 'snapshot', SNAPSHOT_LOCATIONS, 'default');
    if (def.memory === 'manual') throw xmlError("'manual' memory snapshot mode not supported");
  }
  if (def.memory === 'default') {
    if (def.memoryFile !== undefined) def.memory = 'external';
    else if (redefine) def.memory = offline ? 'no' : 'internal';
  }
  if (def.memoryFile !== undefined && def.memory !== 'external') {
    throw xmlError(`memory filename '${def.memoryFile}' requires external snapshot`);
  }
  if (def.memoryFile === undefined && def.memory === 'external') {
    throw xmlError('external memory snapshots require a filename');
  }
  if (offline && def.memory !== 'default' && def.memory !== 'no') {
    throw xmlError('memory state cannot be saved with offline or disk-only snapshot');
  }
  if (def.memoryFile !== undefined && !def.memoryFile.startsWith('/')) {
    throw xmlError(`memory snapshot file path (${def.memoryFile}) must be absolute`);
  }
  def.disks = (child(root, 'disks')?.children ?? []).map((d) => parseDisk(d, flags));
  const cookie = child(root, 'cookie');
  if (!offline && cookie && hooks.parseCookie) def.cookie = hooks.parseCookie(cookie);

  let current = false;
  if (flags & SnapshotParse.INTERNAL) {
    const active = parseLongLong(pathString(root, 'active'));
    if (active === undefined) throw virErr('INTERNAL_ERROR', "Could not find 'active' element", 'DOMAIN_SNAPSHOT');
    current = active !== 0;
  }
  return { def, current };
}

/** virDomainSnapshotDefParseString */
export function parseSnapshotXML(xml: string, flags: number, now: () => number, hooks: SnapshotParseHooks = {}): ParsedSnapshot {
  const root = parseXmlDocument(xml, '(domain_snapshot)', 'domainsnapshot', 'DOMAIN_SNAPSHOT');
  return parseSnapshotNode(root, flags, now, hooks);
}

