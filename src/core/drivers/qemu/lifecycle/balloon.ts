// The balloon at start and takeover: qemuProcessSetupBalloon starts the guest statistics at
// the configured period and sizes the balloon; what QEMU then reports is the current memory.
import type { DomainDef } from '../../../xml/domain/index.js';
import { balloonOf, statsPeriod } from '../monitor/memory.js';
import type { QmpClient } from '../qmp/index.js';

/** qemuProcessSetupBalloon */
export async function setupBalloon(qmp: QmpClient, def: DomainDef): Promise<void> {
  const balloon = balloonOf(def);
  if (!balloon) return;
  const period = statsPeriod(def);
  // libvirt ignores a failure to set the period here.
  if (period)
    await qmp.execute('qom-set', { path: `/machine/peripheral/${balloon.info.alias}`, property: 'guest-stats-polling-interval', value: period }).catch(() => undefined);
  await qmp.execute('balloon', { value: def.currentMemory * 1024 });
}

/**
 * qemuProcessRefreshBalloonState: the live definition's current memory is what the balloon
 * holds now (the full size without a balloon device).
 */
export async function refreshBalloonState(qmp: QmpClient, def: DomainDef): Promise<void> {
  if (!balloonOf(def)) {
    def.currentMemory = def.memory;
    return;
  }
  const { actual } = await qmp.execute<{ actual: number }>('query-balloon');
  def.currentMemory = Math.floor(actual / 1024);
}
