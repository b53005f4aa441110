// The host side of ethernet and bridge interfaces (qemuInterfaceEthernetConnect,
// qemuInterfaceBridgeConnect): a TAP device per interface, named after target dev or the first
// free vnetN, its MAC the guest's with the first byte FE (FA if it was FE), joined to the
// bridge with the bridge's MTU, up. Node has no ioctl, so the device is made with `ip tuntap`
// (persistent, so it can be set up before QEMU exists) and QEMU's launcher attaches to it and
// drops the persistence (process/tap-attach.ts): the device then ends with QEMU, as libvirt's
// do. Interfaces with managed='no' use a TAP device someone else made and keep it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { VirError, virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import { setInterfaceIfname, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import type { TapAttach } from '../process/index.js';

const IFF_TAP = 0x0002;
const IFF_NO_PI = 0x1000;
const IFF_VNET_HDR = 0x4000;
/** qemuInterfaceIsVnetCompatModel: models whose QEMU backend takes the virtio net header. */
const VNET_HDR_MODELS = ['virtio', 'virtio-transitional', 'virtio-non-transitional', 'e1000e', 'vmxnet3'];
/** libvirt's prefix for the names it generates (VIR_NET_GENERATED_VNET_PREFIX). */
const VNET_PREFIX = 'vnet';

const netDevExists = (name: string) => existsSync(`/sys/class/net/${name}`);

function ip(...args: string[]): void {
  try {
    execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim();
    throw virErr('SYSTEM_ERROR', `Unable to run 'ip ${args.join(' ')}': ${stderr || strerror(e)}`);
  }
}

/** The interfaces whose backend is a TAP device libvirt sets up itself. */
export function tapInterfaces(def: DomainDef): DeviceDef[] {
  return def.devices.filter((d) => d.kind === 'interface' && ['ethernet', 'bridge'].includes(attr(d.el, 'type') ?? ''));
}

/**
 * The command line's TAP descriptors, indexed like all interfaces: the TAP interfaces' own
 * numbers, and a stand-in for network interfaces, which are refused before QEMU could run.
 */
export function tapFdsByInterface(def: DomainDef, fds: number[]): string[][] {
  const taps = tapInterfaces(def);
  return def.devices
    .filter((d) => d.kind === 'interface')
    .map((d) => (taps.includes(d) ? [String(fds[taps.indexOf(d)])] : attr(d.el, 'type') === 'network' ? ['-1'] : []));
}

const isManaged = (n: DeviceDef) => attr(sub(n.el, 'target'), 'managed') !== 'no';

/** virNetDevGenerateName: the first vnetN no device has. */
function generateName(): string {
  for (let i = 0; ; i++) if (!netDevExists(`${VNET_PREFIX}${i}`)) return `${VNET_PREFIX}${i}`;
}

/** The TAP device's own MAC: the guest's, first byte FE (FA when the guest's is FE). */
function tapMac(mac: string): string {
  return `${mac.slice(0, 2).toLowerCase() === 'fe' ? 'fa' : 'fe'}${mac.slice(2)}`;
}

function bridgeMtu(bridge: string): string {
  try {
    return readFileSync(`/sys/class/net/${bridge}/mtu`, 'utf8').trim();
  } catch {
    throw virErr('SYSTEM_ERROR', `Cannot get interface MTU on '${bridge}': ${strerror({ code: 'ENODEV' })}`);
  }
}

/** Makes one managed TAP device, a generated name retried when another process takes it first. */
function createTap(wanted: string | undefined, vnetHdr: boolean): string {
  for (;;) {
    const name = wanted ?? generateName();
    try {
      ip('tuntap', 'add', 'dev', name, 'mode', 'tap', ...(vnetHdr ? ['vnet_hdr'] : []));
      return name;
    } catch (e) {
      if (wanted || !netDevExists(name)) throw e;
    }
  }
}

/**
 * Sets up every TAP interface of the live definition (recording the device as target dev) and
 * returns what QEMU's launcher attaches to, in interface order, with the descriptor numbers
 * QEMU gets (`fds`). On failure the devices made so far are removed again.
 */
export function setupTaps(def: DomainDef, fds: number[]): TapAttach[] {
  const made: string[] = [];
  try {
    return tapInterfaces(def).map((n, i) => {
      const vnetHdr = VNET_HDR_MODELS.includes(attr(sub(n.el, 'model'), 'type') ?? '');
      const flags = IFF_TAP | IFF_NO_PI | (vnetHdr ? IFF_VNET_HDR : 0);
      const wanted = attr(sub(n.el, 'target'), 'dev');
      if (!isManaged(n)) {
        if (!wanted) throw virErr('INTERNAL_ERROR', "target dev must be supplied when managed='no'");
        if (!netDevExists(wanted)) throw virErr('INTERNAL_ERROR', "target managed='no' but specified dev doesn't exist");
        return { name: wanted, flags, persist: true, fd: fds[i] };
      }
      const bridge = attr(n.el, 'type') === 'bridge' ? attr(sub(n.el, 'source'), 'bridge') : undefined;
      if (attr(n.el, 'type') === 'bridge' && !bridge) throw virErr('INTERNAL_ERROR', 'Missing bridge name');
      const mtu = bridge ? bridgeMtu(bridge) : undefined;
      const name = createTap(wanted, vnetHdr);
      made.push(name);
      ip('link', 'set', 'dev', name, 'address', tapMac(attr(sub(n.el, 'mac'), 'address') ?? ''));
      if (bridge && mtu) {
        ip('link', 'set', 'dev', name, 'mtu', mtu);
        ip('link', 'set', 'dev', name, 'master', bridge);
      }
      ip('link', 'set', 'dev', name, 'up');
      setInterfaceIfname(n, name);
      return { name, flags, persist: false, fd: fds[i] };
    });
  } catch (e) {
    for (const name of made) removeTap(name);
    throw e instanceof VirError ? e : virErr('INTERNAL_ERROR', String(e));
  }
}

/**
 * virNetDevTapDelete: a managed device still there (QEMU never took it over) goes. Like
 * libvirt's, which can only end TAP devices, it leaves any other kind of link alone.
 */
function removeTap(name: string): void {
  if (!existsSync(`/sys/class/net/${name}/tun_flags`)) return;
  try {
    ip('link', 'del', 'dev', name);
  } catch {
    // Gone meanwhile, as a device QEMU held goes when QEMU ends.
  }
}

/** qemuProcessStop's part for TAP interfaces: the managed devices the guest used go. */
export function releaseTaps(def: DomainDef): void {
  for (const n of tapInterfaces(def)) {
    const name = attr(sub(n.el, 'target'), 'dev');
    if (name && isManaged(n)) removeTap(name);
  }
}
