import { CheckpointCreate, CheckpointDelete, CheckpointList, CheckpointXML, type CheckpointApi, type CheckpointHandle } from '../../../api/checkpoint.js';
import type { DomainHandle } from '../../../api/handles.js';
import { virErr } from '../../../errors.js';
import type { CheckpointDef } from '../../../xml/checkpoint/def.js';
import { formatCheckpointXML } from '../../../xml/checkpoint/format.js';
import { checkFlags } from '../../check-flags.js';
import { checkActive, isActive, objFromHandle } from '../domain/state.js';
import type { TestNode } from '../node.js';
import { createCheckpoint } from './checkpoint-create.js';
import { defOf, findMoment, listMoments, type MomentObj } from '../../../snapshot/moments.js';
import { deleteMoment } from './snapshot-delete.js';
import { momentsOf } from './state.js';

const L = CheckpointList;
const LIST_FLAGS = L.ROOTS | L.TOPOLOGICAL | L.LEAVES | L.NO_LEAVES;

export function checkpointOps(node: TestNode): CheckpointApi {
  const domObj = (dom: DomainHandle) => objFromHandle(node.domains, dom);
  const listOf = (dom: DomainHandle) => momentsOf(node.checkpoints, domObj(dom));

  /** testCheckpointObjFromName */
  function chkObj(dom: DomainHandle, name: string): MomentObj<CheckpointDef> {
    const chk = findMoment(listOf(dom), name);
    if (!chk) {
      throw virErr('NO_DOMAIN_CHECKPOINT', `no domain checkpoint with matching name '${name}'`, 'DOMAIN_CHECKPOINT');
    }
    return chk;
  }
  const handle = (dom: DomainHandle, chk: MomentObj<CheckpointDef>): CheckpointHandle => ({ domain: dom, name: defOf(chk).name });

  return {
    async domainCheckpointCreateXML(dom, xml, flags) {
      checkFlags(flags, CheckpointCreate.REDEFINE | CheckpointCreate.QUIESCE, 'testDomainCheckpointCreateXML');
      const obj = domObj(dom);
      if (momentsOf(node.snapshots, obj).objs.size > 0) {
        throw virErr('OPERATION_UNSUPPORTED', 'cannot create checkpoint while snapshot exists', 'DOMAIN');
      }
      if (!isActive(obj)) throw virErr('OPERATION_UNSUPPORTED', 'cannot create checkpoint for inactive domain', 'DOMAIN');
      return handle(dom, await createCheckpoint(momentsOf(node.checkpoints, obj), obj, xml, flags));
    },
    async domainListAllCheckpoints(dom, flags) {
      checkFlags(flags, LIST_FLAGS, 'testDomainListAllCheckpoints');
      return listMoments(listOf(dom), undefined, flags, () => true).map((c) => handle(dom, c));
    },
    async domainCheckpointLookupByName(dom, name, flags) {
      checkFlags(flags, 0, 'testDomainCheckpointLookupByName');
      return handle(dom, chkObj(dom, name));
    },
    async checkpointListAllChildren(chk, flags) {
      checkFlags(flags, LIST_FLAGS, 'testDomainCheckpointListAllChildren');
      return listMoments(listOf(chk.domain), chkObj(chk.domain, chk.name), flags, () => true).map((c) =>
        handle(chk.domain, c),
      );
    },
    async checkpointGetXMLDesc(chk, flags) {
      checkFlags(flags, CheckpointXML.SECURE | CheckpointXML.NO_DOMAIN | CheckpointXML.SIZE, 'testDomainCheckpointGetXMLDesc');
      const obj = domObj(chk.domain);
      const def = defOf(chkObj(chk.domain, chk.name));
      if (flags & CheckpointXML.SIZE) checkActive(obj);
      return formatCheckpointXML(def, {
        secure: !!(flags & CheckpointXML.SECURE),
        noDomain: !!(flags & CheckpointXML.NO_DOMAIN),
        size: !!(flags & CheckpointXML.SIZE),
      });
    },
    async checkpointGetParent(chk, flags) {
      checkFlags(flags, 0, 'testDomainCheckpointGetParent');
      const def = defOf(chkObj(chk.domain, chk.name));
      if (def.parentName === undefined) {
        throw virErr('NO_DOMAIN_CHECKPOINT', `checkpoint '${def.name}' does not have a parent`, 'DOMAIN_CHECKPOINT');
      }
      return { domain: chk.domain, name: def.parentName };
    },
    async checkpointDelete(chk, flags) {
      checkFlags(
        flags,
        CheckpointDelete.CHILDREN | CheckpointDelete.METADATA_ONLY | CheckpointDelete.CHILDREN_ONLY,
        'testDomainCheckpointDelete',
      );
      deleteMoment(listOf(chk.domain), chkObj(chk.domain, chk.name), flags);
    },
  };
}
