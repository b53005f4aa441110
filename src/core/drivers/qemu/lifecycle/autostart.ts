// qemuAutostartDomains: when the hosting daemon starts (the first time since boot), every
// inactive domain marked autostart is started as `start` would start it. A guest that fails
// to start is reported and skipped; the others still start.
import { virErr } from '../../../errors.js';
import type { QemuDriver } from '../driver.js';
import { handleOf, isActive } from '../domain/obj.js';
import { lifecycleOps } from './ops.js';

export async function autostartDomains(drv: QemuDriver, report: (err: Error) => void): Promise<void> {
  const { domainCreate } = lifecycleOps(drv);
  for (const obj of [...drv.domains.objs]) {
    if (!obj.autostart || isActive(obj)) continue;
    try {
      await domainCreate(handleOf(obj), 0);
    } catch (e) {
      report(virErr('INTERNAL_ERROR', `Failed to autostart VM '${obj.def.name}': ${(e as Error).message}`));
    }
  }
}
