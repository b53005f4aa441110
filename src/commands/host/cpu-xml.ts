import type { CommandContext, HandlerTable } from '../types.js';
import { parseXmlDocument } from '../../core/xml/parse.js';
import { escapeXml } from '../../core/xml/writer.js';
import { child, children, type XNode } from '../../core/xml/tree.js';

/** VIR_CONNECT_COMPARE_CPU_* and VIR_CONNECT_BASELINE_CPU_* flags. */
const COMPARE_FAIL_INCOMPATIBLE = 1 << 0;
const COMPARE_VALIDATE_XML = 1 << 1;
const BASELINE_EXPAND_FEATURES = 1 << 0;
const BASELINE_MIGRATABLE = 1 << 1;

/** virCPUCompareResult */
const CPU_COMPARE_INCOMPATIBLE = 0;
const CPU_COMPARE_IDENTICAL = 1;
const CPU_COMPARE_SUPERSET = 2;

function serialize(n: XNode): string {
  const attrs = Object.entries(n.attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  const inner = escapeXml(n.text.trim() === '' && n.children.length ? '' : n.text) + n.children.map(serialize).join('');
  return inner === '' ? `<${n.name}${attrs}/>` : `<${n.name}${attrs}>${inner}</${n.name}>`;
}

/**
 * virsh's vshExtractCPUDefXMLs: the <cpu> elements of a file holding bare CPU definitions,
 * domain XML, host capabilities or domain capabilities (whose supported host-model <mode>
 * is turned into a <cpu>). Undefined (after reporting) when there is none.
 */
async function extractCpuXmls(ctx: CommandContext, file: string): Promise<string[] | undefined> {
  let text = await ctx.readFile(file);
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end >= 0) text = text.slice(end + 2);
  }
  const root = parseXmlDocument(`<container>${text}</container>`, file);
  const found: XNode[] = [];
  for (const top of root.children) {
    if (top.name === 'cpu') found.push(top);
    else if (top.name === 'domain') found.push(...children(top, 'cpu'));
    else if (top.name === 'capabilities') found.push(...children(child(top, 'host'), 'cpu'));
    else if (top.name === 'domainCapabilities') {
      for (const cpu of children(top, 'cpu')) {
        for (const mode of children(cpu, 'mode')) {
          if (mode.attrs.name === 'host-model' && mode.attrs.supported === 'yes') found.push({ ...mode, name: 'cpu', attrs: {} });
        }
      }
    }
  }
  if (found.length === 0) {
    ctx.error(
      `File '${file}' does not contain any <cpu> element or valid domain XML, host capabilities XML, or domain capabilities XML`,
    );
    return undefined;
  }
  return found.map(serialize);
}

function compareFlags(opts: { bool(n: string): boolean }): number {
  return (opts.bool('error') ? COMPARE_FAIL_INCOMPATIBLE : 0) | (opts.bool('validate') ? COMPARE_VALIDATE_XML : 0);
}

function baselineFlags(opts: { bool(n: string): boolean }): number {
  return (opts.bool('features') ? BASELINE_EXPAND_FEATURES : 0) | (opts.bool('migratable') ? BASELINE_MIGRATABLE : 0);
}

/**
 * The optional hypervisor selectors of the hypervisor-cpu-* commands, read in virsh's order
 * (an empty one is reported first by that order), returned in the API's order.
 */
function hypervisorSelectors(opts: { string(n: string): string | undefined }) {
  const [virttype, emulator, arch, machine] = ['virttype', 'emulator', 'arch', 'machine'].map((n) => opts.string(n));
  return [emulator, arch, machine, virttype] as const;
}

export const cpuXmlHandlers: HandlerTable = {
  'cpu-compare': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const flags = compareFlags(opts);
    const conn = await ctx.conn();
    const cpus = await extractCpuXmls(ctx, file);
    if (!cpus) return false;
    const result = await ctx.attempt(`Failed to compare host CPU with ${file}`, () => conn.compareCPU(cpus[0], flags));
    if (result === CPU_COMPARE_INCOMPATIBLE) {
      ctx.print(`CPU described in ${file} is incompatible with host CPU\n`);
      return false;
    }
    if (result === CPU_COMPARE_IDENTICAL) ctx.print(`CPU described in ${file} is identical to host CPU\n`);
    else if (result === CPU_COMPARE_SUPERSET) ctx.print(`Host CPU is a superset of CPU described in ${file}\n`);
    else {
      ctx.error(`Failed to compare host CPU with ${file}`);
      return false;
    }
    return true;
  },

  'cpu-baseline': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const flags = baselineFlags(opts);
    const conn = await ctx.conn();
    const cpus = await extractCpuXmls(ctx, file);
    if (!cpus) return false;
    ctx.print(await conn.baselineCPU(cpus, flags));
    return true;
  },

  'hypervisor-cpu-compare': async (ctx, opts) => {
    const file = opts.requiredString('file');
    const flags = compareFlags(opts);
    const [emulator, arch, machine, virttype] = hypervisorSelectors(opts);
    const conn = await ctx.conn();
    const cpus = await extractCpuXmls(ctx, file);
    if (!cpus) return false;
    const result = await ctx.attempt(`Failed to compare hypervisor CPU with ${file}`, () =>
      conn.compareHypervisorCPU(emulator, arch, machine, virttype, cpus[0], flags),
    );
    if (result === CPU_COMPARE_INCOMPATIBLE) {
      ctx.print(`CPU described in ${file} is incompatible with the CPU provided by hypervisor on the host\n`);
      return false;
    }
    if (result === CPU_COMPARE_IDENTICAL) {
      ctx.print(`CPU described in ${file} is identical to the CPU provided by hypervisor on the host\n`);
    } else if (result === CPU_COMPARE_SUPERSET) {
      ctx.print(`The CPU provided by hypervisor on the host is a superset of CPU described in ${file}\n`);
    } else {
      ctx.error(`Failed to compare hypervisor CPU with ${file}`);
      return false;
    }
    return true;
  },

  'hypervisor-cpu-baseline': async (ctx, opts) => {
    const flags = baselineFlags(opts);
    const file = opts.string('file');
    const [emulator, arch, machine, virttype] = hypervisorSelectors(opts);
    const model = opts.string('model');
    if (file !== undefined && model !== undefined) {
      ctx.error('Options --file and --model are mutually exclusive');
      return false;
    }
    if (file === undefined && model === undefined) {
      ctx.error('Either --file or --model must be provided');
      return false;
    }
    const conn = await ctx.conn();
    const cpus = file !== undefined ? await extractCpuXmls(ctx, file) : [`<cpu><model>${model}</model></cpu>`];
    if (!cpus) return false;
    ctx.print(await conn.baselineHypervisorCPU(emulator, arch, machine, virttype, cpus, flags));
    return true;
  },
};
