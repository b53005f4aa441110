import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import type { TestNode } from '../node.js';
import { devCtx } from './context.js';
import { unsupportedOps } from './unsupported.js';
import { statsOps } from './stats.js';
import { vcpuOps } from './vcpu.js';
import { memoryOps } from './memory.js';
import { tuneOps } from './tune.js';
import { iothreadOps } from './iothreads.js';
import { guestOps } from './guest.js';
import { allStatsOps } from './allstats.js';
import { dumpOps } from './dump.js';
import { lifecycleOps } from './lifecycle.js';
import { migrateOps } from './migrate.js';

export function domainDeviceOps(node: TestNode): DomainDeviceApi {
  const c = devCtx(node);
  return {
    ...unsupportedOps(),
    ...statsOps(c),
    ...vcpuOps(c),
    ...memoryOps(c),
    ...tuneOps(c),
    ...iothreadOps(c),
    ...guestOps(c),
    ...allStatsOps(c),
    ...dumpOps(node),
    ...lifecycleOps(c),
    ...migrateOps(),
  };
}
