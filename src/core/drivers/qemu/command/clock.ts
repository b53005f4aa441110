import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr } from './util.js';
import { qemuError } from './errors.js';

const TRACK: Record<string, string> = { guest: 'clock=vm', wall: 'clock=host', realtime: 'clock=rt' };

/** -rtc base=…[,clock=…][,driftfix=slew] and the PIT's tick policy (qemuBuildClockCommandLine). */
export function buildClock(cmd: QemuCommand, def: DomainDef): void {
  const base: Record<string, string> = { utc: 'base=utc', localtime: 'base=localtime', timezone: 'base=localtime' };
  let rtc = base[def.clock.offset];
  if (!rtc) throw qemuError('CONFIG_UNSUPPORTED', `unsupported clock offset '${def.clock.offset}'`);
  const timer = def.clock.timers.find((t) => attr(t, 'name') === 'rtc');
  const track = attr(timer, 'track');
  if (track && TRACK[track]) rtc += `,${TRACK[track]}`;
  if (attr(timer, 'tickpolicy') === 'catchup') rtc += ',driftfix=slew';
  cmd.add('-rtc', rtc);
  const tz = def.clock.attrs.find(([k]) => k === 'timezone')?.[1];
  if (def.clock.offset === 'timezone' && tz) cmd.setEnv('TZ', tz);
  // QEMU 7.2 still has -no-hpet (libvirt then leaves the machine's hpet property alone).
  for (const t of def.clock.timers) {
    const name = attr(t, 'name');
    const policy = attr(t, 'tickpolicy');
    if (name === 'pit' && (policy === 'delay' || policy === 'discard')) cmd.add('-global', `kvm-pit.lost_tick_policy=${policy}`);
    if (name === 'hpet' && attr(t, 'present') === 'no') cmd.add('-no-hpet');
  }
}
