import { SnapshotCreate as C } from '../../../api/snapshot.js';
import { DomainState } from '../../../api/domain.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { invalidArg, virErr } from '../../../errors.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import { SNAPSHOT_STATES, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { parseSnapshotXML, SnapshotParse } from '../../../xml/snapshot/parse.js';
import { alignSnapshotDisks } from '../../../snapshot/align.js';
import { assignMoment, defOf, linkParent, removeMoment, type MomentObj } from '../../../snapshot/moments.js';
import { installRedefined, redefinePrep } from '../../../snapshot/redefine.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';
import { forEachQcow2 } from './offline.js';
import { createInactiveExternal } from './external.js';
import { qemuDisks } from './disks.js';
import { prepareSnapshot } from './prepare.js';
import { QEMU_SNAPSHOT_PARSE } from './embedded.js';
import { captureDomain, captureLiveDomain } from './capture.js';
import { createActiveInternal } from './live.js';
import { createActiveExternal } from './live-external.js';
import { setCurrent, writeMetadata, type SnapshotScope } from './state.js';
import { nowSeconds } from './store.js';

/** The flags qemuSnapshotCreateXML accepts. */
export const SNAPSHOT_CREATE_ALLOWED =
  C.REDEFINE | C.CURRENT | C.NO_METADATA | C.HALT | C.DISK_ONLY | C.REUSE_EXT | C.QUIESCE | C.ATOMIC | C.LIVE | C.VALIDATE;

/** qemuSnapshotCreateXMLParse */
async function parse(obj: QemuDomainObj, xml: string, flags: number): Promise<SnapshotDef> {
  if (flags & C.VALIDATE) await schemaCheck(xml, 'domainsnapshot.rng', 'domainsnapshot');
  const parseFlags =
    (flags & C.REDEFINE ? SnapshotParse.REDEFINE : 0) |
    (flags & C.DISK_ONLY || !isActive(obj) ? SnapshotParse.OFFLINE : 0) |
    (flags & C.VALIDATE ? SnapshotParse.VALIDATE : 0);
  return parseSnapshotXML(xml, parseFlags, nowSeconds, QEMU_SNAPSHOT_PARSE).def;
}

/** qemuSnapshotCreateXMLValidateDef */
function validateDef(obj: QemuDomainObj, def: SnapshotDef, flags: number): void {
  if (!(flags & C.NO_METADATA)) {
    if (def.name.includes('/')) throw virErr('XML_DETAIL', `invalid snapshot name '${def.name}': name can't contain '/'`, 'DOMAIN');
    if (def.name.startsWith('.')) throw virErr('XML_DETAIL', `invalid snapshot name '${def.name}': name can't start with '.'`, 'DOMAIN');
  }
  if (flags & C.LIVE && (!isActive(obj) || def.memory !== 'external')) {
    throw virErr('OPERATION_UNSUPPORTED', 'live snapshot creation is supported only during full system snapshots', 'DOMAIN');
  }
  const state = flags & C.REDEFINE ? def.state : SNAPSHOT_STATES[obj.state];
  switch (state) {
    case 'running':
    case 'paused':
    case 'shutdown':
    case 'shutoff':
    case 'crashed':
      return;
    case 'disk-snapshot':
      if (flags & C.REDEFINE) return;
      break;
    case 'pmsuspended':
      throw virErr('OPERATION_UNSUPPORTED', "qemu doesn't support taking snapshots of PMSUSPENDED guests", 'DOMAIN');
  }
  throw virErr('INTERNAL_ERROR', `Invalid domain state ${state ?? 'nostate'}`, 'DOMAIN');
}

/** qemuSnapshotCreateAlignDisks: the snapshot captures the domain as it is now. */
function alignNew(obj: QemuDomainObj, def: SnapshotDef, flags: number): void {
  def.dom = isActive(obj) ? captureLiveDomain(obj) : captureDomain(obj.def);
  if (obj.newDef) def.inactiveDom = structuredClone(obj.newDef);
  const state = SNAPSHOT_STATES[obj.state];
  let location: 'internal' | 'external' = 'internal';
  if (flags & C.DISK_ONLY) {
    location = 'external';
    def.state = isActive(obj) ? 'disk-snapshot' : 'shutoff';
    def.memory = 'no';
  } else if (def.memory === 'external') {
    def.state = state;
    location = 'external';
  } else {
    def.state = state;
    if (isActive(obj) && def.memory === 'no') {
      throw virErr('OPERATION_UNSUPPORTED', 'internal snapshot of a running VM must include the memory state', 'DOMAIN');
    }
    def.memory = def.state === 'shutoff' ? 'no' : 'internal';
  }
  alignSnapshotDisks(def, undefined, location);
}

/** qemuDomainAgentAvailable's refusal: this driver connects to no guest agent. */
function agentUnavailable(obj: QemuDomainObj) {
  if (obj.state !== DomainState.RUNNING) return virErr('OPERATION_INVALID', 'domain is not running');
  const channel = obj.def.devices.some((d) => d.kind === 'channel' && attr(sub(d.el, 'target'), 'name') === 'org.qemu.guest_agent.0');
  if (channel) return virErr('AGENT_UNRESPONSIVE', 'QEMU guest agent is not connected');
  return virErr('ARGUMENT_UNSUPPORTED', 'QEMU guest agent is not configured');
}

/** qemuSnapshotRedefine: metadata only, the images are taken to hold the snapshot already. */
function redefine(scope: SnapshotScope, def: SnapshotDef, flags: number): MomentObj<SnapshotDef> {
  const { list } = scope;
  const other = redefinePrep(list, scope.obj.def.uuid, def, flags);
  const previous = other?.def;
  const snap = installRedefined(list, other, def);
  if (flags & C.CURRENT) setCurrent(scope, snap);
  try {
    writeMetadata(scope, snap);
  } catch {
    if (previous) other.def = previous;
    else removeMoment(list, snap);
    throw virErr('INTERNAL_ERROR', `unable to save metadata for snapshot ${def.name}`);
  }
  linkParent(list, snap);
  return snap;
}

/** qemuSnapshotCreate: QEMU snapshots a running domain, qemu-img a shut-off one's images. */
async function create(scope: SnapshotScope, def: SnapshotDef, flags: number): Promise<MomentObj<SnapshotDef> | undefined> {
  const { obj, list } = scope;
  alignNew(obj, def, flags);
  const { external } = prepareSnapshot(obj.def, def, isActive(obj), !!(flags & C.REUSE_EXT));
  const keep = !(flags & C.NO_METADATA);
  const snap = keep ? assignMoment(list, def) : undefined;
  if (snap && list.current) def.parentName = defOf(list.current).name;
  try {
    if (isActive(obj)) {
      if (flags & C.DISK_ONLY || def.memory === 'external') {
        // --quiesce freezes the guest's filesystems through its agent before anything else.
        if (flags & C.QUIESCE) throw agentUnavailable(obj);
        await createActiveExternal(scope, def, { reuse: !!(flags & C.REUSE_EXT), halt: !!(flags & C.HALT), live: !!(flags & C.LIVE) });
      } else {
        await createActiveInternal(scope, def, !!(flags & C.HALT));
      }
    } else if (external) {
      const next = await createInactiveExternal(obj.def, qemuDisks(obj.def), def, !!(flags & C.REUSE_EXT));
      scope.drv.saveDef(obj, next);
    } else {
      await forEachQcow2(obj.def, def, '-c', false);
    }
  } catch (e) {
    if (snap) removeMoment(list, snap);
    throw e;
  }
  if (!snap) return undefined;
  setCurrent(scope, snap);
  writeMetadata(scope, snap);
  linkParent(list, snap);
  return snap;
}

/** qemuSnapshotCreateXML after the domain lookup. Returns the new snapshot's name. */
export async function createSnapshotXML(scope: SnapshotScope, xml: string, flags: number): Promise<string> {
  if (flags & C.QUIESCE && !(flags & C.DISK_ONLY)) {
    throw invalidArg("Flag 'VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY' is required by flag 'VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE'");
  }
  if (flags & C.LIVE && flags & C.REDEFINE) {
    throw invalidArg("Flags 'VIR_DOMAIN_SNAPSHOT_CREATE_LIVE' and 'VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE' are mutually exclusive");
  }
  if (!scope.obj.persistent && flags & C.HALT) {
    throw virErr('OPERATION_INVALID', 'cannot halt after transient domain snapshot', 'DOMAIN');
  }
  const def = await parse(scope.obj, xml, flags);
  validateDef(scope.obj, def, flags);
  const snap = flags & C.REDEFINE ? redefine(scope, def, flags) : await create(scope, def, flags);
  return snap ? defOf(snap).name : def.name;
}
