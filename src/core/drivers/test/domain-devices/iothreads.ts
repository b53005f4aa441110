import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { oneDef, unknownError } from './common.js';
import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';
import { allSet, isAllClear, parseCpuList } from '../../../cpumap.js';
import { child } from '../../../xml/tree.js';
import { privateOf } from './private.js';
import { validateParams } from './params.js';

type IOThreadOps = Pick<
  DomainDeviceApi,
  | 'domainGetIOThreadInfo'
  | 'domainAddIOThread'
  | 'domainDelIOThread'
  | 'domainPinIOThread'
  | 'domainSetIOThreadParams'
>;

const AFFECT = 1 | 2;

function zeroId(id: number): void {
  if (id === 0) throw virErr('INVALID_ARG', 'invalid value of 0 for iothread_id');
}

export function iothreadOps(c: DevCtx): IOThreadOps {
  const ids = async (def: DomainDef) => (await c.tun(def)).iothreads;
  return {
    domainGetIOThreadInfo: async (dom, flags) => {
      checkFlags(flags, AFFECT, 'testDomainGetIOThreadInfo');
      const def = oneDef(c.obj(dom), flags);
      // Threads without their own pinning follow <vcpu cpuset>, else report every vCPU index
      // (the driver's bitmap size).
      const set = child(c.tree(def), 'vcpu')?.attrs.cpuset;
      const fallback = (set ? parseCpuList(set, await c.hostCpus()) : undefined) ?? allSet(def.vcpus);
      return (await ids(def)).map((t) => ({ iothreadId: t.id, cpumap: t.cpumask ?? fallback }));
    },
    domainAddIOThread: async (dom, id, flags) => {
      checkFlags(flags, AFFECT, 'testDomainAddIOThread');
      zeroId(id);
      const obj = c.obj(dom);
      const list = await ids(oneDef(obj, flags));
      if (list.some((t) => t.id === id)) {
        throw virErr('INVALID_ARG', `an IOThread is already using iothread_id '${id}'`);
      }
      list.push({ id, autofill: false });
      await c.commit(oneDef(obj, flags));
      privateOf(obj).iothreads.push({ id, pollMaxNs: 32768n, pollGrow: 0, pollShrink: 0 });
    },
    domainDelIOThread: async (dom, id, flags) => {
      checkFlags(flags, AFFECT, 'testDomainDelIOThread');
      zeroId(id);
      const obj = c.obj(dom);
      const list = await ids(oneDef(obj, flags));
      const i = list.findIndex((t) => t.id === id);
      if (i < 0) throw virErr('INVALID_ARG', `cannot find IOThread '${id}' in iothreadids list`);
      // The threads after a removed one keep their ids in the XML from now on.
      for (const t of list.slice(i + 1)) t.autofill = false;
      list.splice(i, 1);
      await c.commit(oneDef(obj, flags));
      const priv = privateOf(obj).iothreads;
      const j = priv.findIndex((t) => t.id === id);
      if (j >= 0) priv.splice(j, 1);
    },
    domainPinIOThread: async (dom, id, cpumap, flags) => {
      checkFlags(flags, AFFECT, 'testDomainPinIOThread');
      const def = oneDef(c.obj(dom), flags);
      if (isAllClear(cpumap)) throw virErr('INVALID_ARG', 'Empty iothread cpumap list for pinning');
      const t = (await ids(def)).find((x) => x.id === id);
      if (!t) throw virErr('INVALID_ARG', `iothreadid ${id} not found`);
      t.cpumask = [...cpumap];
      t.autofill = false;
      await c.commit(def);
    },
    domainSetIOThreadParams: async (dom, id, params, flags) => {
      checkFlags(flags, 1, 'testDomainSetIOThreadParams');
      zeroId(id);
      const obj = c.obj(dom);
      if (!(await ids(oneDef(obj, flags))).some((t) => t.id === id)) {
        throw virErr('INVALID_ARG', `cannot find IOThread '${id}' in iothreadids`);
      }
      const t = privateOf(obj).iothreads.find((x) => x.id === id);
      if (!t) throw unknownError();
      validateParams(params, { poll_max_ns: 4, poll_grow: 2, poll_shrink: 2 });
      for (const p of params) {
        if (p.field === 'poll_max_ns') t.pollMaxNs = p.value as bigint;
        else if (p.field === 'poll_grow') t.pollGrow = p.value as number;
        else t.pollShrink = p.value as number;
      }
    },
  };
}
