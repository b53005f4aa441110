import { DeviceModify } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';

/** Which definitions a device call edits once CURRENT is resolved. */
export interface Impact {
  live: boolean;
  config: boolean;
}

/**
 * virDomainObjUpdateModificationImpact: CURRENT means the running guest when there is one,
 * else the persistent config; LIVE needs a running guest, CONFIG a persistent domain.
 */
export function modificationImpact(obj: QemuDomainObj, flags: number): Impact {
  const active = isActive(obj);
  let live = !!(flags & DeviceModify.LIVE);
  let config = !!(flags & DeviceModify.CONFIG);
  if (!live && !config) {
    live = active;
    config = !active;
  }
  if (!active && live) throw virErr('OPERATION_INVALID', 'domain is not running');
  if (!obj.persistent && config) throw virErr('OPERATION_INVALID', 'transient domains do not have any persistent config');
  return { live, config };
}
