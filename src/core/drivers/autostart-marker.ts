// virDriverShouldAutostart: a driver autostarts its objects only on the first start of its
// host daemon since boot. The marker file lives in the driver's runtime directory (gone at
// reboot), so a daemon restarted by `-t` idling out or by a crash never autostarts again.
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

export const AUTOSTART_MARKER = 'autostarted';

/** Whether to autostart now; the first caller since boot leaves the marker for the others. */
export function driverShouldAutostart(stateDir: string): boolean {
  const marker = join(stateDir, AUTOSTART_MARKER);
  if (existsSync(marker)) return false;
  mkdirSync(stateDir, { recursive: true });
  closeSync(openSync(marker, 'a', 0o600));
  return true;
}
