import { GetAllStats, StatsTypes, type DomainDeviceApi, type DomainStatsRecord, type TypedParam } from '../../../api/domain-devices.js';
import { DomainState } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import { findByUUID, handleOf, isActive, type DomainObj } from '../domain/state.js';

import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';
import { privateOf } from './private.js';
import { invalidArg } from '../../../errors.js';

type AllStatsOps = Pick<DomainDeviceApi, 'connectGetAllDomainStats' | 'domainListGetStats'>;

const SUPPORTED = StatsTypes.STATE | StatsTypes.IOTHREAD;
const G = GetAllStats;
const FILTERS = G.ACTIVE | G.INACTIVE | G.PERSISTENT | G.TRANSIENT | G.RUNNING | G.PAUSED | G.SHUTOFF | G.OTHER;

/** A filter pair or group passes when none of its bits is set, or one set bit matches. */
function group(flags: number, pairs: Array<[number, boolean]>): boolean {
  if (!pairs.some(([bit]) => flags & bit)) return true;
  return pairs.some(([bit, ok]) => !!(flags & bit) && ok);
}

function matches(obj: DomainObj, flags: number): boolean {
  const st = obj.state;
  const known: number[] = [DomainState.RUNNING, DomainState.PAUSED, DomainState.SHUTOFF];
  return (
    group(flags, [[G.ACTIVE, isActive(obj)], [G.INACTIVE, !isActive(obj)]]) &&
    group(flags, [[G.PERSISTENT, obj.persistent], [G.TRANSIENT, !obj.persistent]]) &&
    group(flags, [
      [G.RUNNING, st === DomainState.RUNNING],
      [G.PAUSED, st === DomainState.PAUSED],
      [G.SHUTOFF, st === DomainState.SHUTOFF],
      [G.OTHER, !known.includes(st)],
    ])
  );
}

/** testDomainGetStats: the state group, then the IOThreads added at run time. */
function record(obj: DomainObj, stats: number): DomainStatsRecord {
  const params: TypedParam[] = [];
  if (stats & StatsTypes.STATE) {
    params.push({ field: 'state.state', type: 1, value: obj.state }, { field: 'state.reason', type: 1, value: obj.reason });
  }
  const threads = privateOf(obj).iothreads;
  if (stats & StatsTypes.IOTHREAD && isActive(obj) && threads.length) {
    params.push({ field: 'iothread.count', type: 2, value: threads.length });
    for (const t of threads) {
      params.push(
        { field: `iothread.${t.id}.poll-max-ns`, type: 4, value: t.pollMaxNs },
        { field: `iothread.${t.id}.poll-grow`, type: 2, value: t.pollGrow },
        { field: `iothread.${t.id}.poll-shrink`, type: 2, value: t.pollShrink },
      );
    }
  }
  return { dom: handleOf(obj), params };
}

export function allStatsOps(c: DevCtx): AllStatsOps {
  const collect = (objs: DomainObj[], stats: number, flags: number) => {
    checkFlags(flags, FILTERS | G.NOWAIT | G.BACKING | G.ENFORCE_STATS, 'testConnectGetAllDomainStats');
    let want = stats;
    if (!want) want = SUPPORTED;
    else if (flags & G.ENFORCE_STATS && want & ~SUPPORTED) {
      throw virErr('ARGUMENT_UNSUPPORTED', `Stats types bits 0x${(want & ~SUPPORTED).toString(16)} are not supported by this daemon`);
    }
    return objs.filter((o) => matches(o, flags & FILTERS)).map((o) => record(o, want));
  };
  return {
    connectGetAllDomainStats: async (stats, flags) => collect(c.node.domains.objs, stats, flags),
    domainListGetStats: async (doms, stats, flags) => {
      if (doms.length === 0) throw invalidArg('doms in virDomainListGetStats must not be empty');
      const objs = doms.map((d) => findByUUID(c.node.domains, d.uuid)).filter((o): o is DomainObj => !!o);
      return collect(objs, stats, flags);
    },
  };
}
