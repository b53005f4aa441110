// Host-side pieces of a start that have no better home: the refusal of network interfaces
// (the embedded driver has no network driver of its own, so libvirt asks virtnetworkd's socket),
// the per-guest channel directory, and what qemuProcessStop undoes for all of them.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { attr } from '../../../xml/domain/elem.js';
import { shortName } from '../command/context.js';
import type { QemuDriver } from '../driver.js';
import { prepareChannels } from './channels.js';
import { libvirtWarn } from '../../../libvirt-log.js';
import { releaseTaps } from './taps.js';

/** Where libvirt's network driver listens when no daemon hosts the driver itself. */
const NETWORK_SOCKET = '/var/run/libvirt/virtnetworkd-sock';

const networkInterfaces = (def: DomainDef) => def.devices.filter((d) => d.kind === 'interface' && attr(d.el, 'type') === 'network');

/**
 * virDomainNetAllocateActualDevice for type='network': the embedded driver opens network:///system,
 * which needs virtnetworkd; virsh-ts has no client for it, so a running one is not used either.
 */
export function refuseNetworks(def: DomainDef): void {
  if (!networkInterfaces(def).length) return;
  if (!existsSync(NETWORK_SOCKET)) {
    throw virErr('SYSTEM_ERROR', `Failed to connect socket to '${NETWORK_SOCKET}': ${strerror({ code: 'ENOENT' })}`);
  }
  throw virErr('CONFIG_UNSUPPORTED', "interface type 'network' is not supported by virsh-ts");
}

/** LIBDIR/channel/target/domain-ID-NAME: where channels without a path get their socket. */
function channelTargetDir(drv: QemuDriver, def: DomainDef, id: number): string {
  return join(drv.paths.libDir, 'channel', 'target', `domain-${id}-${shortName(def)}`);
}

/** The channel directory, and channel sockets in it for unix channels without a path. */
export function prepareChannelDir(drv: QemuDriver, def: DomainDef, id: number): void {
  const dir = channelTargetDir(drv, def, id);
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  prepareChannels(def, dir);
}

/** qemuProcessStop's host clean-up for a guest whose live definition is `def`, run as `id`. */
export function releaseHost(drv: QemuDriver, def: DomainDef, id: number): void {
  // The network driver could not be reached to take the interface back (ifname unset).
  networkInterfaces(def).forEach(() => libvirtWarn('qemuProcessStop:8548', "Unable to release network device '<null>'"));
  releaseTaps(def);
  rmSync(channelTargetDir(drv, def, id), { recursive: true, force: true });
}
