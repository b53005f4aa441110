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
import { withExtensions } from './json/commands.js';
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

/**
 * The handler folders, each loaded on first use: a one-shot command initialises only the
 * code of its own folder (start-up is most of a one-shot command's time).
 */
const handlerFolders = {
  virsh: () => import('./virsh/index.js').then((m) => m.virshHandlers),
  host: () => import('./host/index.js').then((m) => m.hostHandlers),
  domain: () => import('./domain/index.js').then((m) => m.domainHandlers),
  'domain-devices': () => import('./domain-devices/index.js').then((m) => m.domainDeviceHandlers),
  snapshot: () => import('./snapshot/index.js').then((m) => m.snapshotHandlers),
  checkpoint: () => import('./checkpoint/index.js').then((m) => m.checkpointHandlers),
  network: () => import('./network/index.js').then((m) => m.networkHandlers),
  interface: () => import('./interface/index.js').then((m) => m.interfaceHandlers),
  storage: () => import('./storage/index.js').then((m) => m.storageHandlers),
  nodedev: () => import('./nodedev/index.js').then((m) => m.nodedevHandlers),
  secret: () => import('./secret/index.js').then((m) => m.secretHandlers),
  events: () => import('./events/index.js').then((m) => m.eventHandlers),
  nwfilter: () => import('./nwfilter/index.js').then((m) => m.nwfilterHandlers),
  backup: () => import('./backup/index.js').then((m) => m.backupHandlers),
} satisfies Record<string, () => Promise<HandlerTable>>;

type HandlerFolder = keyof typeof handlerFolders;

/** Where each virsh group's handlers live (test/unit/registry.test.ts holds every command to it). */
const groupFolders: Record<string, readonly HandlerFolder[]> = {
  domain: ['domain', 'domain-devices'],
  monitor: ['domain', 'domain-devices'],
  events: ['events'],
  host: ['host'],
  checkpoint: ['checkpoint'],
  interface: ['interface'],
  filter: ['nwfilter'],
  network: ['network'],
  nodedev: ['nodedev'],
  secret: ['secret'],
  snapshot: ['snapshot'],
  backup: ['backup'],
  pool: ['storage'],
  volume: ['storage'],
  virsh: ['virsh'],
};

/** Every handler folder's table, loaded (for the registry's own test and self-test). */
export function loadHandlerTables(): Promise<HandlerTable[]> {
  return Promise.all(Object.values(handlerFolders).map((load) => load()));
}

/**
 * Commands by name, filled a group at a time in `help` order as lookups need them: the
 * bundle parses a group's command table on first access (scripts/build.mjs), and most
 * one-shot commands are in the first group.
 */
const byName = new Map<string, CommandDef>();
let groupsIndexed = 0;

function indexUntil(found: () => boolean): void {
  while (!found() && groupsIndexed < commandGroups.length) {
    const group = commandGroups[groupsIndexed++];
    for (const spec of group.commands) byName.set(spec.name, { ...withExtensions(spec), group: group.keyword });
  }
}

/** The handler of a command, from the folders of its group; undefined when none has it. */
export async function handlerOf(def: CommandDef): Promise<Handler | undefined> {
  const name = def.aliasOf ?? def.name;
  for (const folder of groupFolders[def.group] ?? []) {
    const table = await handlerFolders[folder]();
    if (Object.hasOwn(table, name)) return table[name];
  }
  return undefined;
}

/** Looks a command up by name; hidden aliases resolve to the command they stand for. */
export function findCommand(name: string): CommandDef | undefined {
  indexUntil(() => byName.has(name));
  const def = byName.get(name);
  if (!def?.aliasOf) return def;
  const target = def.aliasOf;
  indexUntil(() => byName.has(target));
  return byName.get(target);
}

export function allCommands(): CommandDef[] {
  indexUntil(() => false);
  return [...byName.values()];
}
