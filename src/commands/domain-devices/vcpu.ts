import type { Connection } from '../../core/api/connection.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { VirError } from '../../core/errors.js';
import { ErrorCodes } from '../../core/error-codes.js';
import { child, children, parseTree } from '../../core/xml/tree.js';
import type { CommandContext, Handler } from '../types.js';
import { exclusive, formatMap, formatTable, hostCpuCount, mapBits, optDomain, pad, parseCpuList, requireOpt } from './util.js';

const LIVE = 1;
const CONFIG = 2;
const MAXIMUM = 4;
const GUEST = 8;

/** virshCPUCountCollect: -1 = not applicable to the domain's state, -2 = failed. */
async function countCollect(ctx: CommandContext, conn: Connection, dom: DomainHandle, flags: number, checkState: boolean) {
  if (checkState) {
    if (flags & LIVE && !(await conn.domainIsActive(dom))) return -1;
    if (flags & CONFIG && !(await conn.domainIsPersistent(dom))) return -1;
  }
  try {
    return await conn.domainGetVcpusFlags(dom, flags);
  } catch (e) {
    // Every driver of this project has the flags API, so virsh's fallbacks to older calls
    // never apply; only the guest-agent case adds its own message.
    const code = e instanceof VirError ? e.code : -1;
    if (flags & GUEST && (code === ErrorCodes.NO_SUPPORT[0] || code === ErrorCodes.INVALID_ARG[0])) {
      ctx.error('Failed to retrieve vCPU count from the guest');
    }
    throw e;
  }
}

