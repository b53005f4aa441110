import type { DomainDeviceApi, TypedParam } from '../../../api/domain-devices.js';
import type { DomainHandle } from '../../../api/handles.js';
import { VirError, virErr } from '../../../errors.js';
import { strToULongLongPrefix, UINT_MAX, ULONG_MAX } from '../../../strtol.js';
import { oneDef, oneDefState } from './common.js';
import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';
import { validateParams } from './params.js';
import { netFind } from './stats.js';
import { diskByName, nets } from './view.js';
import { parseCpuList } from '../../../cpumap.js';
import { PERF_EVENTS } from './sync.js';
import type { BandwidthRate, BlkioDevice } from './tunables.js';
import { invalidArg } from '../../../errors.js';

type TuneOps = Pick<
  DomainDeviceApi,
  | 'domainGetBlkioParameters'
  | 'domainSetBlkioParameters'
  | 'domainGetNumaParameters'
  | 'domainSetNumaParameters'
  | 'domainGetInterfaceParameters'
  | 'domainSetInterfaceParameters'
  | 'domainGetBlockIoTune'
  | 'domainSetBlockIoTune'
  | 'domainGetSchedulerType'
  | 'domainGetSchedulerParameters'
  | 'domainGetSchedulerParametersFlags'
  | 'domainSetSchedulerParameters'
  | 'domainSetSchedulerParametersFlags'
  | 'domainGetPerfEvents'
  | 'domainSetPerfEvents'
  | 'domainGetLaunchSecurityInfo'
>;

const AFFECT = 1 | 2;
/** VIR_TYPED_PARAM_STRING_OKAY, which the public API adds to the typed-parameter getters. */
const STRING_OKAY = 4;
const [INT, UINT, ULLONG, BOOLEAN, STRING] = [1, 2, 4, 6, 7];

/** virDomainBlockIoTuneInfo's fields, in the order the test driver reports them. */
const IOTUNE_FIELDS = [
  'total_bytes_sec', 'read_bytes_sec', 'write_bytes_sec', 'total_iops_sec', 'read_iops_sec',
  'write_iops_sec', 'total_bytes_sec_max', 'read_bytes_sec_max', 'write_bytes_sec_max',
  'total_iops_sec_max', 'read_iops_sec_max', 'write_iops_sec_max', 'size_iops_sec', 'group_name',
  'total_bytes_sec_max_length', 'read_bytes_sec_max_length', 'write_bytes_sec_max_length',
  'total_iops_sec_max_length', 'read_iops_sec_max_length', 'write_iops_sec_max_length',
];
const IOTUNE_MAX = 1000000000000000n;

const BANDWIDTH_FIELDS = [
  'inbound.average', 'inbound.peak', 'inbound.burst', 'inbound.floor',
  'outbound.average', 'outbound.peak', 'outbound.burst',
];

const BLKIO_LISTS: Array<[string, BlkioKey]> = [
  ['device_weight', 'weight'],
  ['device_read_iops_sec', 'riops'],
  ['device_write_iops_sec', 'wiops'],
  ['device_read_bytes_sec', 'rbps'],
  ['device_write_bytes_sec', 'wbps'],
];

const p = (field: string, type: number, value: TypedParam['value']): TypedParam => ({ field, type, value });

type BlkioKey = keyof Omit<BlkioDevice, 'path'>;

/**
 * virDomainDriverParseBlkioDeviceStr: "path,value,path,value" (an odd number of commas),
 * each value a whole number up to its end or the next comma; "" is no device at all.
 */
function parseBlkioDevices(text: string, key: BlkioKey, field: string): Array<[string, bigint]> {
  if (text === '') return [];
  const unparsable = () => virErr('INVALID_ARG', `unable to parse blkio device '${field}' '${text}'`);
  if (text.split(',').length % 2 !== 0) throw unparsable();
  const limit = key === 'rbps' || key === 'wbps' ? ULONG_MAX : UINT_MAX;
  const out: Array<[string, bigint]> = [];
  let rest = text;
  for (;;) {
    const comma = rest.indexOf(',');
    if (comma < 0) throw unparsable();
    const path = rest.slice(0, comma);
    rest = rest.slice(comma + 1);
    const n = strToULongLongPrefix(rest);
    if (!n || n.value > limit) throw virErr('INVALID_ARG', `invalid value '${rest}' for parameter '${field}' of device '${path}'`);
    out.push([path, n.value]);
    if (n.rest === '') return out;
    if (!n.rest.startsWith(',')) throw unparsable();
    rest = n.rest.slice(1);
  }
}

/** virDomainDriverMergeBlkioDevice: a new device whose value is 0 is not added. */
function mergeBlkio(devices: BlkioDevice[], parsed: Array<[string, bigint]>, key: BlkioKey): void {
  for (const [path, value] of parsed) {
    let dev = devices.find((d) => d.path === path);
    if (!dev) {
      if (!value) continue;
      dev = { path, weight: 0, riops: 0, wiops: 0, rbps: 0n, wbps: 0n };
      devices.push(dev);
    }
    if (key === 'rbps' || key === 'wbps') dev[key] = value;
    else dev[key] = Number(value);
  }
}

