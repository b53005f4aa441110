import { SnapshotXML } from '../../core/api/snapshot.js';
import { optDomain } from '../domain/util.js';
import type { Handler } from '../types.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';

export const snapshotDumpXML: Handler = async (ctx, opts) => {
  const flags = opts.bool('security-info') ? SnapshotXML.SECURE : 0;
  const name = opts.requiredString('snapshotname');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const snap = await conn.domainSnapshotLookupByName(dom, name, 0);
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  return virshDumpXML(ctx, await conn.snapshotGetXMLDesc(snap, flags), 'domain-snapshot', xpath, opts.bool('wrap'));
};
