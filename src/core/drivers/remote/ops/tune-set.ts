import type { TypedParam } from '../../../api/domain-devices.js';
import { P } from '../../../rpc/procedures/index.js';
import type { Session } from '../session.js';
import { stringsOkay, type Ops } from './util.js';

/** One boolean per CPU → libvirt's cpumap bytes (bit i of byte i/8). */
function packMap(cpus: readonly boolean[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(cpus.length / 8));
  cpus.forEach((on, i) => {
    if (on) out[i >> 3] |= 1 << (i & 7);
  });
  return out;
}

/** Domain tuning setters, the remaining typed-parameter getters, pinning and IOThreads over RPC. */
export function tuneSetOps(s: Session): Ops {
  // nparams=0 asks for the count, then that many values (strings included when the daemon has them).
  const twoStep = async (call: (nparams: number, flags: number) => Promise<{ params: TypedParam[]; nparams: number }>, given: number) => {
    const flags = await stringsOkay(s, given);
    const { nparams } = await call(0, flags);
    return nparams ? (await call(nparams, flags)).params : [];
  };
  return {
    domainPinVcpu: (dom, vcpu, cpus) => s.call(P.domainPinVcpu, { dom, vcpu, cpumap: packMap(cpus) }),
    domainPinVcpuFlags: (dom, vcpu, cpus, flags) => s.call(P.domainPinVcpuFlags, { dom, vcpu, cpumap: packMap(cpus), flags }),
    domainPinEmulator: (dom, cpus, flags) => s.call(P.domainPinEmulator, { dom, cpumap: packMap(cpus), flags }),
    domainPinIOThread: (dom, iothreads_id, cpus, flags) => s.call(P.domainPinIOThread, { dom, iothreads_id, cpumap: packMap(cpus), flags }),
    domainAddIOThread: (dom, iothread_id, flags) => s.call(P.domainAddIOThread, { dom, iothread_id, flags }),
    domainDelIOThread: (dom, iothread_id, flags) => s.call(P.domainDelIOThread, { dom, iothread_id, flags }),
    domainSetIOThreadParams: (dom, iothread_id, params, flags) => s.call(P.domainSetIOThreadParams, { dom, iothread_id, params, flags }),
    domainSetVcpus: (dom, nvcpus) => s.call(P.domainSetVcpus, { dom, nvcpus }),
    domainSetMemoryParameters: (dom, params, flags) => s.call(P.domainSetMemoryParameters, { dom, params, flags }),
    domainSetBlkioParameters: (dom, params, flags) => s.call(P.domainSetBlkioParameters, { dom, params, flags }),
    domainSetNumaParameters: (dom, params, flags) => s.call(P.domainSetNumaParameters, { dom, params, flags }),
    domainGetNumaParameters: (dom, flags) => twoStep((nparams, f) => s.call(P.domainGetNumaParameters, { dom, nparams, flags: f }), flags),
    domainSetInterfaceParameters: (dom, device, params, flags) => s.call(P.domainSetInterfaceParameters, { dom, device, params, flags }),
    domainGetInterfaceParameters: (dom, device, flags) => twoStep((nparams, f) => s.call(P.domainGetInterfaceParameters, { dom, device, nparams, flags: f }), flags),
    domainSetBlockIoTune: (dom, disk, params, flags) => s.call(P.domainSetBlockIoTune, { dom, disk, params, flags }),
    domainGetBlockIoTune: (dom, disk, flags) => twoStep((nparams, f) => s.call(P.domainGetBlockIoTune, { dom, disk, nparams, flags: f }), flags),
    domainGetPerfEvents: async (dom, flags) => (await s.call(P.domainGetPerfEvents, { dom, flags })).params,
    domainSetPerfEvents: (dom, params, flags) => s.call(P.domainSetPerfEvents, { dom, params, flags }),
  };
}
