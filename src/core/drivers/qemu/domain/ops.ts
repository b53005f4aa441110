import { DomainDefine, DomainState, DomainUndefine, DomainXML, ListDomains as F, type DomainApi } from '../../../api/domain.js';
import { DomainAffect, DomainMessages, DomainMetadata } from '../../../api/domain.js';
import { formatDomainXML } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import { getMetadataElement, setMetadataElement } from '../../../xml/domain/metadata-element.js';
import { DomainEventID, DomainLifecycle, LifecycleDetail } from '../../../api/events.js';
import type { QemuDriver } from '../driver.js';
import { emitDomainEvent, emitLifecycle, emitLifecycleOf } from '../events/index.js';
import { handleOf, isActive, type QemuDomainObj } from './obj.js';
import { TAINT_MESSAGES } from '../lifecycle/taint.js';
import { cpuTimeNs } from '../process/cpu-time.js';
import { removeManagedSaveForUndefine } from '../save/managed-start.js';
import { discardAllMetadata } from '../snapshot/delete.js';
import { removeSnapshotDir, renameSnapshotDir, scopeOf, snapshotCount } from '../snapshot/state.js';

type Ops = Pick<
  DomainApi,
  | 'domainLookupByName' | 'domainLookupByID' | 'domainLookupByUUID' | 'listAllDomains' | 'domainDefineXML' | 'domainUndefine'
  | 'domainGetInfo' | 'domainGetState' | 'domainGetXMLDesc' | 'domainGetOSType' | 'domainGetSecurityLabel' | 'nodeGetSecurityModel'
  | 'domainIsActive' | 'domainIsPersistent' | 'domainGetAutostart' | 'domainSetAutostart' | 'domainRename'
  | 'domainGetMetadata' | 'domainSetMetadata' | 'domainHasManagedSaveImage' | 'domainGetMessages'
>;

function group(flags: number, pairs: Array<[number, boolean]>): boolean {
  if (!pairs.some(([bit]) => flags & bit)) return true;
  return pairs.some(([bit, match]) => !!(flags & bit) && match);
}

/** virDomainObjMatchFilter (no checkpoints kept yet: that count is zero). */
function matches(o: QemuDomainObj, flags: number, snapshots: () => number): boolean {
  const st = o.state;
  return (
    group(flags, [[F.ACTIVE, isActive(o)], [F.INACTIVE, !isActive(o)]]) &&
    group(flags, [[F.PERSISTENT, o.persistent], [F.TRANSIENT, !o.persistent]]) &&
    group(flags, [
      [F.RUNNING, st === DomainState.RUNNING],
      [F.PAUSED, st === DomainState.PAUSED],
      [F.SHUTOFF, st === DomainState.SHUTOFF],
      [F.OTHER, !([DomainState.RUNNING, DomainState.PAUSED, DomainState.SHUTOFF] as number[]).includes(st)],
    ]) &&
    group(flags, [[F.MANAGEDSAVE, o.hasManagedSave], [F.NO_MANAGEDSAVE, !o.hasManagedSave]]) &&
    group(flags, [[F.AUTOSTART, o.autostart], [F.NO_AUTOSTART, !o.autostart]]) &&
    group(flags, [[F.HAS_SNAPSHOT, snapshots() > 0], [F.NO_SNAPSHOT, snapshots() === 0]]) &&
    group(flags, [[F.HAS_CHECKPOINT, false], [F.NO_CHECKPOINT, true]])
  );
}

const ALL_FILTERS = (1 << 16) - 1;

