import type { HandlerTable } from '../types.js';
import { optDomain } from '../domain/util.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';

/** VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL */
const REUSE_EXTERNAL = 1;

export const backupHandlers: HandlerTable = {
  'backup-begin': async (ctx, opts) => {
    const flags = opts.bool('reuse-external') ? REUSE_EXTERNAL : 0;
    const dom = await optDomain(ctx, opts);
    if (!dom) return false;
    const backupFile = opts.string('backupxml');
    const backupXml = backupFile === undefined ? '<domainbackup/>' : await ctx.readFile(backupFile);
    const checkpointFile = opts.string('checkpointxml');
    const checkpointXml = checkpointFile === undefined ? undefined : await ctx.readFile(checkpointFile);
    const conn = await ctx.conn();
    await conn.domainBackupBegin(dom, backupXml, checkpointXml, flags);
    ctx.print('Backup started\n');
    return true;
  },

  'backup-dumpxml': async (ctx, opts) => {
    const dom = await optDomain(ctx, opts);
    if (!dom) return false;
    const xpath = xpathOption(opts);
    if (xpath === null) return false;
    const conn = await ctx.conn();
    return virshDumpXML(ctx, await conn.domainBackupGetXMLDesc(dom, 0), 'domain-backup', xpath, opts.bool('wrap'));
  },
};
