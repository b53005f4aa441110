import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, subs } from './util.js';

/** IOThread ids: <iothreadids> when given, else 1..<iothreads>. */
function iothreadIds(def: DomainDef): number[] {
  const list = def.iothreads ?? [];
  const ids = subs(list.find((e) => e.name === 'iothreadids'), 'iothread').map((t) => Number(attr(t, 'id')));
  const count = Number(list.find((e) => e.name === 'iothreads')?.text ?? ids.length);
  for (let id = 1; ids.length < count; id++) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** An iothread object per IOThread (qemuBuildIOThreadCommandLine). */
export function buildIOThreads(cmd: QemuCommand, def: DomainDef): void {
  for (const id of iothreadIds(def)) cmd.addJson('-object', { 'qom-type': 'iothread', id: `iothread${id}` });
}

/** <vmcoreinfo state='on'/> is a device of its own. */
export function buildVmcoreinfo(cmd: QemuCommand, def: DomainDef): void {
  const f = (def.features?.children ?? []).find((c) => c.name === 'vmcoreinfo');
  if (f && attr(f, 'state') !== 'off') cmd.addJson('-device', { driver: 'vmcoreinfo' });
}
