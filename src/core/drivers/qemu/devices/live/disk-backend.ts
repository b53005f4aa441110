// The QMP arguments for one disk being plugged into a running guest: the same -blockdev pair
// and -device properties the command line gives a disk (qemuBuildStorageSourceChainAttachPrepareBlockdev,
// qemuBuildDiskDeviceProps), its nodes named after the number the guest's counter handed out.
import type { DeviceDef, DomainDef } from '../../../../xml/domain/index.js';
import { setAttr, sub } from '../../../../xml/domain/elem.js';
import { QemuCommand, type JsonProps } from '../../command/argv.js';
import { buildDisks } from '../../command/disks.js';
import { markDiskSources } from '../../lifecycle/disk-chain.js';
import type { QmpClient } from '../../qmp/index.js';

export interface DiskBackend {
  /** The storage node then the format node, as blockdev-add takes them. */
  nodes: JsonProps[];
  /** The frontend's device_add arguments (none for a medium going into a drive). */
  device: JsonProps;
}

const nodeName = (n: number, layer: 'storage' | 'format') => `libvirt-${n}-${layer}`;

/**
 * The disk alone in a copy of `def` (its controllers kept, for bus names; no <os><boot>, which
 * gives boot indexes only at start-up): the command line's arguments for it, renumbered to node
 * `n`. The disk's source records `n` and a chain probed to its end, as the live XML shows them.
 */
export function diskBackend(def: DomainDef, disk: DeviceDef, n: number): DiskBackend {
  const alone: DomainDef = {
    ...def,
    os: { ...def.os, bootDevs: [] },
    devices: [...def.devices.filter((d) => d.kind === 'controller'), disk],
  };
  markDiskSources({ ...alone, devices: [disk] });
  const src = sub(disk.el, 'source');
  if (src) setAttr(src, 'index', String(n));
  const cmd = new QemuCommand('');
  buildDisks(cmd, alone);
  const json: Array<[string, JsonProps]> = [];
  for (let i = 0; i < cmd.args.length; i += 2) json.push([cmd.args[i], JSON.parse(cmd.args[i + 1]) as JsonProps]);
  const renumber = (v: unknown) => (typeof v === 'string' ? v.replace(/^libvirt-1-(storage|format)$/, `libvirt-${n}-$1`) : v);
  const fixed = json.map(([opt, props]): [string, JsonProps] => [
    opt,
    Object.fromEntries(Object.entries(props).map(([k, v]) => [k, ['node-name', 'file', 'drive'].includes(k) ? renumber(v) : v])) as JsonProps,
  ]);
  return { nodes: fixed.filter(([o]) => o === '-blockdev').map(([, p]) => p), device: fixed.find(([o]) => o === '-device')![1] };
}

/** qemuBlockStorageSourceChainAttach: the nodes in order; on a failure those added go again. */
export async function addNodes(qmp: QmpClient, nodes: JsonProps[]): Promise<void> {
  const added: string[] = [];
  try {
    for (const node of nodes) {
      await qmp.execute('blockdev-add', node);
      added.push(String(node['node-name']));
    }
  } catch (err) {
    await delNodes(qmp, added);
    throw err;
  }
}

/** qemuBlockStorageSourceChainDetach: the nodes from the top down, failures ignored as libvirt does. */
export async function delNodes(qmp: QmpClient, names: string[]): Promise<void> {
  for (const name of [...names].reverse()) await qmp.execute('blockdev-del', { 'node-name': name }).catch(() => undefined);
}

/** The node names a source with index `n` was given. */
export const nodeNames = (n: number): string[] => [nodeName(n, 'storage'), nodeName(n, 'format')];
