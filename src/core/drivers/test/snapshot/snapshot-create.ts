import { SnapshotCreate } from '../../../api/snapshot.js';
import { ShutoffReason } from '../../../api/domain.js';
import { virErr } from '../../../errors.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import { SNAPSHOT_STATES, type SnapshotDef } from '../../../xml/snapshot/def.js';
import { parseSnapshotXML, SnapshotParse } from '../../../xml/snapshot/parse.js';
import { libvirtWarn } from '../../../libvirt-log.js';
import { copyDef } from '../domain/defs.js';
import { isActive, shutdownState, type DomainObj } from '../domain/state.js';
import { alignSnapshotDisks } from '../../../snapshot/align.js';
import { assignMoment, defOf, linkParent, type MomentList, type MomentObj } from '../../../snapshot/moments.js';
import { installRedefined, redefinePrep } from '../../../snapshot/redefine.js';

const C = SnapshotCreate;
/** The flags testDomainSnapshotCreateXML accepts. */
export const SNAPSHOT_CREATE_ALLOWED = C.REDEFINE | C.CURRENT | C.HALT | C.QUIESCE | C.ATOMIC | C.LIVE | C.VALIDATE;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** testDomainSnapshotAlignDisks: the snapshot takes the domain's current state. */
function alignNew(obj: DomainObj, def: SnapshotDef): void {
  if (def.disks.some((d) => d.snapshot === 'manual')) {
    throw virErr('OPERATION_UNSUPPORTED', "'manual' snapshot mode is not supported by the test driver", 'DOMAIN');
  }
  def.state = SNAPSHOT_STATES[obj.state];
  if (def.memory === 'external') {
    alignSnapshotDisks(def, undefined, 'external');
    return;
  }
  def.memory = def.state === 'shutoff' ? 'no' : 'internal';
  alignSnapshotDisks(def, undefined, 'internal');
}

/** testDomainSnapshotCreateXML, after the domain lookup and the checkpoint check. */
export async function createSnapshot(list: MomentList<SnapshotDef>, obj: DomainObj, xml: string, flags: number): Promise<MomentObj<SnapshotDef>> {
  const redefine = !!(flags & C.REDEFINE);
  if (!obj.persistent && flags & C.HALT) {
    throw virErr('OPERATION_INVALID', 'cannot halt after transient domain snapshot', 'DOMAIN');
  }
  if (flags & C.VALIDATE) await schemaCheck(xml, 'domainsnapshot.rng', 'domainsnapshot');
  const parseFlags = (redefine ? SnapshotParse.REDEFINE : 0) | (flags & C.VALIDATE ? SnapshotParse.VALIDATE : 0);
  const { def } = parseSnapshotXML(xml, parseFlags, nowSeconds, { warn: libvirtWarn });
  let snap: MomentObj<SnapshotDef>;
  const updateCurrent = !redefine || !!(flags & C.CURRENT);
  if (redefine) {
    snap = installRedefined(list, redefinePrep(list, obj.def.uuid, def, flags), def);
  } else {
    def.dom = copyDef(obj.def);
    alignNew(obj, def);
    snap = assignMoment(list, def);
    def.parentName = list.current ? defOf(list.current).name : undefined;
    if (flags & C.HALT && isActive(obj)) shutdownState(obj, ShutoffReason.FROM_SNAPSHOT);
  }
  if (updateCurrent) list.current = snap;
  linkParent(list, snap);
  return snap;
}
