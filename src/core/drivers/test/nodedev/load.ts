import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseXmlDocument } from '../../../xml/parse.js';
import type { XNode } from '../../../xml/tree.js';
import type { NodeDeviceDef } from '../../../xml/nodedev/index.js';
import type { LoadContext } from '../node.js';

/** testParseXMLDocFromFile: `<device file='x.xml'/>` stands for that file's <device> root. */
export function loadDeviceElement(el: XNode, ctx: LoadContext): XNode {
  const file = el.attrs.file;
  if (file === undefined) return el;
  const abs = isAbsolute(file) ? file : join(ctx.baseDir, file);
  return parseXmlDocument(readFileSync(abs, 'utf8'), abs, 'device');
}

/**
 * virNodeDeviceObjHasCap: a device has its capabilities' types, plus the nested ones
 * (fc_host and vports under scsi_host, mdev_types and vpd under pci, mdev_types under css
 * and ap_matrix).
 */
export function deviceHasCap(def: NodeDeviceDef, cap: string): boolean {
  return def.caps.some(
    (c) =>
      c.type === cap ||
      (c.type === 'scsi_host' && ((cap === 'fc_host' && !!c.fc) || (cap === 'vports' && !!c.vportOps))) ||
      (c.type === 'pci' && ((cap === 'mdev_types' && !!c.mdevTypes) || (cap === 'vpd' && !!c.vpd))) ||
      ((c.type === 'css' || c.type === 'ap_matrix') && cap === 'mdev_types' && !!c.mdevTypes),
  );
}
