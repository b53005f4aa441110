import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { hasNuma } from './machine.js';
import { sub } from './util.js';

/** -m, the default RAM backend object and -overcommit (qemuBuildMemCommandLine). */
export function buildMemory(cmd: QemuCommand, def: DomainDef): void {
  const initial = def.memory;
  if (def.maxMemory && def.maxMemory.slots > 0) cmd.add('-m', `size=${initial}k,slots=${def.maxMemory.slots},maxmem=${def.maxMemory.kib}k`);
  else cmd.add('-m', `${Math.floor(initial / 1024)}`);
  if (!hasNuma(def)) cmd.addJson('-object', { 'qom-type': 'memory-backend-ram', id: 'pc.ram', size: initial * 1024 });
  cmd.add('-overcommit', `mem-lock=${sub(def.memoryBacking, 'locked') ? 'on' : 'off'}`);
}
