import type { CommandContext, CommandOptions, Handler, HandlerTable } from '../types.js';
import { createFlags } from './pool-lifecycle.js';
import { exclusive } from './util.js';

/**
 * virshBuildPoolXML: the <pool> document pool-define-as / pool-create-as make from options.
 * Values go in verbatim, as virsh does (no escaping).
 */
function buildPoolXml(ctx: CommandContext, opts: CommandOptions): string | undefined {
  if (!exclusive(ctx, opts, 'secret-usage', 'secret-uuid')) return undefined;
  // virsh reads name and type before the other options: an empty one is the error it reports first.
  const poolName = opts.requiredString('name');
  const poolType = opts.requiredString('type');
  const o = (n: string) => opts.string(n);
  const [host, path, dev, name, format, target] = ['source-host', 'source-path', 'source-dev', 'source-name', 'source-format', 'target'].map(o);
  const [authType, authUser, secretUsage, secretUuid] = ['auth-type', 'auth-username', 'secret-usage', 'secret-uuid'].map(o);
  const [adName, adWwnn, adWwpn, adParent, adParentWwnn, adParentWwpn, adFabric] = [
    'adapter-name', 'adapter-wwnn', 'adapter-wwpn', 'adapter-parent', 'adapter-parent-wwnn', 'adapter-parent-wwpn', 'adapter-parent-fabric-wwn',
  ].map(o);
  const [protoVer, initiator] = ['source-protocol-ver', 'source-initiator'].map(o);
  const lines = [`<pool type='${poolType}'>`, `  <name>${poolName}</name>`];
  if (host || path || dev || initiator || format || name || (adWwnn && adWwpn) || adName) {
    lines.push('  <source>');
    if (host) lines.push(`    <host name='${host}'/>`);
    if (path) lines.push(`    <dir path='${path}'/>`);
    if (dev) lines.push(`    <device path='${dev}'/>`);
    if (initiator) lines.push('    <initiator>', `      <iqn name='${initiator}'/>`, '    </initiator>');
    if (adWwnn && adWwpn) {
      let parent = '';
      if (adParent) parent = ` parent='${adParent}'`;
      else if (adParentWwnn && adParentWwpn) parent = ` parent_wwnn='${adParentWwnn}' parent_wwpn='${adParentWwpn}'`;
      else if (adFabric) parent = ` parent_fabric_wwn='${adFabric}'`;
      lines.push(`    <adapter type='fc_host'${parent} wwnn='${adWwnn}' wwpn='${adWwpn}'/>`);
    } else if (adName) {
      lines.push(`    <adapter type='scsi_host' name='${adName}'/>`);
    }
    if (authType && authUser && (secretUsage || secretUuid)) {
      lines.push(`    <auth type='${authType}' username='${authUser}'>`);
      lines.push(secretUsage ? `      <secret usage='${secretUsage}'/>` : `      <secret uuid='${secretUuid}'/>`);
      lines.push('    </auth>');
    }
    if (format) lines.push(`    <format type='${format}'/>`);
    if (name) lines.push(`    <name>${name}</name>`);
    if (protoVer) lines.push(`    <protocol ver='${protoVer}'/>`);
    lines.push('  </source>');
  }
  if (target) lines.push('  <target>', `    <path>${target}</path>`, '  </target>');
  lines.push('</pool>', '');
  return lines.join('\n');
}

const poolDefineAs: Handler = async (ctx, opts) => {
  const xml = buildPoolXml(ctx, opts);
  if (xml === undefined) return false;
  const name = opts.requiredString('name');
  if (opts.bool('print-xml')) {
    ctx.print(xml);
    return true;
  }
  await ctx.attempt(`Failed to define pool ${name}`, async () => (await ctx.conn()).storagePoolDefineXML(xml, 0));
  ctx.printExtra(`Pool ${name} defined\n`);
  return true;
};

const poolCreateAs: Handler = async (ctx, opts) => {
  if (!exclusive(ctx, opts, 'overwrite', 'no-overwrite')) return false;
  const xml = buildPoolXml(ctx, opts);
  if (xml === undefined) return false;
  const name = opts.requiredString('name');
  if (opts.bool('print-xml')) {
    ctx.print(xml);
    return true;
  }
  await ctx.attempt(`Failed to create pool ${name}`, async () => (await ctx.conn()).storagePoolCreateXML(xml, createFlags(opts)));
  ctx.printExtra(`Pool ${name} created\n`);
  return true;
};

export const poolAsHandlers: HandlerTable = {
  'pool-define-as': poolDefineAs,
  'pool-create-as': poolCreateAs,
};
