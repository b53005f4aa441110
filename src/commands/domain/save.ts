import { DomainSave, DomainXML } from '../../core/api/domain.js';
import { watchJob } from '../job/watch.js';
import type { Handler } from '../types.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { exclusive, optDomain } from './util.js';

const saveFlags = (opts: Parameters<Handler>[1]) =>
  (opts.bool('bypass-cache') ? DomainSave.BYPASS_CACHE : 0) |
  (opts.bool('running') ? DomainSave.RUNNING : 0) |
  (opts.bool('paused') ? DomainSave.PAUSED : 0);

export const save: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const to = opts.requiredString('file');
  const xmlFile = opts.string('xml');
  const flags = saveFlags(opts);
  const xml = xmlFile === undefined ? null : await ctx.readFile(xmlFile);
  const conn = await ctx.conn();
  const job = { conn, dom, label: 'Save', verbose: opts.bool('verbose'), debug: ctx.debug, lookup: () => optDomain(ctx, opts) };
  await watchJob(job, () => ctx.attempt(`Failed to save domain '${name}' to ${to}`, () => conn.domainSave(dom, to, xml, flags)));
  ctx.printExtra(`\nDomain '${name}' saved to ${to}\n`);
  return true;
};

export const restore: Handler = async (ctx, opts) => {
  const from = opts.requiredString('file');
  const flags = saveFlags(opts) | (opts.bool('reset-nvram') ? DomainSave.RESET_NVRAM : 0);
  const xmlFile = opts.string('xml');
  const xml = xmlFile === undefined ? null : await ctx.readFile(xmlFile);
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to restore domain from ${from}`, () => conn.domainRestore(from, xml, flags));
  ctx.printExtra(`Domain restored from ${from}\n`);
  return true;
};

export const saveImageDumpxml: Handler = async (ctx, opts) => {
  const flags = opts.bool('security-info') ? DomainXML.SECURE : 0;
  const file = opts.requiredString('file');
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const xml = await (await ctx.conn()).domainSaveImageGetXMLDesc(file, flags);
  return virshDumpXML(ctx, xml, 'domain-save-image', xpath, opts.bool('wrap'));
};

export const saveImageDefine: Handler = async (ctx, opts) => {
  const flags = (opts.bool('running') ? DomainSave.RUNNING : 0) | (opts.bool('paused') ? DomainSave.PAUSED : 0);
  const file = opts.requiredString('file');
  const xml = await ctx.readFile(opts.requiredString('xml'));
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to update ${file}`, () => conn.domainSaveImageDefineXML(file, xml, flags));
  ctx.printExtra(`State file ${file} updated.\n`);
  return true;
};

export const managedsave: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const conn = await ctx.conn();
  const job = { conn, dom, label: 'Managedsave', verbose: opts.bool('verbose'), debug: ctx.debug, lookup: () => optDomain(ctx, opts) };
  await watchJob(job, () => ctx.attempt(`Failed to save domain '${name}' state`, () => conn.domainManagedSave(dom, saveFlags(opts))));
  ctx.printExtra(`\nDomain '${name}' state saved by libvirt\n`);
  return true;
};

export const managedsaveRemove: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const conn = await ctx.conn();
  const has = await ctx.attempt('Failed to check for domain managed save image', () =>
    conn.domainHasManagedSaveImage(dom, 0),
  );
  if (!has) {
    ctx.printExtra(`Domain '${name}' has no manage save image; removal skipped`);
    return true;
  }
  await ctx.attempt(`Failed to remove managed save image for domain '${name}'`, () =>
    conn.domainManagedSaveRemove(dom, 0),
  );
  ctx.printExtra(`Removed managedsave image for domain '${name}'`);
  return true;
};

export const managedsaveDumpxml: Handler = async (ctx, opts) => {
  const flags = opts.bool('security-info') ? DomainXML.SECURE : 0;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  const xml = await (await ctx.conn()).domainManagedSaveGetXMLDesc(dom, flags);
  return virshDumpXML(ctx, xml, 'domain-save-image', xpath, opts.bool('wrap'));
};

export const managedsaveDefine: Handler = async (ctx, opts) => {
  const flags = (opts.bool('running') ? DomainSave.RUNNING : 0) | (opts.bool('paused') ? DomainSave.PAUSED : 0);
  if (!exclusive(ctx, opts, 'running', 'paused')) return false;
  const xml = await ctx.readFile(opts.requiredString('xml'));
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to update ${dom.name} XML configuration`, () =>
    conn.domainManagedSaveDefineXML(dom, xml, flags),
  );
  ctx.printExtra(`Managed save state file of domain '${dom.name}' updated.\n`);
  return true;
};
