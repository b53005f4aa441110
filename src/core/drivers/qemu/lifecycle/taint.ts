import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { libvirtWarn } from '../../../libvirt-log.js';

/**
 * qemuDomainObjCheckTaint's checks that apply here: a privileged driver running QEMU as root
 * (qemu.conf user or group 0) taints the guest, and libvirt warns about it once per start.
 */
export function taintsAtStart(drv: QemuDriver, obj: QemuDomainObj): string[] {
  const taints: string[] = [];
  if (process.getuid?.() === 0 && (drv.caps.conf.uid === 0 || drv.caps.conf.gid === 0)) taints.push('high-privileges');
  for (const t of taints)
    libvirtWarn('qemuDomainObjTaintMsg:6603', `Domain id=${obj.id} name='${obj.def.name}' uuid=${obj.def.uuid} is tainted: ${t}`);
  return taints;
}

/** virDomainTaintMessage, for virDomainGetMessages. */
export const TAINT_MESSAGES: Record<string, string> = {
  'custom-argv': 'custom configuration parameters specified',
  'custom-monitor': 'custom monitor control commands issued',
  'high-privileges': 'running with undesirable elevated privileges',
  'shell-scripts': 'network configuration using opaque shell scripts',
  'disk-probing': 'potentially unsafe disk format probing',
  'external-launch': 'managing externally launched configuration',
  'host-cpu': 'potentially unsafe use of host CPU passthrough',
  'hook-script': 'configuration potentially modified by hook script',
  'cdrom-passthrough': 'use of host cdrom passthrough',
  'custom-dtb': 'custom device tree blob used',
  'custom-ga-command': 'custom guest agent control commands issued',
  'custom-hypervisor-feature': 'hypervisor feature autodetection override',
  'deprecated-config': 'use of deprecated configuration settings',
  'custom-device': 'custom device configuration',
};
