import { numOpt } from '../domain-devices/numopt.js';
import type { Handler, HandlerTable } from '../types.js';

const discoverAs: Handler = async (ctx, opts) => {
  const type = opts.requiredString('type');
  const host = opts.string('host');
  const initiator = opts.string('initiator');
  let spec: string | undefined;
  if (host !== undefined) {
    // virsh reads --port only with --host, and reports an empty one twice.
    const port = numOpt(ctx, () => opts.string('port'), 'missing argument');
    if (port === null) return false;
    const lines = ['<source>', `  <host name='${host}'${port !== undefined ? ` port='${port}'` : ''}/>`];
    if (initiator !== undefined) lines.push('  <initiator>', `    <iqn name='${initiator}'/>`, '  </initiator>');
    lines.push('</source>', '');
    spec = lines.join('\n');
  }
  const list = await ctx.attempt(`Failed to find any ${type} pool sources`, async () =>
    (await ctx.conn()).connectFindStoragePoolSources(type, spec, 0),
  );
  ctx.print(list);
  return true;
};

const discover: Handler = async (ctx, opts) => {
  const type = opts.requiredString('type');
  const file = opts.string('srcSpec');
  const spec = file === undefined ? undefined : await ctx.readFile(file);
  const list = await ctx.attempt(`Failed to find any ${type} pool sources`, async () =>
    (await ctx.conn()).connectFindStoragePoolSources(type, spec, 0),
  );
  ctx.print(list);
  return true;
};

export const poolSourceHandlers: HandlerTable = {
  'find-storage-pool-sources-as': discoverAs,
  'find-storage-pool-sources': discover,
};
