import { emit } from '../json/emit.js';
import type { HandlerTable } from '../types.js';
import { formatTable } from '../domain/table.js';
import { optSecret } from './lookup.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';

/** virSecretUsageType names, by number. */
const USAGE_TYPES = ['none', 'volume', 'ceph', 'iscsi', 'tls', 'vtpm'];

export const secretCommands: HandlerTable = {
  'secret-define': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const xml = await ctx.readFile(file);
    const flags = opts.bool('validate') ? 1 : 0;
    const conn = await ctx.conn();
    const secret = await ctx.attempt(`Failed to set attributes from ${file}`, () => conn.secretDefineXML(xml, flags));
    ctx.print(`Secret ${secret.uuid} created\n`);
    return true;
  },

  'secret-dumpxml': async (ctx, opts) => {
    const secret = await optSecret(ctx, opts);
    const xpath = xpathOption(opts);
    if (xpath === null) return false;
    const conn = await ctx.conn();
    return virshDumpXML(ctx, await conn.secretGetXMLDesc(secret, 0), 'secret', xpath, opts.bool('wrap'));
  },

  'secret-undefine': async (ctx, opts) => {
    const secret = await optSecret(ctx, opts);
    const conn = await ctx.conn();
    await ctx.attempt(`Failed to delete secret ${opts.requiredString('secret')}`, () => conn.secretUndefine(secret));
    ctx.printExtra(`Secret ${opts.requiredString('secret')} deleted\n`);
    return true;
  },

  'secret-get-value': async (ctx, opts) => {
    const secret = await optSecret(ctx, opts);
    const conn = await ctx.conn();
    const value = Buffer.from(await conn.secretGetValue(secret, 0));
    if (opts.bool('plain')) ctx.print(value.toString('latin1'));
    else ctx.print(`${value.toString('base64')}\n`);
    return true;
  },

  'secret-set-value': async (ctx, opts) => {
    const pairs: [string, string][] = [
      ['file', 'base64'], ['plain', 'base64'], ['interactive', 'base64'], ['interactive', 'plain'], ['interactive', 'file'],
    ];
    for (const [a, b] of pairs) {
      if (opts.has(a) && opts.has(b)) {
        ctx.error(`Options --${a} and --${b} are mutually exclusive`);
        return false;
      }
    }
    const secret = await optSecret(ctx, opts);
    const base64 = opts.string('base64');
    const file = opts.string('file');
    const plain = opts.bool('plain');
    let given: Buffer;
    if (base64 !== undefined) {
      ctx.error('Passing secret value as command-line argument is insecure!');
      given = Buffer.from(base64);
    } else if (file !== undefined) {
      // virsh reads at most 1 KiB of secret, and passes its bytes on as they are.
      given = await ctx.readFileBytes(file, 1024);
    } else if (opts.bool('interactive')) {
      ctx.error('Failed to read secret');
      return false;
    } else {
      ctx.error('Input secret value is missing');
      return false;
    }
    const value = plain ? given : Buffer.from(given.toString('latin1'), 'base64');
    const conn = await ctx.conn();
    await ctx.attempt('Failed to set secret value', () => conn.secretSetValue(secret, value, 0));
    ctx.printExtra('Secret value set\n');
    return true;
  },

  'secret-list': async (ctx, opts) => {
    const filters = ['ephemeral', 'no-ephemeral', 'private', 'no-private'];
    const flags = filters.reduce((f, name, i) => (opts.bool(name) ? f | (1 << i) : f), 0);
    const conn = await ctx.conn();
    let secrets;
    try {
      secrets = await conn.listAllSecrets(flags);
    } catch {
      if (flags) {
        ctx.error('Filtering is not supported by this libvirt');
        return false;
      }
      const uuids = await ctx.attempt('Failed to count secrets', async () => {
        await conn.numOfSecrets();
        return conn.listSecrets();
      });
      secrets = await Promise.all(uuids.map((u) => conn.secretLookupByUUIDString(u)));
    }
    const entries = secrets.map((s) => ({
      uuid: s.uuid,
      usageType: s.usageType ? USAGE_TYPES[s.usageType] : null,
      usageId: s.usageType ? s.usageID : null,
    }));
    emit(ctx, opts, entries, (list) => {
      const rows = list.map((e) => [e.uuid, e.usageType !== null ? `${e.usageType} ${e.usageId}` : 'Unused']);
      return formatTable(['UUID', 'Usage'], rows, true) + '\n';
    });
    return true;
  },
};
