import type { TypedParam } from '../../core/api/domain-devices.js';
import { ErrorCodes } from '../../core/error-codes.js';
import { VirError, virErr } from '../../core/errors.js';
import { P } from '../../core/rpc/procedures/index.js';
import { packBits, serve } from './serve.js';

/** REMOTE_DOMAIN_*_PARAMETERS_MAX, REMOTE_VCPUINFO_MAX, REMOTE_CPUMAPS_MAX, REMOTE_DOMAIN_DISK_ERRORS_MAX */
const PARAMS_MAX = 16;
const VCPUINFO_MAX = 16384;
const CPUMAPS_MAX = 8388608;
const DISK_ERRORS_MAX = 256;

/** libvirtd's own argument checks, made before the driver is called (errors of the RPC layer). */
export function check(bad: boolean, message: string): void {
  if (bad) throw virErr('INTERNAL_ERROR', message, 'RPC');
}

export function checkCount(nparams: number, max = PARAMS_MAX): void {
  check(nparams < 0, 'nparams must be non-negative');
  check(nparams > max, 'nparams too large');
}

/** VIR_TYPED_PARAM_STRING_OKAY / VIR_TYPED_PARAM_STRING */
const STRING_OKAY = 4;
const STRING = 7;

/** What libvirtd serializes of a typed list: no strings for a caller that did not say it reads them. */
export function wire(params: TypedParam[], flags: number): TypedParam[] {
  return flags & STRING_OKAY ? params : params.filter((p) => p.type !== STRING);
}

/**
 * The two-step typed-list calls: nparams=0 asks for the count, which is then all the reply
 * holds. libvirt's drivers answer the count right after checking flags, before looking at the
 * domain's state or the device named (virsh even sends no disk then); the embedded API has no
 * count-only call, so any other failure is left to the fetch that follows, which reports it as
 * the driver does there, and the count offered meanwhile is the protocol's maximum.
 */
export async function counted(
  asked: number,
  get: () => Promise<TypedParam[]>,
  flags: number,
  max = PARAMS_MAX,
): Promise<{ params: TypedParam[]; nparams: number }> {
  if (asked !== 0) return { params: wire((await get()).slice(0, asked), flags), nparams: 0 };
  try {
    return { params: [], nparams: (await get()).length };
  } catch (e) {
    if (!(e instanceof VirError) || e.code === ErrorCodes.NO_SUPPORT[0] || e.message.startsWith('unsupported flags (')) throw e;
    return { params: [], nparams: max };
  }
}

/** Scheduler, memory and blkio tuning, pinning and per-device queries; backups. */
export const tuningServed = [
  serve(P.domainGetSchedulerParameters, async (c, a) => {
    checkCount(a.nparams);
    return { params: wire((await c.domainGetSchedulerParameters(a.dom)).slice(0, a.nparams), 0) };
  }),
  serve(P.domainGetSchedulerParametersFlags, async (c, a) => {
    checkCount(a.nparams);
    return { params: wire((await c.domainGetSchedulerParametersFlags(a.dom, a.flags)).slice(0, a.nparams), a.flags) };
  }),
  serve(P.domainSetSchedulerParameters, (c, a) => c.domainSetSchedulerParameters(a.dom, a.params)),
  serve(P.domainSetSchedulerParametersFlags, (c, a) => c.domainSetSchedulerParametersFlags(a.dom, a.params, a.flags)),
  serve(P.domainGetMemoryParameters, async (c, a) => {
    checkCount(a.nparams);
    return counted(a.nparams, () => c.domainGetMemoryParameters(a.dom, a.flags), a.flags);
  }),
  serve(P.domainGetBlkioParameters, async (c, a) => {
    checkCount(a.nparams);
    return counted(a.nparams, () => c.domainGetBlkioParameters(a.dom, a.flags), a.flags);
  }),
  serve(P.domainGetVcpuPinInfo, async (c, a) => {
    check(a.ncpumaps < 0, 'ncpumaps must be non-negative');
    check(a.maplen < 0, 'maplen must be non-negative');
    check(a.ncpumaps > VCPUINFO_MAX, 'ncpumaps > REMOTE_VCPUINFO_MAX');
    check(a.ncpumaps * a.maplen > CPUMAPS_MAX, 'maxinfo * maplen > REMOTE_CPUMAPS_MAX');
    const maps = await c.domainGetVcpuPinInfo(a.dom, a.ncpumaps, a.flags);
    // The reply always carries ncpumaps maps; those past the domain's vCPUs stay zero.
    const all = Array.from({ length: a.ncpumaps }, (_, i) => packBits(maps[i] ?? [], a.maplen));
    return { cpumaps: Buffer.concat(all), num: Math.min(maps.length, a.ncpumaps) };
  }),
  serve(P.domainGetEmulatorPinInfo, async (c, a) => {
    check(a.maplen < 0, 'maplen must be non-negative');
    const map = await c.domainGetEmulatorPinInfo(a.dom, a.flags);
    return { cpumaps: packBits(map, a.maplen), ret: 1 };
  }),
  serve(P.domainGetDiskErrors, async (c, a) => {
    check(a.maxerrors > DISK_ERRORS_MAX, 'maxerrors too large');
    const errors = await c.domainGetDiskErrors(a.dom, a.flags);
    if (a.maxerrors === 0) return { errors: [], nerrors: errors.length };
    const some = errors.slice(0, a.maxerrors);
    return { errors: some, nerrors: some.length };
  }),
  serve(P.domainGetIOThreadInfo, async (c, a) => {
    const info = await c.domainGetIOThreadInfo(a.dom, a.flags);
    return { info: info.map((t) => ({ iothread_id: t.iothreadId, cpumap: packBits(t.cpumap) })), ret: info.length };
  }),
  serve(P.domainInterfaceAddresses, async (c, a) => ({
    ifaces: (await c.domainInterfaceAddresses(a.dom, a.source, a.flags)).map((i) => ({ ...i, hwaddr: i.hwaddr ?? undefined })),
  })),
  serve(P.domainBackupBegin, (c, a) => c.domainBackupBegin(a.dom, a.backup_xml, a.checkpoint_xml, a.flags)),
  serve(P.domainBackupGetXMLDesc, async (c, a) => ({ xml: await c.domainBackupGetXMLDesc(a.dom, a.flags) })),
];
