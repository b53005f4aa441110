import type { HandlerTable } from '../types.js';
import { left } from './printf.js';

/** LIBVIR_VERSION_NUMBER virsh was built against and runs with (9.0.0). */
const LIBVIRT_VERSION = 9_000_000;

function versionText(v: number): string {
  return `${Math.floor(v / 1_000_000)}.${Math.floor((v % 1_000_000) / 1000)}.${v % 1000}`;
}

/** Commands that print one fact about the connection or the host. */
export const infoHandlers: HandlerTable = {
  capabilities: async (ctx) => {
    const conn = await ctx.conn();
    const caps = await ctx.attempt('failed to get capabilities', () => conn.getCapabilities());
    ctx.print(`${caps}\n`);
    return true;
  },

  domcapabilities: async (ctx, opts) => {
    const conn = await ctx.conn();
    const [virttype, emulatorbin, arch, machine] = ['virttype', 'emulatorbin', 'arch', 'machine'].map((n) => opts.string(n));
    const caps = await ctx.attempt('failed to get emulator capabilities', () =>
      conn.getDomainCapabilities(emulatorbin, arch, machine, virttype, 0),
    );
    ctx.print(`${caps}\n`);
    return true;
  },

  nodeinfo: async (ctx) => {
    const conn = await ctx.conn();
    const info = await ctx.attempt('failed to get node information', () => conn.nodeGetInfo());
    const row = (label: string, value: string | number) => ctx.print(`${left(label, 20)} ${value}\n`);
    row('CPU model:', info.model);
    row('CPU(s):', info.cpus);
    if (info.mhz) row('CPU frequency:', `${info.mhz} MHz`);
    row('CPU socket(s):', info.sockets);
    row('Core(s) per socket:', info.cores);
    row('Thread(s) per core:', info.threads);
    row('NUMA cell(s):', info.nodes);
    row('Memory size:', `${info.memory} KiB`);
    return true;
  },

  sysinfo: async (ctx) => {
    const conn = await ctx.conn();
    ctx.print(await ctx.attempt('failed to get sysinfo', () => conn.getSysinfo(0)));
    return true;
  },

  hostname: async (ctx) => {
    const conn = await ctx.conn();
    ctx.print(`${await ctx.attempt('failed to get hostname', () => conn.getHostname())}\n`);
    return true;
  },

  uri: async (ctx) => {
    const conn = await ctx.conn();
    ctx.print(`${await ctx.attempt('failed to get URI', () => conn.getURI())}\n`);
    return true;
  },

  maxvcpus: async (ctx, opts) => {
    const conn = await ctx.conn();
    const type = opts.string('type');
    // virsh asks the domain capabilities first and falls back, forgetting that error.
    let vcpus = -1;
    const domcaps = await conn.getDomainCapabilities(undefined, undefined, undefined, type, 0).catch(() => undefined);
    const max = domcaps && /<vcpu\s+max='(\d+)'/.exec(domcaps);
    if (max) vcpus = Number(max[1]);
    if (vcpus < 0) vcpus = await conn.getMaxVcpus(type);
    ctx.print(`${vcpus}\n`);
    return true;
  },

  version: async (ctx, opts) => {
    const conn = await ctx.conn();
    const type = await ctx.attempt('failed to get hypervisor type', () => conn.getType());
    ctx.print(`Compiled against library: libvirt ${versionText(LIBVIRT_VERSION)}\n`);
    ctx.print(`Using library: libvirt ${versionText(LIBVIRT_VERSION)}\n`);
    ctx.print(`Using API: ${type} ${versionText(LIBVIRT_VERSION)}\n`);
    const hv = await ctx.attempt('failed to get the hypervisor version', () => conn.getVersion());
    if (hv === 0) ctx.print(`Cannot extract running ${type} hypervisor version\n`);
    else ctx.print(`Running hypervisor: ${type} ${versionText(hv)}\n`);
    if (opts.bool('daemon')) {
      const daemon = await conn.getLibVersion().catch(() => undefined);
      if (daemon === undefined) ctx.error('failed to get the daemon version');
      else ctx.print(`Running against daemon: ${versionText(daemon)}\n`);
    }
    return true;
  },
};
