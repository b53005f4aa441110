import { virErr } from '../errors.js';
import { parseXmlDocument } from '../xml/parse.js';
import { child, children, type XNode } from '../xml/tree.js';
import { propEnum, propInt, propUInt, TRISTATE_BOOL, TRISTATE_SWITCH } from '../xml/domain/numbers.js';
import { propULongLong } from '../xml/network/props.js';
import { isKnownArch } from '../arch.js';
import type { CpuDef } from './cpu-def.js';

const CACHE_MODES = ['emulate', 'passthrough', 'disable'] as const;
const MAXPHYSADDR_MODES = ['emulate', 'passthrough'] as const;

const xmlErr = (msg: string) => virErr('XML_ERROR', msg, 'CPU');
const unsupportedConfig = (msg: string) => virErr('CONFIG_UNSUPPORTED', msg, 'CPU');

/** XPath string(): all character data below the element. */
function stringValue(node: XNode): string {
  return node.text + node.children.map(stringValue).join('');
}

/** virXPathString("string(./name[1])"): undefined when absent or empty, as libvirt's NULL. */
function firstText(node: XNode, name: string): string | undefined {
  const c = child(node, name);
  const t = c ? stringValue(c) : '';
  return t === '' ? undefined : t;
}

/** The host-only elements: microcode, signature and the TSC counter. */
function parseHostExtras(node: XNode, def: CpuDef): void {
  const microcode = child(node, 'microcode');
  if (microcode?.attrs.version !== undefined) {
    const m = /^\s*\+?(\d+)$/.exec(microcode.attrs.version);
    if (!m || Number(m[1]) > 0xffffffff) throw unsupportedConfig('invalid microcode version');
    def.microcode = Number(m[1]);
  }
  const sig = child(node, 'signature');
  if (sig) {
    def.signature = {
      family: propUInt(sig, 'family', 10, { required: true, nonzero: true })!,
      model: propUInt(sig, 'model', 10, { required: true })!,
      stepping: propUInt(sig, 'stepping', 10, { required: true })!,
    };
  }
  const counter = children(node, 'counter').find((c) => c.attrs.name === 'tsc');
  if (counter) {
    if (counter.attrs.frequency === undefined) {
      throw xmlErr(`Missing required attribute 'frequency' in element 'counter'`);
    }
    const frequency = propULongLong(counter, 'frequency')!;
    const scaling = propEnum(counter, 'scaling', TRISTATE_BOOL, { nonzero: true });
    def.tsc = { frequency, scaling: scaling === 'absent' ? undefined : scaling };
  }
}

function parseTopology(node: XNode, def: CpuDef): void {
  const t = child(node, 'topology');
  if (!t) return;
  const sockets = propUInt(t, 'sockets', 10, { required: true, nonzero: true })!;
  const dies = propUInt(t, 'dies', 10, { nonzero: true }) ?? 1;
  const cores = propUInt(t, 'cores', 10, { required: true, nonzero: true })!;
  const threads = propUInt(t, 'threads', 10, { required: true, nonzero: true })!;
  def.topology = { sockets, dies, cores, threads };
}

function parseFeatures(node: XNode, def: CpuDef): void {
  for (const f of children(node, 'feature')) {
    const name = f.attrs.name;
    if (!name) throw xmlErr('Invalid CPU feature name');
    if (def.features.some((g) => g.name === name)) throw xmlErr(`CPU feature '${name}' specified more than once`);
    def.features.push({ name });
  }
}

function parseCacheAndAddr(node: XNode, def: CpuDef): void {
  const caches = children(node, 'cache');
  if (caches.length > 1) throw xmlErr('at most one CPU cache element may be specified');
  if (caches.length === 1) {
    const level = propInt(caches[0], 'level', { nonnegative: true });
    if (level !== undefined && (level < 1 || level > 3)) throw xmlErr('invalid CPU cache level, must be in range [1,3]');
    def.cache = { level, mode: propEnum(caches[0], 'mode', CACHE_MODES, { required: true })! };
  }
  const addr = child(node, 'maxphysaddr');
  if (addr) {
    const mode = propEnum(addr, 'mode', MAXPHYSADDR_MODES, { required: true })!;
    def.maxphysaddr = { mode, bits: propInt(addr, 'bits', { nonnegative: true }) };
  }
}

/**
 * virCPUDefParseXML for a host CPU (VIR_CPU_TYPE_HOST), the kind virConnectBaselineCPU
 * reads: arch and model are required, mode and policies do not exist.
 */
export function parseHostCpu(node: XNode): CpuDef {
  if (node.name !== 'cpu') throw xmlErr("XML does not contain expected 'cpu' element");
  if (node.attrs.mode !== undefined) throw unsupportedConfig('Attribute mode is only allowed for guest CPU');
  // Any valid migratable value is refused: a host CPU has no host-passthrough mode.
  if (propEnum(node, 'migratable', TRISTATE_SWITCH, { nonzero: true }) !== undefined) {
    throw unsupportedConfig("Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode");
  }
  const arch = firstText(node, 'arch');
  if (arch === undefined) throw xmlErr('Missing CPU architecture');
  if (!isKnownArch(arch)) throw unsupportedConfig(`Unknown architecture ${arch}`);
  const def: CpuDef = { type: 'host', arch, fallback: 'allow', features: [] };
  parseHostExtras(node, def);
  def.model = firstText(node, 'model');
  if (def.model === undefined) throw xmlErr('Missing CPU model name');
  def.vendor = firstText(node, 'vendor');
  parseTopology(node, def);
  parseFeatures(node, def);
  parseCacheAndAddr(node, def);
  return def;
}

/** virCPUDefListParse with VIR_CPU_TYPE_HOST: every document must hold one valid <cpu>. */
export function parseHostCpuList(xmls: readonly string[]): CpuDef[] {
  if (xmls.length === 0) throw virErr('INVALID_ARG', 'no CPUs given', 'CPU');
  return xmls.map((xml) => parseHostCpu(parseXmlDocument(xml, '(CPU_definition)', undefined, 'CPU')));
}
