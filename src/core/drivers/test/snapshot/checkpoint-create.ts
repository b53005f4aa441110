import { CheckpointCreate } from '../../../api/checkpoint.js';
import { virErr } from '../../../errors.js';
import type { CheckpointDef } from '../../../xml/checkpoint/def.js';
import { CheckpointParse, parseCheckpointXML } from '../../../xml/checkpoint/parse.js';
import { diskByName, domainDisks } from '../../../xml/snapshot/embed.js';
import { copyDef } from '../domain/defs.js';
import type { DomainObj } from '../domain/state.js';
import { assignMoment, checkCycles, defOf, dropParent, findMoment, linkParent, type MomentList, type MomentObj } from '../../../snapshot/moments.js';
import { nowSeconds } from './snapshot-create.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';

const unsupportedConfig = (msg: string) => virErr('CONFIG_UNSUPPORTED', msg, 'DOMAIN_CHECKPOINT');

/** virDomainCheckpointDefAssignBitmapNames: a bitmap disk without a name uses the checkpoint's. */
function assignBitmapNames(def: CheckpointDef): void {
  for (const d of def.disks) if (d.type === 'bitmap' && d.bitmap === undefined) d.bitmap = def.name;
}

/** virDomainCheckpointAlignDisks: one entry per domain disk; with no `<disks>` every writable
 * disk gets a bitmap, otherwise omitted disks get none. */
function alignCheckpointDisks(def: CheckpointDef): void {
  if (!def.dom) throw virErr('INTERNAL_ERROR', 'missing domain in checkpoint', 'DOMAIN_CHECKPOINT');
  const disks = domainDisks(def.dom);
  if (def.disks.length > disks.length) throw unsupportedConfig('too many disk checkpoint requests for domain');
  if (!disks.length) throw unsupportedConfig('domain must have at least one disk to perform checkpoints');
  const dflt = def.disks.length ? 'no' : 'bitmap';
  const byDst = new Map<string, CheckpointDef['disks'][number]>();
  for (const cd of def.disks) {
    const dd = diskByName(disks, cd.name);
    if (!dd) throw unsupportedConfig(`no disk named '${cd.name}'`);
    if (byDst.has(dd.dst)) throw unsupportedConfig(`disk '${cd.name}' specified twice`);
    byDst.set(dd.dst, cd);
    if ((dd.empty || dd.readonly) && cd.type !== 'no') throw unsupportedConfig(`disk '${cd.name}' is empty or readonly`);
    cd.name = dd.dst;
  }
  def.disks = disks.map(
    (dd) => byDst.get(dd.dst) ?? { name: dd.dst, type: dd.empty || dd.readonly ? 'no' : dflt },
  );
  assignBitmapNames(def);
}

/** testDomainCheckpointCreateXML after the lookup and the snapshot/active checks. */
export async function createCheckpoint(
  list: MomentList<CheckpointDef>,
  obj: DomainObj,
  xml: string,
  flags: number,
): Promise<MomentObj<CheckpointDef>> {
  const redefine = !!(flags & CheckpointCreate.REDEFINE);
  await schemaCheck(xml, 'domaincheckpoint.rng', 'domaincheckpoint');
  const def = parseCheckpointXML(xml, redefine ? CheckpointParse.REDEFINE : 0, nowSeconds);
  let updateCurrent = !redefine;
  let chk: MomentObj<CheckpointDef>;
  if (redefine) {
    checkCycles(list, def);
    if (def.dom) {
      if (def.dom.uuid.toLowerCase() !== obj.def.uuid.toLowerCase()) {
        throw virErr('INVALID_ARG', `definition for checkpoint ${def.name} must use uuid ${obj.def.uuid}`, 'DOMAIN_CHECKPOINT');
      }
      alignCheckpointDisks(def);
    } else {
      assignBitmapNames(def);
    }
    const parent = findMoment(list, def.parentName);
    if (parent && parent === list.current) updateCurrent = true;
    if (!list.current) updateCurrent = true;
    const other = findMoment(list, def.name);
    if (other) {
      dropParent(other);
      other.def = def;
      chk = other;
    } else {
      chk = assignMoment(list, def);
    }
  } else {
    def.dom = copyDef(obj.def);
    alignCheckpointDisks(def);
    chk = assignMoment(list, def);
  }
  const current = list.current;
  if (current) {
    if (!redefine) def.parentName = defOf(current).name;
    if (updateCurrent) list.current = undefined;
  }
  if (updateCurrent) list.current = chk;
  linkParent(list, chk);
  return chk;
}
