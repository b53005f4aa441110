import { virErr } from '../../errors.js';
import { child, type XNode } from '../tree.js';
import { unescaped, type XmlWriter } from '../writer.js';
import { ADAPTER_TYPES } from './enums.js';
import { propTristate } from './props.js';

export interface PciAddress {
  domain: number;
  bus: number;
  slot: number;
  function: number;
}

export type Adapter =
  | { type: 'default' }
  | { type: 'scsi_host'; name?: string; parent?: { uniqueId: number; address: PciAddress } }
  | {
      type: 'fc_host';
      parent?: string;
      parentWwnn?: string;
      parentWwpn?: string;
      parentFabricWwn?: string;
      managed?: 'yes' | 'no';
      wwnn?: string;
      wwpn?: string;
    };

function parsePciAddress(node: XNode): PciAddress {
  const num = (attr: string, max: number): number => {
    const v = node.attrs[attr];
    if (v === undefined) return 0;
    const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n > max) {
      throw virErr('XML_ERROR', `Invalid value for attribute '${attr}' in element '${node.name}': '${v}'. Expected non-negative integer value`);
    }
    return n;
  };
  return { domain: num('domain', 0xffff), bus: num('bus', 0xff), slot: num('slot', 0x1f), function: num('function', 7) };
}

/** virStorageAdapterParseXML, including the legacy name-only form without a type. */
export function parseAdapter(node: XNode): Adapter {
  const typeAttr = node.attrs.type;
  if (typeAttr === undefined) {
    if (node.attrs.wwnn !== undefined || node.attrs.wwpn !== undefined || node.attrs.parent !== undefined) {
      throw virErr('XML_ERROR', "Use of 'wwnn', 'wwpn', and 'parent' attributes requires use of the adapter 'type'");
    }
    if (child(node, 'parentaddr')) {
      throw virErr('XML_ERROR', "Use of 'parentaddr' element requires use of the adapter 'type'");
    }
    return node.attrs.name !== undefined ? { type: 'scsi_host', name: node.attrs.name } : { type: 'default' };
  }
  const idx = (ADAPTER_TYPES as readonly string[]).indexOf(typeAttr);
  if (idx <= 0) throw virErr('XML_ERROR', `Invalid value for attribute 'type' in element 'adapter': '${typeAttr}'.`);
  if (typeAttr === 'fc_host') {
    return {
      type: 'fc_host',
      managed: propTristate(node, 'managed'),
      parent: node.attrs.parent,
      parentWwnn: node.attrs.parent_wwnn,
      parentWwpn: node.attrs.parent_wwpn,
      parentFabricWwn: node.attrs.parent_fabric_wwn,
      wwpn: node.attrs.wwpn,
      wwnn: node.attrs.wwnn,
    };
  }
  const scsi: Adapter = { type: 'scsi_host', name: node.attrs.name };
  const parentaddr = child(node, 'parentaddr');
  if (parentaddr) {
    const addr = child(parentaddr, 'address');
    if (!addr) throw virErr('XML_ERROR', 'Missing scsi_host PCI address element');
    const address = parsePciAddress(addr);
    const uid = parentaddr.attrs.unique_id;
    if (uid === undefined || !/^\s*[-+]?\d+$/.test(uid) || Number(uid) < 0) {
      throw virErr('XML_ERROR', "Missing or invalid scsi adapter 'unique_id' value");
    }
    scsi.parent = { uniqueId: Number(uid), address };
  }
  return scsi;
}

/** virValidateWWN: 16 hex digits, optionally prefixed with 0x. */
function validateWwn(wwn: string): void {
  const digits = wwn.startsWith('0x') ? wwn.slice(2) : wwn;
  if (!/^[0-9a-fA-F]{16}$/.test(digits)) {
    throw virErr('INTERNAL_ERROR', 'Malformed wwn: ' + wwn);
  }
}

/** virStorageAdapterValidate (scsi pools require an adapter). */
export function validateAdapter(adapter: Adapter | undefined): void {
  if (!adapter || adapter.type === 'default') throw virErr('XML_ERROR', 'missing storage pool source adapter');
  if (adapter.type === 'fc_host') {
    if (!adapter.wwnn || !adapter.wwpn) {
      throw virErr('XML_ERROR', "'wwnn' and 'wwpn' must be specified for adapter type 'fchost'");
    }
    validateWwn(adapter.wwnn);
    validateWwn(adapter.wwpn);
    if (adapter.parentWwnn !== undefined && adapter.parentWwpn === undefined) {
      throw virErr('XML_ERROR', `when providing parent_wwnn='${adapter.parentWwnn}', the parent_wwpn must also be provided`);
    }
    if (adapter.parentWwnn === undefined && adapter.parentWwpn !== undefined) {
      throw virErr('XML_ERROR', `when providing parent_wwpn='${adapter.parentWwpn}', the parent_wwnn must also be provided`);
    }
    for (const w of [adapter.parentWwnn, adapter.parentWwpn, adapter.parentFabricWwn]) if (w !== undefined) validateWwn(w);
    return;
  }
  if (adapter.name === undefined && !adapter.parent) {
    throw virErr('XML_ERROR', "Either 'name' or 'parent' must be specified for the 'scsi_host' adapter");
  }
  if (adapter.name !== undefined && adapter.parent) {
    throw virErr('XML_ERROR', "Both 'name' and 'parent' cannot be specified for the 'scsi_host' adapter");
  }
}

const hex = (n: number, width: number) => '0x' + n.toString(16).padStart(width, '0');

export function writeAdapter(w: XmlWriter, a: Adapter): void {
  if (a.type === 'fc_host') {
    w.leaf('adapter', [
      ['type', 'fc_host'],
      ['parent', a.parent],
      ['parent_wwnn', a.parentWwnn],
      ['parent_wwpn', a.parentWwpn],
      ['parent_fabric_wwn', a.parentFabricWwn],
      ['managed', a.managed],
      ['wwnn', a.wwnn ?? '(null)'],
      ['wwpn', a.wwpn ?? '(null)'],
    ]);
    return;
  }
  if (a.type !== 'scsi_host') return;
  if (a.name !== undefined || !a.parent) {
    // virStorageAdapterFormatSCSIHost prints the name without escaping it.
    w.leaf('adapter', [['type', 'scsi_host'], ['name', unescaped(a.name)]]);
    return;
  }
  const { address: p, uniqueId } = a.parent;
  w.open('adapter', [['type', 'scsi_host']]);
  w.open('parentaddr', [['unique_id', uniqueId]]);
  w.leaf('address', [['domain', hex(p.domain, 4)], ['bus', hex(p.bus, 2)], ['slot', hex(p.slot, 2)], ['function', `0x${p.function}`]]);
  w.close('parentaddr');
  w.close('adapter');
}
