// The first checks of virDomainDefCheckABIStability, which an XML given to save, restore or
// save-image-define must pass against the image's definition: what the saved guest's hardware
// identity depends on most (virtualization type, UUID, name, memory, vCPUs, OS and machine).
import { virErr } from '../../../errors.js';
import type { DomainDef } from '../../../xml/domain/index.js';

const mismatch = (what: string, dst: string | number | undefined, src: string | number | undefined) =>
  virErr('CONFIG_UNSUPPORTED', `Target domain ${what} ${dst} does not match source ${src}`, 'DOMAIN');

export function checkABIStability(src: DomainDef, dst: DomainDef): void {
  if (src.type !== dst.type) throw mismatch('virt type', dst.type, src.type);
  if (src.uuid !== dst.uuid) throw mismatch('uuid', dst.uuid, src.uuid);
  if (src.name !== dst.name) throw virErr('CONFIG_UNSUPPORTED', `Target domain name '${dst.name}' does not match source '${src.name}'`, 'DOMAIN');
  if (src.memory !== dst.memory) throw mismatch('max memory', dst.memory, src.memory);
  if (src.maxVcpus !== dst.maxVcpus) throw mismatch('vCPU max', dst.maxVcpus, src.maxVcpus);
  if (src.os.type !== dst.os.type) throw mismatch('OS type', dst.os.type, src.os.type);
  if (src.os.arch !== dst.os.arch) throw mismatch('architecture', dst.os.arch, src.os.arch);
  if (src.os.machine !== dst.os.machine) throw mismatch('machine type', dst.os.machine, src.os.machine);
}
