import type { NodeDeviceDef } from '../../../xml/nodedev/index.js';

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
