/** virDomain* calls on devices, resources and statistics: attach/detach, block and interface
 * stats, memory and vCPU tuning, guest-agent style queries. */
export interface DomainDeviceApi {}
