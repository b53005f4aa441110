import { VirError } from '../../core/errors.js';
import type { Handler } from '../types.js';
import { BY_ID, BY_NAME, BY_UUID, optDomain, reasonName, stateName } from './util.js';

const field = (label: string, value: string | number) => `${label.padEnd(15)} ${value}\n`;

export const dominfo: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  let ok = true;
  ctx.print(field('Id:', dom.id === -1 ? '-' : dom.id));
  ctx.print(field('Name:', dom.name));
  ctx.print(field('UUID:', dom.uuid));
  ctx.print(field('OS Type:', await conn.domainGetOSType(dom)));
  try {
    const info = await conn.domainGetInfo(dom);
    ctx.print(field('State:', stateName(info.state)));
    ctx.print(field('CPU(s):', info.nrVirtCpu));
    if (info.cpuTime !== 0) ctx.print(field('CPU time:', `${(info.cpuTime / 1e9).toFixed(1)}s`));
    ctx.print(field('Max memory:', info.maxMem === 0xffffffff ? 'no limit' : `${info.maxMem} KiB`));
    ctx.print(field('Used memory:', `${info.memory} KiB`));
  } catch (e) {
    if (!(e instanceof VirError)) throw e;
    ok = false;
  }
  ctx.print(field('Persistent:', (await conn.domainIsPersistent(dom)) ? 'yes' : 'no'));
  ctx.print(field('Autostart:', (await conn.domainGetAutostart(dom)) ? 'enable' : 'disable'));
  ctx.print(field('Managed save:', (await conn.domainHasManagedSaveImage(dom, 0)) ? 'yes' : 'no'));
  const model = await conn.nodeGetSecurityModel();
  if (model.model !== '') {
    ctx.print(field('Security model:', model.model));
    ctx.print(field('Security DOI:', model.doi));
    const label = await conn.domainGetSecurityLabel(dom);
    if (label.label !== '')
      ctx.print(field('Security label:', `${label.label} (${label.enforcing ? 'enforcing' : 'permissive'})`));
  }
  const messages = await conn.domainGetMessages(dom, 0);
  messages.forEach((m, i) => ctx.print(field(i === 0 ? 'Messages:' : '', m)));
  return ok;
};

export const domstate: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const { state, reason } = await (await ctx.conn()).domainGetState(dom, 0);
  ctx.print(opts.bool('reason') ? `${stateName(state)} (${reasonName(state, reason)})\n` : `${stateName(state)}\n`);
  return true;
};

export const domid: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts, BY_NAME | BY_UUID);
  if (!dom) return false;
  ctx.print(`${dom.id === -1 ? '-' : dom.id}\n`);
  return true;
};

export const domname: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts, BY_ID | BY_UUID);
  if (!dom) return false;
  ctx.print(`${dom.name}\n`);
  return true;
};

export const domuuid: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts, BY_NAME | BY_ID);
  if (!dom) return false;
  ctx.print(`${dom.uuid}\n`);
  return true;
};

export const domhostname: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const source = opts.string('source');
  const SOURCES: Record<string, number> = { agent: 1, lease: 2 };
  if (source !== undefined && !(source in SOURCES)) {
    ctx.error(`Unknown data source '${source}'`);
    return false;
  }
  const conn = await ctx.conn();
  const hostname = await ctx.attempt('failed to get hostname', () =>
    conn.domainGetHostname(dom, source === undefined ? 0 : SOURCES[source]),
  );
  ctx.print(`${hostname}\n`);
  return true;
};
