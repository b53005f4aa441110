/**
 * The domain XML model: parse (with libvirt's validation errors), and format in libvirt's
 * canonical form. Owned by the domain-model work; the fields below are the stable contract
 * the drivers and commands rely on.
 */
export interface DomainDef {
  /** Hypervisor type attribute: 'test', 'qemu', 'kvm'… */
  type: string;
  name: string;
  uuid: string;
  title?: string;
  description?: string;
  /** KiB */
  memory: number;
  /** KiB */
  currentMemory: number;
  /** Maximum vCPUs (<vcpu>) */
  maxVcpus: number;
  /** Current vCPUs (<vcpu current=…>) */
  vcpus: number;
}

export interface DomainParseOptions {
  /** The driver's hypervisor type, for `<domain type>` checks ('test' for the test driver). */
  driverType: string;
}

export interface DomainFormatOptions {
  /** VIR_DOMAIN_XML_* flags. */
  flags: number;
  /** Running id, or -1 / undefined when inactive (the `id=` attribute). */
  id?: number;
}

export declare function parseDomainXML(xml: string, opts: DomainParseOptions): DomainDef;
export declare function formatDomainXML(def: DomainDef, opts: DomainFormatOptions): string;
