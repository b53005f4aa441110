import { virErr } from '../../errors.js';
import { child, children, type XNode } from '../tree.js';
import type { PciVpd, VpdCustomField } from './types.js';

/** XPath string(./name): the first child's character data, undefined when absent or empty. */
function text(node: XNode, name: string): string | undefined {
  const t = child(node, name)?.text;
  return t === undefined || t === '' ? undefined : t;
}

const isUpperOrDigit = (c: string) => /^[A-Z0-9]$/.test(c);

/** virPCIVPDResourceCustomUpsertValue: a later field with the same index replaces the value. */
function upsert(fields: VpdCustomField[], index: string, value: string): void {
  const existing = fields.find((f) => f.index === index);
  if (existing) existing.value = value;
  else fields.push({ index, value });
}

/**
 * virNodeDeviceCapVPDParseCustomFields: `<tag index='X'>value</tag>` entries, as
 * [index, value]. libvirt reports a bad index or an empty value but carries on, and skips
 * indexes that are not an upper-case letter or digit.
 */
function customFields(node: XNode, tag: string): [string, string][] {
  return children(node, tag).flatMap((f) => {
    const index = f.attrs.index;
    if (index === undefined || index.length !== 1 || f.text === '' || !isUpperOrDigit(index)) return [];
    return [[index, f.text] as [string, string]];
  });
}

/** virNodeDeviceCapVPDParseXML: the device name plus read-only and read-write field sets. */
export function parseVpd(node: XNode): PciVpd {
  const name = text(node, 'name');
  if (name === undefined) throw virErr('XML_ERROR', 'Could not read a device name from the <name> element');
  const vpd: PciVpd = { name };
  for (const fields of children(node, 'fields').filter((f) => f.attrs.access !== undefined)) {
    const access = fields.attrs.access;
    if (access === '') throw virErr('XML_ERROR', 'VPD fields access type parsing has failed');
    if (access === 'readonly') {
      vpd.readonly = {
        changeLevel: text(fields, 'change_level'),
        manufactureId: text(fields, 'manufacture_id'),
        serialNumber: text(fields, 'serial_number'),
        partNumber: text(fields, 'part_number'),
        vendor: [],
      };
      for (const [i, v] of customFields(fields, 'vendor_field')) upsert(vpd.readonly.vendor, i, v);
    } else if (access === 'readwrite') {
      const rw: NonNullable<PciVpd['readwrite']> = { assetTag: text(fields, 'asset_tag'), vendor: [], system: [] };
      for (const [i, v] of customFields(fields, 'vendor_field')) upsert(rw.vendor, i, v);
      // System field 'A' spells keyword YA, which is the asset tag.
      for (const [i, v] of customFields(fields, 'system_field')) {
        if (i === 'A') rw.assetTag = v;
        else upsert(rw.system, i, v);
      }
      vpd.readwrite = rw;
    } else {
      throw virErr('XML_ERROR', `Unsupported VPD field access type specified ${access}`);
    }
  }
  return vpd;
}
