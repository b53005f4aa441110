import { diskView, type DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';

/** What the snapshot code reads from one domain disk (virDomainDiskDef / virStorageSource). */
export interface QemuDiskInfo {
  dst: string;
  /** 'disk', 'cdrom', 'floppy', 'lun'. */
  device: string;
  /** Storage type: 'file', 'block', 'network', 'volume', 'dir', 'nvme', 'vhostuser'. */
  type: string;
  source?: string;
  /** `<driver type>`: the image format, undefined when not given. */
  format?: string;
  /** `<source protocol>` of a network disk. */
  protocol?: string;
  readonly: boolean;
  /** virStorageSourceIsEmpty */
  empty: boolean;
}

/** vm->def->disks in order. */
export function qemuDisks(def: DomainDef): QemuDiskInfo[] {
  return def.devices
    .filter((d) => d.kind === 'disk')
    .map((d) => {
      const v = diskView(d);
      const local = v.type === 'file' || v.type === 'block' || v.type === 'dir';
      return {
        dst: v.target ?? '',
        device: v.device,
        type: v.type,
        source: v.source,
        format: v.driverType,
        protocol: attr(sub(d.el, 'source'), 'protocol'),
        readonly: v.readonly,
        empty: local ? !v.source : v.type === 'none',
      };
    });
}

/** virStorageSourceIsLocalStorage */
export const isLocalStorage = (d: QemuDiskInfo): boolean => d.type === 'file' || d.type === 'block' || d.type === 'dir';
