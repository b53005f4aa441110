// qemuDomainOpenConsole with virChrdevOpen's bookkeeping: one stream per pty in this driver,
// a second open refused unless forced (which ends the first), and the device's lock file held
// while the stream is open.
import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import type { VolStream } from '../../../api/storage.js';
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import { isActive } from '../domain/obj.js';
import { findConsoleChr } from './find.js';
import { lockDevice, unlockDevice } from './lock.js';
import { openPtyStream } from './pty-stream.js';

/** virDomainConsoleFlags */
export const ConsoleFlags = { FORCE: 1, SAFE: 2 } as const;

/** The driver's open console streams by pty path (priv->devs). */
const sessions = new WeakMap<QemuDriver, Map<string, ReturnType<typeof openPtyStream>>>();
function sessionsOf(drv: QemuDriver) {
  let m = sessions.get(drv);
  if (!m) sessions.set(drv, (m = new Map()));
  return m;
}

export function consoleOps(drv: QemuDriver): Pick<DomainDeviceApi, 'domainOpenConsole'> {
  return {
    async domainOpenConsole(dom, devName, flags): Promise<VolStream> {
      checkFlags(flags, ConsoleFlags.FORCE | ConsoleFlags.SAFE, 'qemuDomainOpenConsole');
      const o = drv.domains.fromHandle(dom);
      if (!isActive(o)) throw virErr('OPERATION_INVALID', 'domain is not running');
      const chr = findConsoleChr(o.def, devName);
      const path = chr.path;
      if (!path) throw virErr('OPERATION_FAILED', 'PTY device is not yet assigned');
      const open = sessionsOf(drv);
      const existing = open.get(path);
      if (existing && !(flags & ConsoleFlags.FORCE)) throw virErr('OPERATION_FAILED', 'Active console session exists for this domain');
      existing?.abortedElsewhere();
      lockDevice(path);
      let stream: ReturnType<typeof openPtyStream>;
      try {
        stream = openPtyStream(path, () => {
          if (open.get(path) !== stream) return;
          open.delete(path);
          unlockDevice(path);
        });
      } catch (e) {
        unlockDevice(path);
        throw e;
      }
      open.set(path, stream);
      return stream;
    },
  };
}
