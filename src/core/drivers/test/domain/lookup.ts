import { DomainState, DomainXML, ListDomains, type DomainApi } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import type { TestNode } from '../node.js';
import { checkFlags } from '../../check-flags.js';
import { countMoments } from './moments.js';
import { findByID, findByName, findByUUID, handleOf, isActive, objFromHandle, type DomainObj } from './state.js';

type Ops = Pick<
  DomainApi,
  | 'domainLookupByName'
  | 'domainLookupByID'
  | 'domainLookupByUUID'
  | 'listAllDomains'
  | 'domainGetInfo'
  | 'domainGetState'
  | 'domainGetXMLDesc'
  | 'domainGetOSType'
  | 'domainGetSecurityLabel'
  | 'domainGetMessages'
  | 'nodeGetSecurityModel'
  | 'domainIsActive'
  | 'domainIsPersistent'
>;

const F = ListDomains;

/** Does one filter group (a pair or set of bits) let the domain through? No bit set = yes. */
function group(flags: number, pairs: Array<[number, boolean]>): boolean {
  if (!pairs.some(([bit]) => flags & bit)) return true;
  return pairs.some(([bit, match]) => !!(flags & bit) && match);
}

/** virDomainObjMatchFilter */
function matches(node: TestNode, obj: DomainObj, flags: number): boolean {
  const st = obj.state;
  const moments = () => countMoments(node, obj);
  return (
    group(flags, [[F.ACTIVE, isActive(obj)], [F.INACTIVE, !isActive(obj)]]) &&
    group(flags, [[F.PERSISTENT, obj.persistent], [F.TRANSIENT, !obj.persistent]]) &&
    group(flags, [
      [F.RUNNING, st === DomainState.RUNNING],
      [F.PAUSED, st === DomainState.PAUSED],
      [F.SHUTOFF, st === DomainState.SHUTOFF],
      [F.OTHER, st !== DomainState.RUNNING && st !== DomainState.PAUSED && st !== DomainState.SHUTOFF],
    ]) &&
    group(flags, [[F.MANAGEDSAVE, obj.hasManagedSave], [F.NO_MANAGEDSAVE, !obj.hasManagedSave]]) &&
    group(flags, [[F.AUTOSTART, obj.autostart], [F.NO_AUTOSTART, !obj.autostart]]) &&
    (!(flags & (F.HAS_SNAPSHOT | F.NO_SNAPSHOT)) ||
      group(flags, [[F.HAS_SNAPSHOT, moments().snapshots > 0], [F.NO_SNAPSHOT, moments().snapshots <= 0]])) &&
    (!(flags & (F.HAS_CHECKPOINT | F.NO_CHECKPOINT)) ||
      group(flags, [[F.HAS_CHECKPOINT, moments().checkpoints > 0], [F.NO_CHECKPOINT, moments().checkpoints <= 0]]))
  );
}

const ALL_FILTERS = (1 << 16) - 1;

export function lookupOps(node: TestNode): Ops {
  const s = node.domains;
  const found = (obj: DomainObj | undefined) => {
    if (!obj) throw virErr('NO_DOMAIN');
    return handleOf(obj);
  };
  return {
    async domainLookupByName(name) {
      return found(findByName(s, name));
    },
    async domainLookupByID(id) {
      return found(findByID(s, id));
    },
    async domainLookupByUUID(uuid) {
      return found(findByUUID(s, uuid));
    },
    async listAllDomains(flags) {
      checkFlags(flags, ALL_FILTERS, 'testConnectListAllDomains');
      return s.objs.filter((o) => matches(node, o, flags)).map(handleOf);
    },
    async domainGetInfo(dom) {
      const obj = objFromHandle(s, dom);
      return {
        state: obj.state,
        maxMem: obj.def.memory,
        memory: obj.def.currentMemory,
        nrVirtCpu: obj.def.vcpus,
        cpuTime: Date.now() * 1_000_000,
      };
    },
    async domainGetState(dom, flags) {
      checkFlags(flags, 0, 'testDomainGetState');
      const obj = objFromHandle(s, dom);
      return { state: obj.state, reason: obj.reason };
    },
    async domainGetXMLDesc(dom, flags) {
      checkFlags(flags, DomainXML.SECURE | DomainXML.INACTIVE | DomainXML.MIGRATABLE, 'testDomainGetXMLDesc');
      const obj = objFromHandle(s, dom);
      const def = flags & DomainXML.INACTIVE && obj.newDef ? obj.newDef : obj.def;
      // The formatter comes with the parser's modules, which lookups do not load otherwise.
      const { formatDomainXML } = await import('../../../xml/domain/index.js');
      return formatDomainXML(def, { flags, id: def === obj.newDef ? -1 : obj.id });
    },
    // The test driver answers without looking the domain up.
    async domainGetOSType() {
      return 'linux';
    },
    async domainGetSecurityLabel(dom) {
      const active = isActive(objFromHandle(s, dom));
      return { label: active ? 'libvirt-test' : '', enforcing: active };
    },
    async domainGetMessages(dom, flags) {
      const DEPRECATION = 1;
      const TAINTING = 2;
      checkFlags(flags, DEPRECATION | TAINTING, 'testDomainGetMessages');
      objFromHandle(s, dom);
      return [];
    },
    // The test driver's capabilities carry one security model, 'testSecurity', with no DOI.
    async nodeGetSecurityModel() {
      return { model: 'testSecurity', doi: '' };
    },
    async domainIsActive(dom) {
      return isActive(objFromHandle(s, dom));
    },
    async domainIsPersistent(dom) {
      return objFromHandle(s, dom).persistent;
    },
  };
}
