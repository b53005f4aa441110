import { VirError, virErr } from '../../../errors.js';
import type { NodeDeviceDef, ScsiHostCap } from '../../../xml/nodedev/index.js';

function scsiHostCaps(def: NodeDeviceDef): ScsiHostCap[] {
  return def.caps.filter((c): c is ScsiHostCap => c.type === 'scsi_host');
}

/** virNodeDeviceGetWWNs: the fc_host names of a definition. */
export function fcNames(def: NodeDeviceDef): { wwnn: string; wwpn: string } {
  const fc = scsiHostCaps(def).find((c) => c.fc)?.fc;
  if (!fc) throw virErr('INTERNAL_ERROR', 'Device is not a fibre channel HBA');
  return { wwnn: fc.wwnn ?? '', wwpn: fc.wwpn ?? '' };
}

const isVportCapable = (def: NodeDeviceDef) => scsiHostCaps(def).some((c) => c.vportOps);

/**
 * virNodeDeviceObjListGetParentHost: the vport-capable HBA a new vHBA hangs off, by parent
 * name, parent WWNs, parent fabric name, or any vport-capable host.
 */
export function checkParentHost(devices: ReadonlyMap<string, NodeDeviceDef>, def: NodeDeviceDef): void {
  const all = [...devices.values()];
  let parent: NodeDeviceDef | undefined;
  if (def.parent !== undefined) {
    parent = devices.get(def.parent);
  } else if (def.parentWwnn && def.parentWwpn) {
    parent = all.find((d) => scsiHostCaps(d).some((c) => c.fc?.wwnn === def.parentWwnn && c.fc?.wwpn === def.parentWwpn));
  } else if (def.parentFabricWwn) {
    parent = all.find((d) => scsiHostCaps(d).some((c) => c.fc?.fabricWwn === def.parentFabricWwn));
  } else {
    parent = all.find(isVportCapable);
    if (!parent) throw virErr('INTERNAL_ERROR', 'Could not find any vport capable device');
  }
  if (!parent) throw virErr('INTERNAL_ERROR', `Could not find parent device for '${def.name}'`);
  if (!isVportCapable(parent)) {
    throw virErr('INTERNAL_ERROR', `Parent device ${parent.name} is not capable of vport operations`);
  }
}

/** The test driver's template vHBA and the name its copies get. */
const TEMPLATE_VHBA = 'scsi_host11';
const NEW_VHBA = 'scsi_host12';

/**
 * testNodeDeviceMockCreateVport: the test driver fakes a new vHBA by copying scsi_host11
 * under the name scsi_host12, with the requested WWNs (an fc_host-less scsi_host cap gets
 * its host number and unique id bumped instead).
 */
export function mockVport(devices: ReadonlyMap<string, NodeDeviceDef>, wwnn: string, wwpn: string): NodeDeviceDef {
  const template = devices.get(TEMPLATE_VHBA);
  // libvirt fails here without setting an error, so virsh reports an unknown cause.
  if (!template) throw new VirError(0, 'An error occurred, but the cause is unknown');
  const copy = structuredClone(template);
  copy.name = NEW_VHBA;
  for (const cap of scsiHostCaps(copy)) {
    if (cap.fc) {
      cap.fc.wwnn = wwnn;
      cap.fc.wwpn = wwpn;
    } else {
      cap.host++;
      cap.uniqueId++;
    }
  }
  return copy;
}
