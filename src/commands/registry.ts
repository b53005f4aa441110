import type { CommandDef, Handler, HandlerTable } from './types.js';
import type { CommandGroupSpec } from './spec/types.js';
import { domainGroup } from './spec/domain.js';
import { monitorGroup } from './spec/monitor.js';
import { eventsGroup } from './spec/events.js';
import { hostGroup } from './spec/host.js';
import { checkpointGroup } from './spec/checkpoint.js';
import { interfaceGroup } from './spec/interface.js';
import { nwfilterGroup } from './spec/nwfilter.js';
import { networkGroup } from './spec/network.js';
import { nodedevGroup } from './spec/nodedev.js';
import { secretGroup } from './spec/secret.js';
import { snapshotGroup } from './spec/snapshot.js';
import { backupGroup } from './spec/backup.js';
import { poolGroup } from './spec/pool.js';
import { volumeGroup } from './spec/volume.js';
import { virshGroup } from './spec/virsh.js';
import { virshHandlers } from './virsh/index.js';
import { hostHandlers } from './host/index.js';
import { domainHandlers } from './domain/index.js';
import { domainDeviceHandlers } from './domain-devices/index.js';
import { snapshotHandlers } from './snapshot/index.js';
import { checkpointHandlers } from './checkpoint/index.js';
import { networkHandlers } from './network/index.js';
import { interfaceHandlers } from './interface/index.js';
import { storageHandlers } from './storage/index.js';
import { nodedevHandlers } from './nodedev/index.js';
import { secretHandlers } from './secret/index.js';
import { eventHandlers } from './events/index.js';
import { nwfilterHandlers } from './nwfilter/index.js';
import { backupHandlers } from './backup/index.js';

/** virsh's command groups, in the order `help` lists them. */
export const commandGroups: readonly CommandGroupSpec[] = [
  domainGroup,
  monitorGroup,
  eventsGroup,
  hostGroup,
  checkpointGroup,
  interfaceGroup,
  nwfilterGroup,
  networkGroup,
  nodedevGroup,
  secretGroup,
  snapshotGroup,
  backupGroup,
  poolGroup,
  volumeGroup,
  virshGroup,
];

export const handlerTables: readonly HandlerTable[] = [
  virshHandlers,
  hostHandlers,
  domainHandlers,
  domainDeviceHandlers,
  snapshotHandlers,
  checkpointHandlers,
  networkHandlers,
  interfaceHandlers,
  storageHandlers,
  nodedevHandlers,
  secretHandlers,
  eventHandlers,
  nwfilterHandlers,
  backupHandlers,
];

function handlerFor(name: string): Handler | undefined {
  for (const table of handlerTables) if (Object.hasOwn(table, name)) return table[name];
  return undefined;
}

const byName = new Map<string, CommandDef>();
for (const group of commandGroups) {
  for (const spec of group.commands) {
    byName.set(spec.name, { ...spec, group: group.keyword, handler: handlerFor(spec.aliasOf ?? spec.name) });
  }
}

/** Looks a command up by name; hidden aliases resolve to the command they stand for. */
export function findCommand(name: string): CommandDef | undefined {
  const def = byName.get(name);
  if (def?.aliasOf) return byName.get(def.aliasOf);
  return def;
}

export function allCommands(): CommandDef[] {
  return [...byName.values()];
}
