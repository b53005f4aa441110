import { VirError } from '../../core/errors.js';
import { emit } from '../json/emit.js';
import type { Handler } from '../types.js';
import { BY_ID, BY_NAME, BY_UUID, optDomain, reasonName, stateName } from './util.js';

const field = (label: string, value: string | number) => `${label.padEnd(15)} ${value}\n`;

/** dominfo's report (schema/json/dominfo.schema.json); null where the driver gave nothing. */
interface DomInfo {
  id: number | null;
  name: string;
  uuid: string;
  osType: string;
  state: string | null;
  cpus: number | null;
  /** seconds; null when the driver reports none (virsh leaves the line out) */
  cpuTime: number | null;
  /** KiB; null for no limit */
  maxMemory: number | null;
  usedMemory: number | null;
  persistent: boolean;
  autostart: boolean;
  managedSave: boolean;
  security: { model: string; doi: string; label: string | null; enforcing: boolean | null } | null;
  messages: string[];
}

/** dominfo's lines up to the memory, after which virsh traces the persistent flag (-d 0). */
function dominfoHead(d: DomInfo): string {
  let out = field('Id:', d.id ?? '-') + field('Name:', d.name) + field('UUID:', d.uuid) + field('OS Type:', d.osType);
  if (d.state !== null) {
    out += field('State:', d.state) + field('CPU(s):', d.cpus ?? 0);
    if (d.cpuTime !== null) out += field('CPU time:', `${d.cpuTime.toFixed(1)}s`);
    out += field('Max memory:', d.maxMemory === null ? 'no limit' : `${d.maxMemory} KiB`);
    out += field('Used memory:', `${d.usedMemory} KiB`);
  }
  return out;
}

function dominfoTail(d: DomInfo): string {
  let out = field('Persistent:', d.persistent ? 'yes' : 'no');
  out += field('Autostart:', d.autostart ? 'enable' : 'disable');
  out += field('Managed save:', d.managedSave ? 'yes' : 'no');
  if (d.security) {
    out += field('Security model:', d.security.model) + field('Security DOI:', d.security.doi);
    if (d.security.label !== null) out += field('Security label:', `${d.security.label} (${d.security.enforcing ? 'enforcing' : 'permissive'})`);
  }
  d.messages.forEach((m, i) => (out += field(i === 0 ? 'Messages:' : '', m)));
  return out;
}

export const dominfo: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  // virsh prints Id, Name and UUID before asking for the OS type
  const osType = await conn.domainGetOSType(dom).catch((e: unknown) => {
    if (!opts.bool('json')) ctx.print(field('Id:', dom.id === -1 ? '-' : dom.id) + field('Name:', dom.name) + field('UUID:', dom.uuid));
    throw e;
  });
  // virsh goes on without the info block when the driver cannot give it, and fails at the end
  const info = await conn.domainGetInfo(dom).catch((e: unknown) => {
    if (e instanceof VirError) return undefined;
    throw e;
  });
  const persistent = await conn.domainIsPersistent(dom);
  const data: DomInfo = {
    id: dom.id === -1 ? null : dom.id,
    name: dom.name,
    uuid: dom.uuid,
    osType,
    state: info ? stateName(info.state) : null,
    cpus: info ? info.nrVirtCpu : null,
    cpuTime: info && info.cpuTime !== 0 ? info.cpuTime / 1e9 : null,
    maxMemory: info && info.maxMem !== 0xffffffff ? info.maxMem : null,
    usedMemory: info ? info.memory : null,
    persistent,
    autostart: await conn.domainGetAutostart(dom),
    managedSave: await conn.domainHasManagedSaveImage(dom, 0),
    security: null,
    messages: [],
  };
  const model = await conn.nodeGetSecurityModel();
  if (model.model !== '') {
    const label = await conn.domainGetSecurityLabel(dom);
    data.security = {
      model: model.model,
      doi: model.doi,
      label: label.label === '' ? null : label.label,
      enforcing: label.label === '' ? null : !!label.enforcing,
    };
  }
  data.messages = await conn.domainGetMessages(dom, 0);
  // vshDebug writes to stdout: the trace goes between the memory lines and the rest.
  if (!opts.bool('json')) ctx.print(dominfoHead(data));
  ctx.debug(0, `Domain persistent flag value: ${persistent ? 1 : 0}\n`);
  emit(ctx, opts, data, dominfoTail);
  return info !== undefined;
};

export const domstate: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const { state, reason } = await (await ctx.conn()).domainGetState(dom, 0);
  const withReason = opts.bool('reason');
  const data = { state: stateName(state), reason: withReason ? reasonName(state, reason) : null };
  emit(ctx, opts, data, (d) => (d.reason !== null ? `${d.state} (${d.reason})\n` : `${d.state}\n`));
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
  // VIR_DOMAIN_GET_HOSTNAME_LEASE is bit 0, _AGENT bit 1.
  const SOURCES: Record<string, number> = { lease: 1, agent: 2 };
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
