// qemuDomainFindOrCreateSCSIDiskController: a SCSI disk hotplugged onto a controller the guest
// lacks brings the controller along (hotplugged first, qemuDomainAttachControllerDevice), of
// the last SCSI controller's model, or the default one (lsilogic on x86) when there is none.
import { attr, elem } from '../../../../xml/domain/elem.js';
import type { DeviceDef } from '../../../../xml/domain/index.js';
import { QemuCommand, type JsonProps } from '../../command/argv.js';
import { controllerAlias } from '../../command/alias.js';
import { buildControllers } from '../../command/controllers.js';
import { insertController } from '../../defaults/controllers.js';
import type { QemuDomainObj } from '../../domain/obj.js';
import { monitorOf } from './disk.js';
import { placePci } from './placement.js';

/** Makes sure SCSI controllers 0..`upTo` exist, hotplugging the missing ones in order. */
export async function ensureScsiControllers(obj: QemuDomainObj, upTo: number): Promise<void> {
  for (let idx = 0; idx <= upTo; idx++) {
    let model: string | undefined;
    let found = false;
    for (const c of obj.def.devices) {
      if (c.kind !== 'controller' || attr(c.el, 'type') !== 'scsi') continue;
      if (Number(attr(c.el, 'index') ?? 0) === idx) found = true;
      model = attr(c.el, 'model');
    }
    if (!found) await attachController(obj, idx, model ?? 'lsilogic');
  }
}

async function attachController(obj: QemuDomainObj, idx: number, model: string): Promise<void> {
  const def = obj.def;
  const c: DeviceDef = { kind: 'controller', el: elem('controller', [['type', 'scsi'], ['index', idx], ['model', model]]), info: {} };
  placePci(def, c);
  c.info.alias = controllerAlias(def, c);
  const cmd = new QemuCommand('');
  buildControllers(cmd, { ...def, devices: [...def.devices.filter((d) => d.kind === 'controller' && attr(d.el, 'type') === 'pci'), c] });
  await monitorOf(obj).execute('device_add', JSON.parse(cmd.args[1]) as JsonProps);
  insertController(def, c);
}
