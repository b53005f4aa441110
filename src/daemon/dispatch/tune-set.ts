import { P } from '../../core/rpc/procedures/index.js';
import { serve } from './serve.js';
import { checkCount, counted, wire } from './tuning.js';

/** Wire cpumap bytes → one boolean per CPU (bit i of byte i/8). */
const bits = (map: Uint8Array) => Array.from({ length: map.length * 8 }, (_, i) => (map[i >> 3] & (1 << (i & 7))) !== 0);

/** Domain tuning setters, the remaining typed-parameter getters, pinning and IOThreads. */
export const tuneSetServed = [
  serve(P.domainPinVcpu, (c, a) => c.domainPinVcpu(a.dom, a.vcpu, bits(a.cpumap))),
  serve(P.domainPinVcpuFlags, (c, a) => c.domainPinVcpuFlags(a.dom, a.vcpu, bits(a.cpumap), a.flags)),
  serve(P.domainPinEmulator, (c, a) => c.domainPinEmulator(a.dom, bits(a.cpumap), a.flags)),
  serve(P.domainPinIOThread, (c, a) => c.domainPinIOThread(a.dom, a.iothreads_id, bits(a.cpumap), a.flags)),
  serve(P.domainAddIOThread, (c, a) => c.domainAddIOThread(a.dom, a.iothread_id, a.flags)),
  serve(P.domainDelIOThread, (c, a) => c.domainDelIOThread(a.dom, a.iothread_id, a.flags)),
  serve(P.domainSetIOThreadParams, (c, a) => c.domainSetIOThreadParams(a.dom, a.iothread_id, a.params, a.flags)),
  serve(P.domainSetVcpus, (c, a) => c.domainSetVcpus(a.dom, a.nvcpus)),
  serve(P.domainSetMemoryParameters, (c, a) => c.domainSetMemoryParameters(a.dom, a.params, a.flags)),
  serve(P.domainSetBlkioParameters, (c, a) => c.domainSetBlkioParameters(a.dom, a.params, a.flags)),
  serve(P.domainSetNumaParameters, (c, a) => c.domainSetNumaParameters(a.dom, a.params, a.flags)),
  serve(P.domainGetNumaParameters, async (c, a) => {
    checkCount(a.nparams);
    return counted(a.nparams, () => c.domainGetNumaParameters(a.dom, a.flags), a.flags);
  }),
  serve(P.domainSetInterfaceParameters, (c, a) => c.domainSetInterfaceParameters(a.dom, a.device, a.params, a.flags)),
  serve(P.domainGetInterfaceParameters, async (c, a) => {
    checkCount(a.nparams);
    return counted(a.nparams, () => c.domainGetInterfaceParameters(a.dom, a.device, a.flags), a.flags);
  }),
  serve(P.domainSetBlockIoTune, (c, a) => c.domainSetBlockIoTune(a.dom, a.disk, a.params, a.flags)),
  serve(P.domainGetBlockIoTune, async (c, a) => {
    checkCount(a.nparams, 32);
    return counted(a.nparams, () => c.domainGetBlockIoTune(a.dom, a.disk as string, a.flags), a.flags, 32);
  }),
  serve(P.domainGetPerfEvents, async (c, a) => ({ params: wire(await c.domainGetPerfEvents(a.dom, a.flags), a.flags) })),
  serve(P.domainSetPerfEvents, (c, a) => c.domainSetPerfEvents(a.dom, a.params, a.flags)),
];
