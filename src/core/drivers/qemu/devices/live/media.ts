// Media of a running guest's CD-ROM (qemuDomainChangeEjectableMedia and
// qemuDomainChangeMediaBlockdev): the tray opened, the old medium removed and its nodes
// deleted, the new one's nodes added and inserted, the tray closed; the live definition then
// holds the new source.
import type { DeviceDef } from '../../../../xml/domain/index.js';
import { attr, elem, sub } from '../../../../xml/domain/elem.js';
import { diskView } from '../../../../xml/domain/index.js';
import type { QemuDriver } from '../../driver.js';
import type { QemuDomainObj } from '../../domain/obj.js';
import { checkStorage } from '../../lifecycle/prepare-host.js';
import { libvirtWarn } from '../../../../libvirt-log.js';
import { addNodes, delNodes, diskBackend, nodeNames } from './disk-backend.js';
import { monitorOf } from './disk.js';
import { nextNodeIndex } from './node-index.js';

/** CHANGE_MEDIA_TIMEOUT: how long a guest may take to open a tray it was asked to. */
const TRAY_TIMEOUT_MS = 5000;

/** Replaces `orig`'s medium by `from`'s (none: eject). `from` is the parsed update or attach. */
export async function changeMedia(drv: QemuDriver, obj: QemuDomainObj, orig: DeviceDef, from: DeviceDef, force: boolean): Promise<void> {
  const qmp = monitorOf(obj);
  const id = orig.info.alias!;
  const newSource = diskView(from).source;
  try {
    checkStorage({ ...obj.def, devices: [from] }, drv.caps.conf);
  } catch (err) {
    // The new source's access is revoked on the way out, and the cgroup part of that cannot
    // find a file that is not there (qemuDomainStorageSourceAccessRevoke's warning).
    if (newSource) libvirtWarn('qemuDomainStorageSourceAccessModify:7927', `Unable to tear down cgroup access on ${newSource}`);
    throw err;
  }
  // The new medium as a disk of its own, to build its nodes; its source gets the node number.
  const medium: DeviceDef = { ...orig, el: { ...orig.el, children: orig.el.children.filter((c) => !['source', 'backingStore', 'driver'].includes(c.name)) } };
  const driver = sub(from.el, 'driver') ?? sub(orig.el, 'driver');
  const source = sub(from.el, 'source');
  medium.el.children = [...(driver ? [structuredClone(driver)] : []), ...(source ? [structuredClone(source)] : []), ...medium.el.children.filter((c) => c.name !== 'driver')];
  const n = nextNodeIndex(obj);
  const backend = newSource ? diskBackend(obj.def, medium, n) : undefined;
  const oldIndex = attr(sub(orig.el, 'source'), 'index');
  const opened = qmp.waitForEvent('DEVICE_TRAY_MOVED', TRAY_TIMEOUT_MS, (e) => e.data?.id === id && e.data?.['tray-open'] === true).catch(() => undefined);
  await qmp.execute('blockdev-open-tray', { id, force });
  if (!force) await opened;
  await qmp.execute('blockdev-remove-medium', { id });
  if (oldIndex !== undefined) await delNodes(qmp, nodeNames(Number(oldIndex)));
  if (backend) {
    await addNodes(qmp, backend.nodes);
    try {
      await qmp.execute('blockdev-insert-medium', { id, 'node-name': nodeNames(n)[1] });
      await qmp.execute('blockdev-close-tray', { id });
    } catch (err) {
      await delNodes(qmp, nodeNames(n));
      throw err;
    }
  } else {
    await qmp.execute('blockdev-close-tray', { id });
  }
  replaceSource(orig, medium, backend ? undefined : n);
}

/**
 * The drive's definition takes the medium's driver and source (with its chain end). An
 * ejected drive keeps an empty source holding the number it was prepared with, and the
 * format the update named, until a takeover finds the drive empty (takeover.ts).
 */
function replaceSource(orig: DeviceDef, medium: DeviceDef, emptyIndex: number | undefined): void {
  const keep = orig.el.children.filter((c) => !['driver', 'source', 'backingStore'].includes(c.name));
  const driver = sub(medium.el, 'driver') ?? elem('driver', [['name', 'qemu']]);
  const added =
    emptyIndex === undefined ? medium.el.children.filter((c) => c.name === 'source' || c.name === 'backingStore') : [elem('source', [['index', emptyIndex]])];
  orig.el.children = [driver, ...added, ...keep];
}
