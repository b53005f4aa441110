import { escapeXml } from '../writer.js';
import { formatCcwAddress, formatCss, formatMdev, formatMdevTypes, formatPci, formatStorage } from './format-caps.js';
import type { NodeDevCap, NodeDeviceDef } from './types.js';

/** `<tag>text</tag>` at an indent, left out when text is undefined (virBufferEscapeString). */
function opt(out: string[], pad: string, tag: string, text: string | undefined): void {
  if (text !== undefined) out.push(`${pad}<${tag}>${escapeXml(text)}</${tag}>`);
}

function formatCap(cap: NodeDevCap, out: string[], pad: string): void {
  const inner = pad + '  ';
  switch (cap.type) {
    case 'pci':
      formatPci(cap, out, pad);
      return;
    case 'storage':
      formatStorage(cap, out, pad);
      return;
    case 'mdev':
      formatMdev(cap, out, pad);
      return;
    case 'ccw':
      formatCcwAddress(cap, out, pad);
      return;
    case 'css':
      formatCss(cap, out, pad);
      return;
    case 'ap_card':
      out.push(`${pad}<ap-adapter>0x${cap.adapter.toString(16).padStart(2, '0')}</ap-adapter>`);
      return;
    case 'ap_queue':
      out.push(`${pad}<ap-adapter>0x${cap.adapter.toString(16).padStart(2, '0')}</ap-adapter>`);
      out.push(`${pad}<ap-domain>0x${cap.domain.toString(16).padStart(4, '0')}</ap-domain>`);
      return;
    case 'ap_matrix':
      if (cap.mdevTypes) formatMdevTypes(cap.mdevTypes, out, pad);
      return;
    case 'system':
      opt(out, pad, 'product', cap.product);
      out.push(`${pad}<hardware>`);
      opt(out, inner, 'vendor', cap.hardware.vendor);
      opt(out, inner, 'version', cap.hardware.version);
      opt(out, inner, 'serial', cap.hardware.serial);
      out.push(`${inner}<uuid>${cap.hardware.uuid}</uuid>`, `${pad}</hardware>`, `${pad}<firmware>`);
      opt(out, inner, 'vendor', cap.firmware.vendor);
      opt(out, inner, 'version', cap.firmware.version);
      opt(out, inner, 'release_date', cap.firmware.releaseDate);
      out.push(`${pad}</firmware>`);
      return;
    case 'scsi_host':
      out.push(`${pad}<host>${cap.host}</host>`);
      if (cap.uniqueId !== -1) out.push(`${pad}<unique_id>${cap.uniqueId}</unique_id>`);
      if (cap.fc) {
        out.push(`${pad}<capability type='fc_host'>`);
        opt(out, inner, 'wwnn', cap.fc.wwnn);
        opt(out, inner, 'wwpn', cap.fc.wwpn);
        opt(out, inner, 'fabric_wwn', cap.fc.fabricWwn);
        out.push(`${pad}</capability>`);
      }
      if (cap.vportOps) {
        out.push(
          `${pad}<capability type='vport_ops'>`,
          `${inner}<max_vports>${cap.vportOps.maxVports}</max_vports>`,
          `${inner}<vports>${cap.vportOps.vports}</vports>`,
          `${pad}</capability>`,
        );
      }
      return;
    case 'scsi_target':
      opt(out, pad, 'target', cap.target);
      if (cap.fcRemotePort) {
        out.push(
          `${pad}<capability type='fc_remote_port'>`,
          `${inner}<rport>${cap.fcRemotePort.rport}</rport>`,
          `${inner}<wwpn>${cap.fcRemotePort.wwpn}</wwpn>`,
          `${pad}</capability>`,
        );
      }
      return;
    case 'scsi':
      out.push(`${pad}<host>${cap.host}</host>`, `${pad}<bus>${cap.bus}</bus>`);
      out.push(`${pad}<target>${cap.target}</target>`, `${pad}<lun>${cap.lun}</lun>`);
      opt(out, pad, 'type', cap.scsiType);
      return;
    case 'usb_device': {
      const id = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
      out.push(`${pad}<bus>${cap.bus | 0}</bus>`, `${pad}<device>${cap.device | 0}</device>`);
      const named = (tag: string, n: number, name: string | undefined) =>
        name === undefined ? `${pad}<${tag} id='${id(n)}' />` : `${pad}<${tag} id='${id(n)}'>${escapeXml(name)}</${tag}>`;
      out.push(named('product', cap.product, cap.productName), named('vendor', cap.vendor, cap.vendorName));
      return;
    }
    case 'usb':
      out.push(`${pad}<number>${cap.number | 0}</number>`, `${pad}<class>${cap.klass | 0}</class>`);
      out.push(`${pad}<subclass>${cap.subclass | 0}</subclass>`, `${pad}<protocol>${cap.protocol | 0}</protocol>`);
      opt(out, pad, 'description', cap.description);
      return;
    case 'drm':
      out.push(`${pad}<type>${cap.drmType}</type>`);
      return;
    case 'net': {
      opt(out, pad, 'interface', cap.ifname);
      opt(out, pad, 'address', cap.address);
      const { speed, state } = cap.link;
      if (speed || state) out.push(`${pad}<link${speed ? ` speed='${speed}'` : ''}${state ? ` state='${state}'` : ''}/>`);
      for (const f of cap.features) out.push(`${pad}<feature name='${f}'/>`);
      if (cap.subtype) out.push(`${pad}<capability type='${cap.subtype}'/>`);
      return;
    }
  }
}

/** virNodeDeviceDefFormat */
export function formatNodeDevice(def: NodeDeviceDef): string {
  const out = ['<device>'];
  opt(out, '  ', 'name', def.name);
  opt(out, '  ', 'path', def.path);
  if (def.devnode !== undefined) out.push(`  <devnode type='dev'>${escapeXml(def.devnode)}</devnode>`);
  for (const link of def.devlinks) out.push(`  <devnode type='link'>${escapeXml(link)}</devnode>`);
  opt(out, '  ', 'parent', def.parent);
  if (def.driver !== undefined) out.push('  <driver>', `    <name>${escapeXml(def.driver)}</name>`, '  </driver>');
  for (const cap of def.caps) {
    out.push(`  <capability type='${cap.type}'>`);
    formatCap(cap, out, '    ');
    out.push('  </capability>');
  }
  out.push('</device>');
  return out.join('\n') + '\n';
}
