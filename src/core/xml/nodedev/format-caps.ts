import { escapeXml } from '../writer.js';
import type { CcwAddress, CssCap, PciVpd, MdevType, PciAddress, PciCap, PcieLink, StorageCap, MdevCap } from './types.js';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** libvirt prints the function as '0x' followed by its decimal value. */
const address = (a: PciAddress) =>
  `<address domain='0x${hex(a.domain, 4)}' bus='0x${hex(a.bus, 2)}' slot='0x${hex(a.slot, 2)}' function='0x${a.function}'/>`;

/** %d of an unsigned int: values past INT_MAX print negative. */
const asInt = (n: number) => n | 0;

/** virNodeDeviceCapMdevTypesFormat: nothing at all when there are no types. */
export function formatMdevTypes(types: readonly MdevType[], out: string[], pad: string): void {
  if (types.length === 0) return;
  const p2 = pad + '  ';
  const p3 = p2 + '  ';
  out.push(`${pad}<capability type='mdev_types'>`);
  for (const t of types) {
    out.push(`${p2}<type id='${escapeXml(t.id)}'>`);
    if (t.name !== undefined) out.push(`${p3}<name>${escapeXml(t.name)}</name>`);
    out.push(`${p3}<deviceAPI>${escapeXml(t.deviceApi)}</deviceAPI>`);
    out.push(`${p3}<availableInstances>${t.availableInstances}</availableInstances>`, `${p2}</type>`);
  }
  out.push(`${pad}</capability>`);
}

function formatLink(link: PcieLink | undefined, validity: string): string[] {
  if (!link) return [];
  const port = link.port >= 0 ? ` port='${link.port}'` : '';
  const speed = link.speed ? ` speed='${link.speed}'` : '';
  return [`<link validity='${validity}'${port}${speed} width='${asInt(link.width)}'/>`];
}

/** virNodeDeviceCapVPDFormat: field values are written as they are, unescaped, as libvirt does. */
function formatVpd(vpd: PciVpd, out: string[], pad: string): void {
  const p2 = pad + '  ';
  const p3 = p2 + '  ';
  const field = (tag: string, v: string | undefined) => v !== undefined && out.push(`${p3}<${tag}>${v}</${tag}>`);
  const custom = (tag: string, fields: readonly { index: string; value: string }[]) =>
    fields.forEach((f) => out.push(`${p3}<${tag} index='${f.index}'>${f.value}</${tag}>`));
  out.push(`${pad}<capability type='vpd'>`, `${p2}<name>${escapeXml(vpd.name)}</name>`);
  if (vpd.readonly) {
    const ro = vpd.readonly;
    out.push(`${p2}<fields access='readonly'>`);
    field('change_level', ro.changeLevel);
    field('manufacture_id', ro.manufactureId);
    field('part_number', ro.partNumber);
    field('serial_number', ro.serialNumber);
    custom('vendor_field', ro.vendor);
    out.push(`${p2}</fields>`);
  }
  if (vpd.readwrite) {
    const rw = vpd.readwrite;
    out.push(`${p2}<fields access='readwrite'>`);
    field('asset_tag', rw.assetTag);
    custom('vendor_field', rw.vendor);
    custom('system_field', rw.system);
    out.push(`${p2}</fields>`);
  }
  out.push(`${pad}</capability>`);
}

