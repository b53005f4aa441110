import { SnapshotCreate, SnapshotXML } from '../../core/api/snapshot.js';
import { exclusive, optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';

/** snapshot-current: print the current snapshot, or make a named one current by redefining it. */
export const snapshotCurrent: Handler = async (ctx, opts) => {
  const secure = opts.bool('security-info') ? SnapshotXML.SECURE : 0;
  if (!exclusive(ctx, opts, 'name', 'snapshotname')) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const snapshotname = opts.string('snapshotname');
  if (snapshotname !== undefined) {
    const snap = await conn.domainSnapshotLookupByName(dom, snapshotname, 0);
    const xml = await conn.snapshotGetXMLDesc(snap, SnapshotXML.SECURE);
    let flags = SnapshotCreate.REDEFINE | SnapshotCreate.CURRENT;
    if (xml.includes('<state>disk-snapshot</state>')) flags |= SnapshotCreate.DISK_ONLY;
    await conn.domainSnapshotCreateXML(dom, xml, flags);
    ctx.printExtra(`Snapshot ${snapshotname} set as current`);
    return true;
  }
  if (!(await conn.domainHasCurrentSnapshot(dom, 0))) {
    ctx.error(`domain '${opts.requiredString('domain')}' has no current snapshot`);
    return false;
  }
  const snap = await conn.domainSnapshotCurrent(dom, 0);
  ctx.print(opts.bool('name') ? snap.name : await conn.snapshotGetXMLDesc(snap, secure));
  return true;
};
