import type { DomainDeviceApi, TypedParam } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';
import { oneDef, oneDefState } from './common.js';
import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';
import { maxMemoryKiB, numaNodeCount } from './view.js';
import { validateParams } from './params.js';
import { invalidArg } from '../../../errors.js';

type MemoryOps = Pick<
  DomainDeviceApi,
  | 'domainSetMemoryFlags'
  | 'domainSetMemory'
  | 'domainSetMaxMemory'
  | 'domainGetMaxMemory'
  | 'domainGetMemoryParameters'
  | 'domainSetMemoryParameters'
>;

const LIVE = 1;
const CONFIG = 2;
const MAXIMUM = 4;
const ULLONG = 4;
/** VIR_TYPED_PARAM_STRING_OKAY, which the public API adds for every getter. */
const STRING_OKAY = 4;

export function memoryOps(c: DevCtx): MemoryOps {
  const setMemoryFlags = async (api: string, dom: Parameters<MemoryOps['domainSetMemoryFlags']>[0], memory: bigint, flags: number) => {
    if (memory === 0n) throw invalidArg(`memory in ${api} must not be zero`);
    checkFlags(flags, LIVE | CONFIG | MAXIMUM, 'testDomainSetMemoryFlags');
    const { def, live } = oneDefState(c.obj(dom), flags);
    const kib = Number(memory);
    if (flags & MAXIMUM) {
      if (live) throw virErr('OPERATION_INVALID', 'cannot resize the maximum memory on an active domain');
      const tree = c.tree(def);
      if (numaNodeCount(tree) > 0) {
        throw virErr('OPERATION_INVALID', 'initial memory size of a domain with NUMA nodes cannot be modified with this API');
      }
      const max = maxMemoryKiB(tree);
      if (max && max < kib) {
        throw virErr('OPERATION_INVALID', 'cannot set initial memory size greater than the maximum memory size');
      }
      def.memory = kib;
      if (def.currentMemory > kib) def.currentMemory = kib;
    } else {
      if (kib > def.memory) throw virErr('INVALID_ARG', 'cannot set memory higher than max memory');
      def.currentMemory = kib;
    }
  };

  return {
    domainSetMemoryFlags: (dom, memory, flags) => setMemoryFlags('virDomainSetMemoryFlags', dom, memory, flags),
    domainSetMemory: (dom, memory) => setMemoryFlags('virDomainSetMemory', dom, memory, LIVE),
    domainSetMaxMemory: (dom, memory) => setMemoryFlags('virDomainSetMaxMemory', dom, memory, MAXIMUM),
    domainGetMaxMemory: async (dom) => BigInt(c.obj(dom).def.memory),
    domainGetMemoryParameters: async (dom, flags) => {
      checkFlags(flags | STRING_OKAY, LIVE | CONFIG | 4, 'testDomainGetMemoryParameters');
      const t = await c.tun(oneDef(c.obj(dom), flags));
      const p = (field: string, value: bigint): TypedParam => ({ field, type: ULLONG, value });
      return [p('hard_limit', t.hardLimit), p('soft_limit', t.softLimit), p('swap_hard_limit', t.swapHardLimit)];
    },
    domainSetMemoryParameters: async (dom, params, flags) => {
      if (params.length === 0) throw invalidArg('nparams in virDomainSetMemoryParameters must be greater than zero');
      checkFlags(flags, LIVE | CONFIG, 'testDomainSetMemoryParameters');
      validateParams(params, { hard_limit: ULLONG, soft_limit: ULLONG, swap_hard_limit: ULLONG });
      const obj = c.obj(dom);
      const def = oneDef(obj, flags);
      const get = (f: string) => params.findLast((p) => p.field === f)?.value as bigint | undefined;
      const hard = get('hard_limit');
      const soft = get('soft_limit');
      const swap = get('swap_hard_limit');
      // The test driver compares against the running definition's current limits.
      const cur = await c.tun(obj.def);
      if (hard !== undefined || swap !== undefined) {
        const memLimit = hard ?? cur.hardLimit;
        const swapLimit = swap ?? cur.swapHardLimit;
        if (memLimit > swapLimit) {
          throw virErr('INVALID_ARG', 'memory hard_limit tunable value must be lower than or equal to swap_hard_limit');
        }
      }
      const t = await c.tun(def);
      if (soft !== undefined) t.softLimit = soft;
      if (hard !== undefined) t.hardLimit = hard;
      if (swap !== undefined) t.swapHardLimit = swap;
      await c.commit(def);
    },
  };
}