/** virNodeDeviceCapPCIDefFormat */
export function formatPci(cap: PciCap, out: string[], pad: string): void {
  const inner = pad + '  ';
  if (cap.klass >= 0) out.push(`${pad}<class>0x${hex(cap.klass, 6)}</class>`);
  out.push(`${pad}<domain>${asInt(cap.domain)}</domain>`, `${pad}<bus>${cap.bus}</bus>`);
  out.push(`${pad}<slot>${cap.slot}</slot>`, `${pad}<function>${cap.function}</function>`);
  const named = (tag: string, id: number, name: string | undefined) =>
    `${pad}<${tag} id='0x${hex(id, 4)}'${name === undefined ? '/>' : `>${escapeXml(name)}</${tag}>`}`;
  out.push(named('product', cap.product, cap.productName), named('vendor', cap.vendor, cap.vendorName));
  if (cap.physFunction) {
    out.push(`${pad}<capability type='phys_function'>`, `${inner}${address(cap.physFunction)}`, `${pad}</capability>`);
  }
  if (cap.virtFunctions) {
    const { maxCount, addresses } = cap.virtFunctions;
    const open = `${pad}<capability type='virt_functions'${maxCount ? ` maxCount='${maxCount}'` : ''}`;
    if (addresses.length === 0) out.push(`${open}/>`);
    else out.push(`${open}>`, ...addresses.map((a) => inner + address(a)), `${pad}</capability>`);
  }
  if (cap.headerType) out.push(`${pad}<capability type='${cap.headerType}'/>`);
  if (cap.mdevTypes) formatMdevTypes(cap.mdevTypes, out, pad);
  if (cap.vpd) formatVpd(cap.vpd, out, pad);
  if (cap.iommuGroup && cap.iommuGroup.addresses.length) {
    out.push(`${pad}<iommuGroup number='${asInt(cap.iommuGroup.number)}'>`);
    out.push(...cap.iommuGroup.addresses.map((a) => inner + address(a)), `${pad}</iommuGroup>`);
  }
  if (cap.numaNode >= 0) out.push(`${pad}<numa node='${cap.numaNode}'/>`);
  if (cap.pciExpress) {
    const links = [...formatLink(cap.pciExpress.cap, 'cap'), ...formatLink(cap.pciExpress.sta, 'sta')];
    if (links.length === 0) out.push(`${pad}<pci-express/>`);
    else out.push(`${pad}<pci-express>`, ...links.map((l) => inner + l), `${pad}</pci-express>`);
  }
}

/** virNodeDeviceCapStorageDefFormat */
export function formatStorage(cap: StorageCap, out: string[], pad: string): void {
  const inner = pad + '  ';
  out.push(`${pad}<block>${escapeXml(cap.block)}</block>`);
  const opt = (tag: string, v: string | undefined) => v !== undefined && out.push(`${pad}<${tag}>${escapeXml(v)}</${tag}>`);
  opt('bus', cap.bus);
  opt('drive_type', cap.driveType);
  opt('model', cap.model);
  opt('vendor', cap.vendor);
  opt('serial', cap.serial);
  if (cap.removable) {
    const r = cap.removable;
    out.push(`${pad}<capability type='removable'>`, `${inner}<media_available>${r.mediaAvailable ? 1 : 0}</media_available>`);
    out.push(`${inner}<media_size>${r.mediaSize}</media_size>`);
    if (r.mediaLabel !== undefined) out.push(`${inner}<media_label>${escapeXml(r.mediaLabel)}</media_label>`);
    out.push(`${pad}</capability>`);
  } else {
    out.push(`${pad}<size>${cap.size}</size>`);
  }
  if (cap.hotpluggable) out.push(`${pad}<capability type='hotpluggable'/>`);
}

/** virNodeDeviceCapMdevDefFormat (the parent address is only known for host devices). */
export function formatMdev(cap: MdevCap, out: string[], pad: string): void {
  out.push(`${pad}<type id='${escapeXml(cap.typeId)}'/>`);
  if (cap.uuid !== undefined) out.push(`${pad}<uuid>${cap.uuid}</uuid>`);
  out.push(`${pad}<iommuGroup number='${cap.iommuGroup}'/>`);
  for (const a of cap.attrs) out.push(`${pad}<attr name='${a.name}' value='${a.value}'/>`);
}

/** virNodeDeviceCapCCWDefFormat: cssid and ssid in plain hex, devno padded to 4 digits. */
export function formatCcwAddress(a: CcwAddress, out: string[], pad: string): void {
  out.push(`${pad}<cssid>0x${a.cssid.toString(16)}</cssid>`, `${pad}<ssid>0x${a.ssid.toString(16)}</ssid>`);
  out.push(`${pad}<devno>0x${hex(a.devno, 4)}</devno>`);
}

/** virNodeDeviceCapCSSDefFormat */
export function formatCss(cap: CssCap, out: string[], pad: string): void {
  formatCcwAddress(cap, out, pad);
  if (cap.channelDevAddr) {
    out.push(`${pad}<channel_dev_addr>`);
    formatCcwAddress(cap.channelDevAddr, out, pad + '  ');
    out.push(`${pad}</channel_dev_addr>`);
  }
  if (cap.mdevTypes) formatMdevTypes(cap.mdevTypes, out, pad);
}
