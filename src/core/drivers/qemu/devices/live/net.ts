// Interfaces of a running guest: hotplug of a user-mode NIC (qemuDomainAttachNetDevice),
// removal once unplugged (qemuDomainRemoveNetDevice), and the link state an update changes
// (qemuDomainChangeNet's checks, qemuDomainChangeNetLinkState).
import { virErr } from '../../../../errors.js';
import { attr, elem, sub } from '../../../../xml/domain/elem.js';
import { findInterface, insertDevice, type DeviceDef, type DomainDef } from '../../../../xml/domain/index.js';
import { QemuCommand, type JsonProps } from '../../command/argv.js';
import { buildNets } from '../../command/net.js';
import type { QemuDomainObj } from '../../domain/obj.js';
import { monitorOf } from './disk.js';
import { netAlias, placePci } from './placement.js';

/** -netdev and -device for the interface alone (no <os><boot>: boot indexes are for start-up). */
function netArgs(def: DomainDef, net: DeviceDef): { netdev: JsonProps; device: JsonProps } {
  const cmd = new QemuCommand('');
  const controllers = def.devices.filter((d) => d.kind === 'controller');
  buildNets(cmd, { ...def, os: { ...def.os, bootDevs: [] }, devices: [...controllers, net] }, { libDir: '', privileged: false, env: {}, id: -1 });
  return { netdev: JSON.parse(cmd.args[1]) as JsonProps, device: JSON.parse(cmd.args[3]) as JsonProps };
}

const linkDown = (net: DeviceDef) => attr(sub(net.el, 'link'), 'state') === 'down';

export async function attachNet(obj: QemuDomainObj, net: DeviceDef): Promise<void> {
  const type = attr(net.el, 'type') ?? '';
  // TAP-backed types need a device opened on the host per NIC; only user networking is plugged live.
  if (type !== 'user') throw virErr('CONFIG_UNSUPPORTED', `live attach of interface type '${type}' is not supported by virsh-ts`);
  const def = obj.def;
  netAlias(def, net);
  placePci(def, net);
  const { netdev, device } = netArgs(def, net);
  const qmp = monitorOf(obj);
  await qmp.execute('netdev_add', netdev);
  try {
    await qmp.execute('device_add', device);
  } catch (err) {
    await qmp.execute('netdev_del', { id: netdev.id }).catch(() => undefined);
    throw err;
  }
  if (linkDown(net)) await qmp.execute('set_link', { name: net.info.alias, up: false });
  insertDevice(def.devices, net);
}

/** qemuDomainRemoveNetDevice: the backend goes once the NIC has. */
export async function removeNet(obj: QemuDomainObj, net: DeviceDef): Promise<void> {
  await monitorOf(obj)
    .execute('netdev_del', { id: `host${net.info.alias}` })
    .catch(() => undefined);
  obj.def.devices = obj.def.devices.filter((d) => d !== net);
}

/** The part of qemuDomainChangeNet this driver does: MAC and model fixed, the link state changed. */
export async function updateNet(obj: QemuDomainObj, net: DeviceDef): Promise<void> {
  const old = obj.def.devices[findInterface(obj.def, net)];
  const oldMac = attr(sub(old.el, 'mac'), 'address');
  const newMac = attr(sub(net.el, 'mac'), 'address');
  if (oldMac !== newMac) throw virErr('OPERATION_UNSUPPORTED', `cannot change network interface mac address from ${oldMac} to ${newMac}`);
  const oldModel = attr(sub(old.el, 'model'), 'type');
  const newModel = attr(sub(net.el, 'model'), 'type');
  if (oldModel !== newModel) throw virErr('OPERATION_UNSUPPORTED', `cannot modify network device model from ${oldModel ?? '<null>'} to ${newModel ?? '<null>'}`);
  if (net.info.alias && old.info.alias && net.info.alias !== old.info.alias) throw virErr('OPERATION_DENIED', 'changing device alias is not allowed');
  const newState = attr(sub(net.el, 'link'), 'state');
  if ((attr(sub(old.el, 'link'), 'state') ?? 'default') === (newState ?? 'default')) return;
  await monitorOf(obj).execute('set_link', { name: old.info.alias, up: newState !== 'down' });
  // The live definition records the state as set (an absent one reads as up).
  const state = newState ?? 'up';
  const link = sub(old.el, 'link');
  if (link) link.attrs = [['state', state]];
  else old.el.children.splice(linkPosition(old), 0, elem('link', [['state', state]]));
}

/** <link> comes after the elements libvirt formats before it and before alias/address. */
function linkPosition(net: DeviceDef): number {
  const before = ['mac', 'source', 'vlan', 'virtualport', 'ip', 'route', 'script', 'backenddomain', 'target', 'guest', 'model', 'driver', 'filterref', 'tune', 'teaming', 'rom', 'bandwidth'];
  let at = 0;
  net.el.children.forEach((c, i) => {
    if (before.includes(c.name)) at = i + 1;
  });
  return at;
}
