import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import type { TestNode } from '../node.js';
import { saveOps } from '../domain/save.js';

/** RAW, the format virDomainCoreDump implies. */
const FORMAT_RAW = 0;

/** testDomainCoreDump: the raw-format case of the driver's core dump with a format. */
export function dumpOps(node: TestNode): Pick<DomainDeviceApi, 'domainCoreDump'> {
  const save = saveOps(node);
  return {
    domainCoreDump: (dom, to, flags) => save.domainCoreDumpWithFormat(dom, to, FORMAT_RAW, flags),
  };
}