export const vcpucount: Handler = async (ctx, opts) => {
  const maximum = opts.bool('maximum');
  const active = opts.bool('active');
  const config = opts.bool('config');
  const live = opts.bool('live');
  let current = opts.bool('current');
  const guest = opts.bool('guest');
  const all = !maximum && !active && !current && !config && !live && !guest;
  // Before 0.9.4 --current meant the opposite of --maximum; alone it now means nothing.
  if (!maximum && !active && current) current = false;
  const excl = (a: boolean, an: string, b: boolean, bn: string) => {
    if (a && b) ctx.error(`Options --${an} and --${bn} are mutually exclusive`);
    return !(a && b);
  };
  if (
    !excl(live, 'live', config, 'config') ||
    !excl(current, 'current', live, 'live') ||
    !excl(current, 'current', config, 'config') ||
    !excl(active, 'active', maximum, 'maximum') ||
    !excl(guest, 'guest', config, 'config')
  ) {
    return false;
  }
  const flags = (live ? LIVE : 0) | (config ? CONFIG : 0) | (maximum ? MAXIMUM : 0) | (guest ? GUEST : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  if (!all) {
    ctx.print(`${await countCollect(ctx, conn, dom, flags, false)}\n`);
    return true;
  }
  const confMax = await countCollect(ctx, conn, dom, CONFIG | MAXIMUM, true);
  const confCur = await countCollect(ctx, conn, dom, CONFIG, true);
  const liveMax = await countCollect(ctx, conn, dom, LIVE | MAXIMUM, true);
  const liveCur = await countCollect(ctx, conn, dom, LIVE, true);
  const line = (n: number, which: string, state: string) => {
    if (n > 0) ctx.print(`${pad(which, 12)} ${pad(state, 12)} ${String(n).padStart(3)}\n`);
  };
  line(confMax, 'maximum', 'config');
  line(liveMax, 'maximum', 'live');
  line(confCur, 'current', 'config');
  line(liveCur, 'current', 'live');
  return true;
};

function printAffinity(ctx: CommandContext, map: boolean[], maxcpu: number, pretty: boolean): void {
  let out = `${pad('CPU Affinity:', 15)} `;
  if (pretty) out += `${formatMap(map, mapBits(maxcpu))} (out of ${maxcpu})`;
  else for (let i = 0; i < maxcpu; i++) out += map[i] ? 'y' : '-';
  ctx.print(`${out}\n`);
}

/** virshDomainGetVcpuBitmap: which vCPUs of the inactive definition are online. */
function onlineVcpus(xml: string): number[] {
  const root = parseTree(xml);
  const max = Number(child(root, 'vcpu')?.text.trim() ?? 0);
  const cur = Number(child(root, 'vcpu')?.attrs.current ?? 0) || max;
  const listed = children(child(root, 'vcpus'), 'vcpu');
  if (listed.length === 0) return Array.from({ length: cur }, (_, i) => i);
  return listed.filter((v) => v.attrs.enabled === 'yes').map((v) => Number(v.attrs.id)).sort((a, b) => a - b);
}

export const vcpuinfo: Handler = async (ctx, opts) => {
  const pretty = opts.bool('pretty');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const maxcpu = await hostCpuCount(conn);
  const info = await conn.domainGetInfo(dom);
  let vcpus;
  try {
    vcpus = await conn.domainGetVcpus(dom, info.nrVirtCpu);
  } catch (e) {
    if (info.state !== 5) throw e;
    const online = onlineVcpus(await conn.domainGetXMLDesc(dom, 2));
    const maps = await conn.domainGetVcpuPinInfo(dom, Math.max(0, ...online.map((v) => v + 1)), CONFIG);
    online.forEach((v, k) => {
      if (k > 0) ctx.print('\n');
      ctx.print(`${pad('VCPU:', 15)} ${v}\n${pad('CPU:', 15)} N/A\n${pad('State:', 15)} N/A\n${pad('CPU time', 15)} N/A\n`);
      printAffinity(ctx, maps[v] ?? [], maxcpu, pretty);
    });
    return true;
  }
  const states = ['offline', 'running', 'blocked'];
  vcpus.info.forEach((v, n) => {
    ctx.print(`${pad('VCPU:', 15)} ${v.number}\n${pad('CPU:', 15)} ${v.cpu}\n`);
    ctx.print(`${pad('State:', 15)} ${states[v.state] ?? 'no state'}\n`);
    if (v.cpuTime !== 0n) ctx.print(`${pad('CPU time:', 15)} ${(Number(v.cpuTime) / 1e9).toFixed(1)}s\n`);
    printAffinity(ctx, vcpus.cpumaps[n], maxcpu, pretty);
    if (n < vcpus.info.length - 1) ctx.print('\n');
  });
  return true;
};

export const vcpupin: Handler = async (ctx, opts) => {
  const config = opts.bool('config');
  const live = opts.bool('live');
  const current = opts.bool('current');
  if (!exclusive(ctx, opts, 'current', 'live') || !exclusive(ctx, opts, 'current', 'config')) return false;
  const flags = (config ? CONFIG : 0) | (live ? LIVE : 0);
  const cpulist = opts.string('cpulist');
  if (cpulist === undefined && !exclusive(ctx, opts, 'live', 'config')) return false;
  const vcpu = opts.uint('vcpu');
  if (cpulist !== undefined && vcpu === undefined) {
    ctx.error('vcpupin: Missing vCPU number in pin mode.');
    return false;
  }
  const conn = await ctx.conn();
  const maxcpu = await hostCpuCount(conn);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  if (cpulist === undefined) {
    const n = await countCollect(ctx, conn, dom, flags | MAXIMUM, true);
    if (n === -1) {
      ctx.error(flags & LIVE ? 'cannot get vcpupin for offline domain' : 'cannot get vcpupin for transient domain');
      return false;
    }
    if (vcpu !== undefined && vcpu >= n) {
      const isLive = flags & LIVE || (!(flags & CONFIG) && (await conn.domainIsActive(dom)));
      ctx.error(`vcpu ${vcpu} is out of range of ${isLive ? 'live' : 'persistent'} cpu count ${n}`);
      return false;
    }
    const maps = await conn.domainGetVcpuPinInfo(dom, n, flags);
    const rows = maps
      .map((m, i) => [String(i), formatMap(m, mapBits(maxcpu))])
      .filter((_, i) => vcpu === undefined || i === vcpu);
    ctx.print(formatTable(['VCPU', 'CPU Affinity'], rows, !ctx.shell.quiet));
    return true;
  }
  const map = parseCpuList(cpulist, maxcpu);
  if (flags === 0 && !current) await conn.domainPinVcpu(dom, vcpu!, map);
  else await conn.domainPinVcpuFlags(dom, vcpu!, map, flags);
  return true;
};

export const emulatorpin: Handler = async (ctx, opts) => {
  const config = opts.bool('config');
  const live = opts.bool('live');
  const current = opts.bool('current');
  if (!exclusive(ctx, opts, 'current', 'live') || !exclusive(ctx, opts, 'current', 'config')) return false;
  const given = current || live || config;
  const flags = (config ? CONFIG : 0) | (live ? LIVE : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const cpulist = opts.string('cpulist');
  const conn = await ctx.conn();
  const maxcpu = await hostCpuCount(conn);
  if (cpulist === undefined) {
    const map = await conn.domainGetEmulatorPinInfo(dom, flags);
    ctx.printExtra('emulator: CPU Affinity\n----------------------------------\n       *: ');
    ctx.print(`${formatMap(map, mapBits(maxcpu))}\n`);
    return true;
  }
  const map = parseCpuList(cpulist, maxcpu);
  await conn.domainPinEmulator(dom, map, given ? flags : LIVE);
  return true;
};

export const setvcpus: Handler = async (ctx, opts) => {
  const maximum = opts.bool('maximum');
  const config = opts.bool('config');
  const live = opts.bool('live');
  const current = opts.bool('current');
  const guest = opts.bool('guest');
  const hotpluggable = opts.bool('hotpluggable');
  if (
    !exclusive(ctx, opts, 'current', 'live') ||
    !exclusive(ctx, opts, 'current', 'config') ||
    !exclusive(ctx, opts, 'guest', 'config') ||
    !requireOpt(ctx, opts, 'maximum', 'config')
  ) {
    return false;
  }
  const flags = (config ? CONFIG : 0) | (live ? LIVE : 0) | (guest ? GUEST : 0) | (maximum ? MAXIMUM : 0) | (hotpluggable ? 16 : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const count = opts.uint('count') ?? 0;
  if (count === 0) {
    ctx.error("Can't set 0 processors for a VM");
    return false;
  }
  const conn = await ctx.conn();
  if (!current && flags === 0) await conn.domainSetVcpus(dom, count);
  else await conn.domainSetVcpusFlags(dom, count, flags);
  return true;
};

export const setvcpu: Handler = async (ctx, opts) => {
  const enable = opts.bool('enable');
  const disable = opts.bool('disable');
  if (
    !exclusive(ctx, opts, 'enable', 'disable') ||
    !exclusive(ctx, opts, 'current', 'live') ||
    !exclusive(ctx, opts, 'current', 'config')
  ) {
    return false;
  }
  const flags = (opts.bool('config') ? CONFIG : 0) | (opts.bool('live') ? LIVE : 0);
  if (!enable && !disable) {
    ctx.error('one of --enable, --disable is required');
    return false;
  }
  const vcpulist = opts.requiredString('vcpulist');
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainSetVcpu(dom, vcpulist, enable ? 1 : 0, flags);
  return true;
};

export const guestvcpus: Handler = async (ctx, opts) => {
  const enable = opts.bool('enable');
  const disable = opts.bool('disable');
  if (
    !exclusive(ctx, opts, 'enable', 'disable') ||
    !requireOpt(ctx, opts, 'enable', 'cpulist') ||
    !requireOpt(ctx, opts, 'disable', 'cpulist')
  ) {
    return false;
  }
  const cpulist = opts.string('cpulist');
  if (cpulist !== undefined && !enable && !disable) {
    ctx.error('One of options --enable or --disable is required by option --cpulist');
    return false;
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  if (cpulist !== undefined) {
    await conn.domainSetGuestVcpus(dom, cpulist, enable ? 1 : 0, 0);
    return true;
  }
  for (const p of await conn.domainGetGuestVcpus(dom, 0)) ctx.print(`${pad(p.field, 15)}: ${String(p.value)}\n`);
  return true;
};
