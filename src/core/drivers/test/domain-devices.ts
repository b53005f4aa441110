import type { DomainDeviceApi } from '../../api/domain-devices.js';
import type { TestNode } from './node.js';

export function domainDeviceOps(_node: TestNode): DomainDeviceApi {
  return {} as DomainDeviceApi;
}
