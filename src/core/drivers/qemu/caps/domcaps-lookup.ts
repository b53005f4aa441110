import { accessSync, constants, statSync } from 'node:fs';
import { isKnownArch } from '../../../arch.js';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import { domainTypes } from './capabilities.js';
import type { DomCapsTarget } from './domcaps.js';
import { findBinary } from './emulators.js';
import type { QemuCaps } from './index.js';

/** virDomainVirtType names, in enum order ('none' = the emulator's own type). */
const VIRT_TYPES = ['none', 'qemu', 'kqemu', 'kvm', 'xen', 'lxc', 'uml', 'openvz', 'test', 'vmware', 'hyperv', 'vbox', 'phyp', 'parallels', 'bhyve', 'vz', 'hvf'];

const hostArch = () => (process.arch === 'x64' ? 'x86_64' : process.arch === 'ia32' ? 'i686' : process.arch);

const isX86 = (a: string) => a === 'x86_64' || a === 'i686';
const isPPC = (a: string) => a.startsWith('ppc');
const isARM = (a: string) => a.startsWith('arm') || a === 'aarch64';
const isS390 = (a: string) => a.startsWith('s390');

/** virQEMUCapsGuestIsNative */
function guestIsNative(host: string, guest: string): boolean {
  if (host === guest) return true;
  if (host === 'x86_64') return guest === 'i686';
  if (host === 'aarch64') return guest === 'armv7l';
  if (host === 'ppc64le') return guest === 'ppc64';
  return false;
}

/** virQEMUCapsArchToString: the target name in qemu-system-NAME. */
const qemuArchName = (arch: string) => (arch === 'i686' ? 'i386' : arch === 'armv6l' || arch === 'armv7l' ? 'arm' : arch);

/** virQEMUCapsGetDefaultEmulator: qemu-system-ARCH, else the target the host would use for it. */
function defaultEmulator(host: string, guest: string): string | undefined {
  if (host === 'aarch64' && guest === 'armv7l') {
    const b = findBinary(`qemu-system-${qemuArchName(host)}`);
    if (b) return b;
  }
  const first = findBinary(`qemu-system-${qemuArchName(guest)}`);
  if (first) return first;
  let target = guestIsNative(host, guest) ? host : guest;
  if (target === 'ppc64' || target === 'ppc64le') target = 'ppc64';
  if (target !== guest) {
    const b = findBinary(`qemu-system-${qemuArchName(target)}`);
    if (b) return b;
  }
  return guestIsNative(host, guest) ? findBinary('/usr/libexec/qemu-kvm') : undefined;
}

/** virQEMUCapsNewForBinaryInternal's checks before it runs the binary: it exists and can be run. */
function checkBinary(binary: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(binary).isDirectory();
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Cannot check QEMU binary ${binary}: ${strerror(e)}`);
  }
  try {
    if (isDir) throw Object.assign(new Error(), { code: 'EISDIR' });
    accessSync(binary, constants.X_OK);
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `QEMU binary ${binary} is not executable: ${strerror(e)}`);
  }
}

/** virQEMUCapsAccelStr */
const accelName = (virttype: string) => (virttype === 'kvm' ? 'kvm' : virttype === 'hvf' ? 'hvf' : 'tcg');

/**
 * virQEMUCapsCacheLookupDefault + the checks of virQEMUDriverGetDomainCapabilities: the
 * binary, arch, virt type and canonical machine a domcapabilities request stands for.
 */
export async function lookupDomCaps(
  caps: QemuCaps,
  emulatorbin: string | undefined,
  archStr: string | undefined,
  machineStr: string | undefined,
  virttypeStr: string | undefined,
): Promise<Omit<DomCapsTarget, 'privileged'>> {
  let virttype = 'none';
  if (virttypeStr !== undefined) {
    if (!VIRT_TYPES.includes(virttypeStr)) throw virErr('INVALID_ARG', `unknown virttype: ${virttypeStr}`);
    virttype = virttypeStr;
  }
  const host = hostArch();
  let arch = host;
  if (archStr !== undefined) {
    if (!isKnownArch(archStr)) throw virErr('INVALID_ARG', `unknown architecture: ${archStr}`);
    arch = archStr;
  }
  const binary = emulatorbin ?? defaultEmulator(host, arch);
  if (!binary) throw virErr('CONFIG_UNSUPPORTED', `unable to find any emulator to serve '${archStr ?? '(null)'}' architecture`);
  checkBinary(binary);
  let probe = await caps.probe(binary);
  const fromCaps = probe.arch;
  const sameFamily = [isX86, isPPC, isARM, isS390].some((f) => f(arch) && f(fromCaps));
  if (fromCaps !== arch && !sameFamily)
    throw virErr('INVALID_ARG', `architecture from emulator '${fromCaps}' doesn't match given architecture '${arch}'`);
  const capsType = domainTypes(probe).includes('kvm') ? 'kvm' : 'qemu';
  if (virttype === 'none') virttype = capsType;
  if (virttype !== 'qemu' && capsType === 'qemu')
    throw virErr('INVALID_ARG', `the accel '${accelName(virttype)}' is not supported by '${binary}' on this host`);
  // qemu domains on a KVM host use what QEMU reports under TCG.
  if (virttype === 'qemu' && probe.accel === 'kvm') probe = await caps.tcgProbe(binary);
  let machine = probe.machines[0];
  if (machineStr !== undefined) {
    const canonical = probe.machines.find((m) => m.alias === machineStr)?.name ?? machineStr;
    const found = probe.machines.find((m) => m.name === canonical);
    if (!found) throw virErr('INVALID_ARG', `the machine '${canonical}' is not supported by emulator '${binary}'`);
    machine = found;
  }
  const archOK =
    arch === probe.arch ||
    (probe.arch === 'x86_64' && arch === 'i686') ||
    (probe.arch === 'aarch64' && arch === 'armv7l') ||
    (probe.arch === 'armv7l' && arch === 'armv6l') ||
    (probe.arch === 'ppc64' && arch === 'ppc64le');
  if (!archOK) throw virErr('INVALID_ARG', `Emulator '${probe.emulator}' does not support arch '${arch}'`);
  if (virttype !== 'qemu' && virttype !== 'kvm')
    throw virErr('INVALID_ARG', `Emulator '${probe.emulator}' does not support virt type '${virttype}'`);
  return { probe, arch, virttype, machine };
}
