import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';
import { child } from '../../../xml/tree.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { setMaxVcpus, setOnlineVcpus, vcpuOnline } from '../../../xml/domain/vcpus.js';
import { hostOps } from '../host.js';
import { isActive } from '../domain/state.js';
import { defsFor, oneDef } from './common.js';
import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';
import { allSet, isAllClear, lastSetBit, parseCpuList, resize } from '../../../cpumap.js';

type VcpuOps = Pick<
  DomainDeviceApi,
  | 'domainGetVcpusFlags'
  | 'domainSetVcpusFlags'
  | 'domainSetVcpus'
  | 'domainGetMaxVcpus'
  | 'domainGetVcpus'
  | 'domainGetVcpuPinInfo'
  | 'domainPinVcpuFlags'
  | 'domainPinVcpu'
  | 'domainGetEmulatorPinInfo'
  | 'domainPinEmulator'
>;

const LIVE = 1;
const CONFIG = 2;
const MAXIMUM = 4;

export function vcpuOps(c: DevCtx): VcpuOps {
  /** <vcpu cpuset=…>: the domain-wide CPU mask, if any. */
  const defCpumask = async (def: DomainDef) => {
    const set = child(c.tree(def), 'vcpu')?.attrs.cpuset;
    return set ? parseCpuList(set, await c.hostCpus()) : undefined;
  };
  const vcpuMask = async (def: DomainDef, i: number) =>
    (await c.tun(def)).vcpupin[i] ?? (await defCpumask(def)) ?? allSet(await c.hostCpus());

  const getVcpusFlags: VcpuOps['domainGetVcpusFlags'] = async (dom, flags) => {
    checkFlags(flags, LIVE | CONFIG | MAXIMUM, 'testDomainGetVcpusFlags');
    const def = oneDef(c.obj(dom), flags);
    return flags & MAXIMUM ? def.maxVcpus : def.vcpus;
  };

  const setVcpusFlags: VcpuOps['domainSetVcpusFlags'] = async (dom, n, flags) => {
    checkFlags(flags, LIVE | CONFIG | MAXIMUM, 'testDomainSetVcpusFlags');
    const max = await hostOps(c.node).getMaxVcpus('test');
    // The count is unsigned, and libvirt prints it with %d.
    const signed = n | 0;
    if (n > max) throw virErr('INVALID_ARG', `requested cpu amount exceeds maximum supported amount (${signed} > ${max})`);
    const { live, config } = defsFor(c.obj(dom), flags);
    if (live && live.maxVcpus < n) {
      throw virErr('INVALID_ARG', `requested cpu amount exceeds maximum (${signed} > ${live.maxVcpus})`);
    }
    if (config && !(flags & MAXIMUM) && config.maxVcpus < n) {
      throw virErr('INVALID_ARG', `requested cpu amount exceeds maximum (${signed} > ${config.maxVcpus})`);
    }
    if (live) setOnlineVcpus(live, n);
    if (config) {
      if (flags & MAXIMUM) setMaxVcpus(config, n);
      else setOnlineVcpus(config, n);
    }
  };

  const pinVcpuFlags: VcpuOps['domainPinVcpuFlags'] = async (dom, vcpu, cpumap, flags) => {
    checkFlags(flags, 0, 'testDomainPinVcpuFlags');
    const obj = c.obj(dom);
    if (!isActive(obj)) throw virErr('OPERATION_INVALID', 'cannot pin vcpus on an inactive domain');
    if (!vcpuOnline(obj.def, vcpu)) throw virErr('INVALID_ARG', `requested vcpu '${vcpu}' is not present in the domain`);
    (await c.tun(obj.def)).vcpupin[vcpu] = resize(cpumap, cpumap.length);
    await c.commit(obj.def);
  };

  return {
    domainGetVcpusFlags: getVcpusFlags,
    domainGetMaxVcpus: (dom) => getVcpusFlags(dom, LIVE | MAXIMUM),
    domainSetVcpusFlags: setVcpusFlags,
    /** testDomainSetVcpus: the live domain. */
    domainSetVcpus: (dom, n) => setVcpusFlags(dom, n, LIVE),
    domainGetVcpus: async (dom, maxinfo) => {
      const obj = c.obj(dom);
      if (!isActive(obj)) throw virErr('OPERATION_INVALID', 'cannot list vcpus for an inactive domain');
      const n = Math.min(maxinfo, obj.def.vcpus);
      const cpuTime = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000)) / 10n;
      const info = [];
      const cpumaps = [];
      for (let i = 0; i < n; i++) {
        // An offline vCPU among the first ones is left zeroed: offline, no CPU, empty map.
        if (!vcpuOnline(obj.def, i)) {
          cpumaps.push(resize([], await c.hostCpus()));
          info.push({ number: 0, state: 0, cpuTime: 0n, cpu: 0 });
          continue;
        }
        const mask = await vcpuMask(obj.def, i);
        cpumaps.push(mask);
        info.push({ number: i, state: 1, cpuTime, cpu: lastSetBit(mask) });
      }
      return { info, cpumaps };
    },
    domainGetVcpuPinInfo: async (dom, ncpumaps, flags) => {
      const def = oneDef(c.obj(dom), flags);
      const maps = [];
      for (let i = 0; i < Math.min(ncpumaps, def.maxVcpus); i++) maps.push(await vcpuMask(def, i));
      return maps;
    },
    domainPinVcpuFlags: pinVcpuFlags,
    /** testDomainPinVcpu: the flag-less call. */
    domainPinVcpu: (dom, vcpu, cpumap) => pinVcpuFlags(dom, vcpu, cpumap, 0),
    domainGetEmulatorPinInfo: async (dom, flags) => {
      checkFlags(flags, LIVE | CONFIG, 'testDomainGetEmulatorPinInfo');
      const def = oneDef(c.obj(dom), flags);
      return (await c.tun(def)).emulatorpin ?? (await defCpumask(def)) ?? allSet(await c.hostCpus());
    },
    domainPinEmulator: async (dom, cpumap, flags) => {
      checkFlags(flags, LIVE | CONFIG, 'testDomainPinEmulator');
      const def = oneDef(c.obj(dom), flags);
      if (isAllClear(cpumap)) throw virErr('INVALID_ARG', 'Empty cpu list for pinning');
      (await c.tun(def)).emulatorpin = [...cpumap];
      await c.commit(def);
    },
  };
}
