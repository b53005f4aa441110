/** The host calls served by host/cpu-ops.ts, a group loaded on first call. */
export const HOST_CPU_CALLS = ['getCapabilities', 'getCPUModelNames', 'compareCPU', 'baselineCPU', 'compareHypervisorCPU', 'baselineHypervisorCPU'] as const;
export type HostCpuCalls = (typeof HOST_CPU_CALLS)[number];
