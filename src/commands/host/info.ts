import { emit } from '../json/emit.js';
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

  nodeinfo: async (ctx, opts) => {
    const conn = await ctx.conn();
    const info = await ctx.attempt('failed to get node information', () => conn.nodeGetInfo());
    const data = {
      cpuModel: info.model,
      cpus: info.cpus,
      cpuMhz: info.mhz,
      sockets: info.sockets,
      coresPerSocket: info.cores,
      threadsPerCore: info.threads,
      numaCells: info.nodes,
      memoryKiB: info.memory,
    };
    emit(ctx, opts, data, (d) => {
      const row = (label: string, value: string | number) => `${left(label, 20)} ${value}\n`;
      return (
        row('CPU model:', d.cpuModel) +
        row('CPU(s):', d.cpus) +
        (d.cpuMhz ? row('CPU frequency:', `${d.cpuMhz} MHz`) : '') +
        row('CPU socket(s):', d.sockets) +
        row('Core(s) per socket:', d.coresPerSocket) +
        row('Thread(s) per core:', d.threadsPerCore) +
        row('NUMA cell(s):', d.numaCells) +
        row('Memory size:', `${d.memoryKiB} KiB`)
      );
    });
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
    const libraryLines = (t: string) =>
      `Compiled against library: libvirt ${versionText(LIBVIRT_VERSION)}\nUsing library: libvirt ${versionText(LIBVIRT_VERSION)}\nUsing API: ${t} ${versionText(LIBVIRT_VERSION)}\n`;
    // virsh prints the library lines before asking for the hypervisor's version
    const hv = await ctx.attempt('failed to get the hypervisor version', () => conn.getVersion()).catch((e: unknown) => {
      if (!opts.bool('json')) ctx.print(libraryLines(type));
      throw e;
    });
    // --daemon: a daemon that cannot say is reported after the rest, as virsh prints it last
    const daemon = opts.bool('daemon') ? await conn.getLibVersion().catch(() => null) : undefined;
    const data = {
      compiledLibrary: versionText(LIBVIRT_VERSION),
      library: versionText(LIBVIRT_VERSION),
      hypervisorType: type,
      api: versionText(LIBVIRT_VERSION),
      hypervisor: hv === 0 ? null : versionText(hv),
      daemon: daemon ? versionText(daemon) : null,
    };
    emit(ctx, opts, data, (d) => {
      let out = libraryLines(d.hypervisorType);
      out += d.hypervisor === null ? `Cannot extract running ${d.hypervisorType} hypervisor version\n` : `Running hypervisor: ${d.hypervisorType} ${d.hypervisor}\n`;
      if (d.daemon !== null) out += `Running against daemon: ${d.daemon}\n`;
      return out;
    });
    if (daemon === null) ctx.error('failed to get the daemon version');
    return true;
  },
};
