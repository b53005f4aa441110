import { cachedProbe } from './cache.js';
import { archFor, findBinary, GUEST_ARCHES } from './emulators.js';
import { domainTypes, formatCapabilities, type GuestCaps } from './capabilities.js';
import { hostFacts, type HostFacts } from './host.js';
import type { QemuProbe } from './probe.js';
import type { QemuConf } from '../config/qemu-conf.js';

/**
 * The driver's view of the installed QEMU binaries (virQEMUCapsCache + virCaps): probed on
 * first use, from the on-disk cache when the binary is unchanged.
 */
export class QemuCaps {
  private readonly probes = new Map<string, Promise<QemuProbe>>();
  private host?: HostFacts;

  constructor(
    private readonly cacheDir: string,
    readonly conf: QemuConf,
  ) {}

  probe(binary: string): Promise<QemuProbe> {
    let p = this.probes.get(binary);
    if (!p) {
      p = cachedProbe(this.cacheDir, binary);
      this.probes.set(binary, p);
    }
    return p;
  }

  /** The binary probed under TCG alone: what qemu domains get on a host whose KVM works. */
  tcgProbe(binary: string): Promise<QemuProbe> {
    const key = `tcg:${binary}`;
    let p = this.probes.get(key);
    if (!p) {
      p = cachedProbe(this.cacheDir, binary, 'tcg');
      this.probes.set(key, p);
    }
    return p;
  }

  /** The guests found on $PATH, in libvirt's arch order. */
  async guests(): Promise<GuestCaps[]> {
    const out: GuestCaps[] = [];
    const found = GUEST_ARCHES.map((arch) => ({ arch, binary: findBinary(arch.binary) })).filter((g) => g.binary);
    const probes = await Promise.all(found.map((g) => this.probe(g.binary!)));
    found.forEach((g, i) => out.push({ arch: g.arch, probe: probes[i] }));
    return out;
  }

  /** The arch a guest without <type arch> gets: the host's. */
  defaultArch(): string {
    return process.arch === 'x64' ? 'x86_64' : process.arch === 'ia32' ? 'i686' : process.arch;
  }

  /** The probe of the domain's emulator, or the default binary for its arch. */
  async probeForArch(arch: string, emulator: string | undefined): Promise<QemuProbe | undefined> {
    if (emulator) return this.probe(emulator);
    const a = archFor(arch);
    const bin = a && findBinary(a.binary);
    return bin ? this.probe(bin) : undefined;
  }

  domainTypes(probe: QemuProbe): string[] {
    return domainTypes(probe);
  }

  hostFacts(): HostFacts {
    this.host ??= hostFacts(this.conf);
    return this.host;
  }

  async capabilitiesXML(): Promise<string> {
    return formatCapabilities(this.hostFacts(), await this.guests());
  }
}