export function tuneOps(c: DevCtx): TuneOps {
  // The test driver reports a fixed weight and accepts (and drops) new ones.
  const getSched = async (dom: DomainHandle, flags: number) => {
    checkFlags(flags, 0, 'testDomainGetSchedulerParametersFlags');
    c.obj(dom);
    return [p('weight', UINT, 50)];
  };
  const setSched = async (dom: DomainHandle, params: TypedParam[], flags: number) => {
    checkFlags(flags, 0, 'testDomainSetSchedulerParametersFlags');
    validateParams(params, { weight: UINT });
    c.obj(dom);
  };
  return {
    domainGetBlkioParameters: async (dom, flags) => {
      checkFlags(flags | STRING_OKAY, AFFECT | STRING_OKAY, 'testDomainGetBlkioParameters');
      const t = await c.tun(oneDef(c.obj(dom), flags));
      const out = [p('weight', UINT, t.blkioWeight)];
      for (const [field, key] of BLKIO_LISTS) {
        const list = t.blkioDevices.filter((d) => d[key] !== 0 && d[key] !== 0n).map((d) => `${d.path},${d[key]}`);
        out.push(p(field, STRING, list.join(',')));
      }
      return out;
    },
    domainSetBlkioParameters: async (dom, params, flags) => {
      checkFlags(flags, AFFECT, 'testDomainSetBlkioParameters');
      validateParams(params, Object.fromEntries([['weight', UINT], ...BLKIO_LISTS.map(([f]) => [f, STRING])]));
      const def = oneDef(c.obj(dom), flags);
      const t = await c.tun(def);
      // virDomainDriverSetupPersistentDefBlkioParams: a list that does not parse is skipped,
      // the others still apply, and the call fails with the last list's error.
      let failed: VirError | undefined;
      for (const par of params) {
        if (par.field === 'weight') t.blkioWeight = par.value as number;
        else {
          const key = BLKIO_LISTS.find(([f]) => f === par.field)![1];
          try {
            mergeBlkio(t.blkioDevices, parseBlkioDevices(par.value as string, key, par.field), key);
          } catch (e) {
            if (!(e instanceof VirError)) throw e;
            failed = e;
          }
        }
      }
      await c.commit(def);
      if (failed) throw failed;
    },
    domainGetNumaParameters: async (dom, flags) => {
      checkFlags(flags | STRING_OKAY, AFFECT | STRING_OKAY, 'testDomainGetNumaParameters');
      const t = await c.tun(oneDef(c.obj(dom), flags));
      return [p('numa_mode', INT, t.numaMode ?? 0), p('numa_nodeset', STRING, t.numaNodeset ?? '')];
    },
    domainSetNumaParameters: async (dom, params, flags) => {
      checkFlags(flags, AFFECT, 'testDomainSetNumaParameters');
      validateParams(params, { numa_mode: INT, numa_nodeset: STRING });
      const { def, live } = oneDefState(c.obj(dom), flags);
      let mode = -1;
      let nodeset: string | undefined;
      for (const par of params) {
        if (par.field === 'numa_mode') {
          mode = par.value as number;
          if (mode < 0 || mode >= 4) throw virErr('INVALID_ARG', `unsupported numatune mode: '${mode}'`);
        } else {
          const text = par.value as string;
          const map = parseCpuList(text, 1024);
          if (!map) throw virErr('INVALID_ARG', `Failed to parse bitmap '${text}'`);
          if (!map.some(Boolean)) throw virErr('OPERATION_INVALID', `Invalid nodeset of 'numatune': ${text}`);
          nodeset = text;
        }
      }
      const t = await c.tun(def);
      if (live && mode !== -1 && t.numaMode !== undefined && t.numaMode !== mode) {
        throw virErr('OPERATION_INVALID', "can't change numatune mode for running domain");
      }
      const newNodeset = nodeset ?? t.numaNodeset;
      if (!newNodeset) {
        throw virErr('CONFIG_UNSUPPORTED', "nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
      }
      t.numaNodeset = newNodeset;
      if (mode !== -1) t.numaMode = mode;
      else t.numaMode ??= 0;
      await c.commit(def);
    },
    domainGetInterfaceParameters: async (dom, device, flags) => {
      checkFlags(flags | STRING_OKAY, AFFECT | STRING_OKAY, 'testDomainGetInterfaceParameters');
      const def = oneDef(c.obj(dom), flags);
      const net = netFind(nets(c.tree(def)), device);
      const bw = (await c.tun(def)).bandwidth[net.mac ?? ''] ?? {};
      const zero: BandwidthRate = { average: 0, peak: 0, burst: 0, floor: 0 };
      const i = bw.in ?? zero;
      const o = bw.out ?? zero;
      const values = [i.average, i.peak, i.burst, i.floor, o.average, o.peak, o.burst];
      return BANDWIDTH_FIELDS.map((f, k) => p(f, UINT, values[k]));
    },
    domainSetInterfaceParameters: async (dom, device, params, flags) => {
      checkFlags(flags, AFFECT, 'testDomainSetInterfaceParameters');
      validateParams(params, Object.fromEntries(BANDWIDTH_FIELDS.map((f) => [f, UINT])));
      const def = oneDef(c.obj(dom), flags);
      const net = netFind(nets(c.tree(def)), device);
      const inb: BandwidthRate = { average: 0, peak: 0, burst: 0, floor: 0 };
      const out: BandwidthRate = { average: 0, peak: 0, burst: 0, floor: 0 };
      let inSpecified = false;
      let outSpecified = false;
      for (const par of params) {
        const [dir, key] = par.field.split('.') as ['inbound' | 'outbound', keyof BandwidthRate];
        (dir === 'inbound' ? inb : out)[key] = par.value as number;
        if (dir === 'inbound' && (key === 'average' || key === 'floor')) inSpecified = true;
        if (dir === 'outbound' && key === 'average') outSpecified = true;
      }
      const bandwidth = (await c.tun(def)).bandwidth;
      const cur = (bandwidth[net.mac ?? ''] ??= {});
      if (inb.average || inb.floor) cur.in = inb;
      else if (inSpecified) delete cur.in;
      if (out.average) cur.out = out;
      else if (outSpecified) delete cur.out;
      await c.commit(def);
    },
    domainGetBlockIoTune: async (dom, disk, flags) => {
      if (flags & 1 && flags & 2) {
        throw invalidArg("Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
      }
      checkFlags(flags, AFFECT | STRING_OKAY, 'testDomainGetBlockIoTune');
      const def = oneDef(c.obj(dom), flags & AFFECT);
      const d = diskByName(c.tree(def), disk, true);
      if (!d) throw virErr('INVALID_ARG', `disk '${disk}' was not found in the domain config`);
      const tune = (await c.tun(def)).iotune[d.dst] ?? {};
      return IOTUNE_FIELDS.map((f) =>
        f === 'group_name' ? p(f, STRING, (tune[f] as string) ?? '') : p(f, ULLONG, (tune[f] as bigint) ?? 0n),
      );
    },
    domainSetBlockIoTune: async (dom, disk, params, flags) => {
      checkFlags(flags, AFFECT, 'testDomainSetBlockIoTune');
      validateParams(params, Object.fromEntries(IOTUNE_FIELDS.map((f) => [f, f === 'group_name' ? STRING : ULLONG])));
      const def = oneDef(c.obj(dom), flags);
      const d = diskByName(c.tree(def), disk, true);
      if (!d) throw virErr('INVALID_ARG', `missing persistent configuration for disk '${disk}'`);
      const all = (await c.tun(def)).iotune;
      const info: Record<string, bigint | string> = { ...(all[d.dst] ?? {}) };
      for (const par of params) {
        if (typeof par.value === 'bigint' && par.value > IOTUNE_MAX) {
          throw virErr('ARGUMENT_UNSUPPORTED', `block I/O throttle limit value must be no more than ${IOTUNE_MAX}`);
        }
        info[par.field] = par.value as bigint | string;
      }
      const v = (f: string) => (info[f] as bigint | undefined) ?? 0n;
      for (const kind of ['bytes_sec', 'iops_sec', 'bytes_sec_max', 'iops_sec_max']) {
        if (v(`total_${kind}`) && (v(`read_${kind}`) || v(`write_${kind}`))) {
          throw virErr('INVALID_ARG', `total and read/write of ${kind} cannot be set at the same time`);
        }
      }
      for (const f of ['total_bytes_sec', 'read_bytes_sec', 'write_bytes_sec', 'total_iops_sec', 'read_iops_sec', 'write_iops_sec']) {
        if (v(f) > v(`${f}_max`)) throw virErr('INVALID_ARG', `${f} cannot be set higher than ${f}_max `);
      }
      all[d.dst] = info;
      await c.commit(def);
    },
    domainGetSchedulerType: async () => ({ type: 'fair', nparams: 1 }),
    domainGetSchedulerParameters: (dom) => getSched(dom, 0),
    domainGetSchedulerParametersFlags: (dom, flags) => getSched(dom, flags | STRING_OKAY),
    domainSetSchedulerParameters: (dom, params) => setSched(dom, params, 0),
    domainSetSchedulerParametersFlags: setSched,
    domainGetPerfEvents: async (dom, flags) => {
      checkFlags(flags, AFFECT | STRING_OKAY, 'testDomainGetPerfEvents');
      const t = await c.tun(oneDef(c.obj(dom), flags));
      return PERF_EVENTS.map((e) => p(e, BOOLEAN, t.perf[e] === true));
    },
    domainSetPerfEvents: async (dom, params, flags) => {
      checkFlags(flags, AFFECT, 'testDomainSetPerfEvents');
      validateParams(params, Object.fromEntries(PERF_EVENTS.map((e) => [e, BOOLEAN])));
      const def = oneDef(c.obj(dom), flags);
      const t = await c.tun(def);
      for (const par of params) t.perf[par.field] = par.value === true;
      await c.commit(def);
    },
    domainGetLaunchSecurityInfo: async (dom, flags) => {
      checkFlags(flags | STRING_OKAY, 0, 'testDomainGetLaunchSecurityInfo');
      c.obj(dom);
      return [];
    },
  };
}