export function domainOps(drv: QemuDriver): Ops {
  const list = drv.domains;
  const found = (o: QemuDomainObj | undefined) => {
    if (!o) throw virErr('NO_DOMAIN');
    return handleOf(o);
  };
  const persistentDef = (o: QemuDomainObj) => o.newDef ?? o.def;
  return {
    async domainLookupByName(name) {
      const o = list.byName(name);
      if (!o) throw virErr('NO_DOMAIN', `no domain with matching name '${name}'`);
      return handleOf(o);
    },
    async domainLookupByID(id) {
      const o = list.byID(id);
      if (!o) throw virErr('NO_DOMAIN', `no domain with matching id ${id}`);
      return found(o);
    },
    async domainLookupByUUID(uuid) {
      const o = list.byUUID(uuid);
      if (!o) throw virErr('NO_DOMAIN', `no domain with matching uuid '${uuid}'`);
      return handleOf(o);
    },
    async listAllDomains(flags) {
      checkFlags(flags, ALL_FILTERS, 'qemuConnectListAllDomains');
      return list.objs.filter((o) => matches(o, flags, () => snapshotCount(drv, o))).map(handleOf);
    },
    async domainDefineXML(xml, flags) {
      checkFlags(flags, DomainDefine.VALIDATE, 'qemuDomainDefineXMLFlags');
      const def = await drv.parse(xml);
      const existed = !!list.byUUID(def.uuid);
      const o = drv.define(def);
      emitLifecycle(drv, o, DomainLifecycle.DEFINED, existed ? LifecycleDetail.DEFINED_UPDATED : LifecycleDetail.DEFINED_ADDED);
      return handleOf(o);
    },
    async domainUndefine(dom, flags) {
      checkFlags(flags, DomainUndefine.MANAGED_SAVE | DomainUndefine.SNAPSHOTS_METADATA | DomainUndefine.CHECKPOINTS_METADATA | DomainUndefine.NVRAM | DomainUndefine.KEEP_NVRAM | DomainUndefine.TPM | DomainUndefine.KEEP_TPM, 'qemuDomainUndefineFlags');
      const o = list.fromHandle(dom);
      if (!o.persistent) throw virErr('OPERATION_INVALID', 'cannot undefine transient domain');
      const nsnapshots = isActive(o) ? 0 : snapshotCount(drv, o);
      if (nsnapshots && !(flags & DomainUndefine.SNAPSHOTS_METADATA))
        throw virErr('OPERATION_INVALID', `cannot delete inactive domain with ${nsnapshots} snapshots`);
      if (nsnapshots) discardAllMetadata(scopeOf(drv, dom));
      removeManagedSaveForUndefine(drv, o, !!(flags & DomainUndefine.MANAGED_SAVE));
      emitLifecycle(drv, o, DomainLifecycle.UNDEFINED, LifecycleDetail.UNDEFINED_REMOVED);
      drv.undefine(o);
      if (!isActive(o)) removeSnapshotDir(drv, o);
    },
    async domainGetInfo(dom) {
      const o = list.fromHandle(dom);
      return { state: o.state, maxMem: o.def.memory, memory: o.def.currentMemory, nrVirtCpu: o.def.vcpus, cpuTime: o.proc ? cpuTimeNs(o.proc.pid) : 0 };
    },
    async domainGetState(dom, flags) {
      checkFlags(flags, 0, 'qemuDomainGetState');
      const o = list.fromHandle(dom);
      return { state: o.state, reason: o.reason };
    },
    async domainGetXMLDesc(dom, flags) {
      checkFlags(flags, DomainXML.SECURE | DomainXML.INACTIVE | DomainXML.UPDATE_CPU | DomainXML.MIGRATABLE, 'qemuDomainGetXMLDesc');
      const o = list.fromHandle(dom);
      const def = flags & DomainXML.INACTIVE ? persistentDef(o) : o.def;
      return formatDomainXML(def, { flags, id: def === o.def ? o.id : -1 });
    },
    async domainGetOSType(dom) {
      return list.fromHandle(dom).def.os.type;
    },
    async domainGetSecurityLabel(dom) {
      list.fromHandle(dom);
      return { label: '', enforcing: false };
    },
    // The first security driver is 'none' (no SELinux/AppArmor here), with DOI 0.
    async nodeGetSecurityModel() {
      return { model: 'none', doi: '0' };
    },
    async domainIsActive(dom) {
      return isActive(list.fromHandle(dom));
    },
    async domainIsPersistent(dom) {
      return list.fromHandle(dom).persistent;
    },
    async domainGetAutostart(dom) {
      return list.fromHandle(dom).autostart;
    },
    async domainSetAutostart(dom, autostart) {
      const o = list.fromHandle(dom);
      if (!o.persistent) throw virErr('OPERATION_INVALID', 'cannot set autostart for transient domain');
      if (o.autostart !== autostart) drv.store.setAutostart(o.def.name, autostart);
      o.autostart = autostart;
    },
    async domainHasManagedSaveImage(dom, flags) {
      checkFlags(flags, 0, 'qemuDomainHasManagedSaveImage');
      return list.fromHandle(dom).hasManagedSave;
    },
    async domainGetMessages(dom, flags) {
      checkFlags(flags, DomainMessages.TAINTING | DomainMessages.DEPRECATION, 'qemuDomainGetMessages');
      const o = list.fromHandle(dom);
      if (flags && !(flags & DomainMessages.TAINTING)) return [];
      return (o.taints ?? []).map((t) => `tainted: ${TAINT_MESSAGES[t]}`);
    },
    async domainRename(dom, newName, flags) {
      checkFlags(flags, 0, 'qemuDomainRename');
      const o = list.fromHandle(dom);
      if (isActive(o)) throw virErr('OPERATION_INVALID', 'cannot rename active domain');
      if (!o.persistent) throw virErr('OPERATION_INVALID', 'cannot rename a transient domain');
      if (o.def.name === newName) throw virErr('OPERATION_INVALID', "Can't rename domain to itself");
      if (list.byName(newName)) throw virErr('OPERATION_INVALID', `domain with name '${newName}' already exists`);
      if (newName.includes('/')) throw virErr('XML_ERROR', `name ${newName} cannot contain '/'`);
      const old = handleOf(o);
      const oldName = o.def.name;
      drv.rename(o, newName);
      renameSnapshotDir(drv, o, oldName);
      emitLifecycleOf(drv, old, DomainLifecycle.UNDEFINED, LifecycleDetail.UNDEFINED_RENAMED);
      emitLifecycle(drv, o, DomainLifecycle.DEFINED, LifecycleDetail.DEFINED_RENAMED);
    },
    async domainGetMetadata(dom, type, uri, flags) {
      checkFlags(flags, DomainAffect.LIVE | DomainAffect.CONFIG, 'qemuDomainGetMetadata');
      const o = list.fromHandle(dom);
      if (flags & DomainAffect.LIVE && flags & DomainAffect.CONFIG)
        throw virErr('INVALID_ARG', "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
      if (flags & DomainAffect.LIVE && !isActive(o)) throw virErr('OPERATION_INVALID', 'domain is not running');
      const def = flags & DomainAffect.CONFIG ? persistentDef(o) : o.def;
      const value = type === DomainMetadata.DESCRIPTION ? def.description : type === DomainMetadata.TITLE ? def.title : getMetadataElement(def, uri);
      if (value === undefined) throw virErr('NO_DOMAIN_METADATA', 'Requested metadata element is not present');
      return value;
    },
    async domainSetMetadata(dom, type, metadata, key, uri, flags) {
      checkFlags(flags, DomainAffect.LIVE | DomainAffect.CONFIG, 'qemuDomainSetMetadata');
      const o = list.fromHandle(dom);
      if (flags & DomainAffect.LIVE && !isActive(o)) throw virErr('OPERATION_INVALID', 'domain is not running');
      if (type > DomainMetadata.ELEMENT) throw virErr('INVALID_ARG', `unknown metadata type '${type}'`);
      const apply =
        type === DomainMetadata.ELEMENT
          ? setMetadataElement(metadata, key, uri)
          : (d: typeof o.def) => {
              const value = metadata === null || metadata === '' ? undefined : metadata;
              if (type === DomainMetadata.TITLE) d.title = value;
              else d.description = value;
            };
      // Inactive domain: current means config.
      const target = structuredClone(persistentDef(o));
      apply(target);
      drv.saveDef(o, target);
      emitDomainEvent(drv, o, DomainEventID.METADATA_CHANGE, { type, nsuri: uri ?? undefined });
    },
  };
}
