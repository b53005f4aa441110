import { child, children, type XNode } from '../tree.js';
import { canon, fromNode, type Elem } from './elem.js';
import { parseCpuList, formatCpuList } from '../../cpumap.js';
import { checkCpu, checkNumaVcpus, checkFeatures, checkLaunchSecurity, checkMemoryBacking, checkTimers } from './checks.js';
import { parseNumatune } from './numatune.js';
import { parseSysinfos } from './sysinfo.js';
import { parseKeywrap, parsePerf } from './perf-keywrap.js';
import { parseIdmap, parseResource } from './resource-idmap.js';
import { parseBlkiotune } from './blkiotune.js';
import { parseCputune } from './cputune.js';
import { canonicalNumaCells, checkNumaCells } from './numa-cells.js';
import { normalizeCpu, normalizeMemoryBacking, normalizeMemtune } from './tunables.js';

import { internalError, unsupportedConfig, xmlError } from './errors.js';
import { virErr } from '../../errors.js';
import { generateUUID, parseUUID } from '../ids.js';
import { parseMemoryKiB } from './units.js';
import { CPUMASK_LEN, propEnum, propUInt, parseUInt, TRISTATE_BOOL } from './numbers.js';
import { DOMAIN_SPECS } from './specs.js';
import { parseVcpuStates, postParseVcpuStates } from './vcpus.js';
import { parseMetadata } from './metadata.js';
import { parseOsBoot, parseOsCaps } from './os.js';
import { parseDevices } from './devices/list.js';
import { parseSeclabels } from './seclabel.js';
import { iothreadIds, parseIOThreads } from './iothreads.js';
import type { ClockDef, DomainDef } from './types.js';

export const VIRT_TYPES = ['none', 'qemu', 'kqemu', 'kvm', 'xen', 'lxc', 'uml', 'openvz', 'test', 'vmware', 'hyperv', 'vbox', 'phyp', 'parallels', 'bhyve', 'vz', 'ch'] as const;
const LIFECYCLE = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart'];
const LOCK_FAILURE = ['default', 'poweroff', 'restart', 'pause', 'ignore'];
const SMBIOS_MODES = ['none', 'emulate', 'host', 'sysinfo'];
const CLOCK_OFFSETS = ['utc', 'localtime', 'variable', 'timezone', 'absolute'];

export interface ParseFlags {
  /** VIR_DOMAIN_DEF_PARSE_INACTIVE: a persistent definition (ignores id=, keeps only user aliases). */
  inactive: boolean;
}

/** string(./name[1]): the text of the first matching child, undefined when absent or empty. */
function xpathString(n: XNode | undefined): string | undefined {
  if (!n) return undefined;
  const t = textContent(n);
  return t === '' ? undefined : t;
}

/** XPath string(): all descendant text. */
export function textContent(n: XNode): string {
  return n.text + n.children.map(textContent).join('');
}

function parseLifecycle(root: XNode, name: string, values: string[], dflt: string | undefined): string | undefined {
  const v = xpathString(child(root, name));
  if (v === undefined) return dflt;
  if (!values.includes(v)) throw unsupportedConfig(`unknown ${name} action: ${v}`);
  return v;
}

function parsePmState(pm: XNode | undefined, name: string): string | undefined {
  const n = child(pm, name);
  const v = n?.attrs.enabled;
  if (v === undefined) return undefined;
  if (v !== 'yes' && v !== 'no') throw xmlError(`Invalid value for attribute 'enabled' in element '${name}': '${v}'.`);
  return v;
}

function parseVcpu(root: XNode): { max: number; cur: number; placement: string; cpuset?: string } {
  const n = child(root, 'vcpu');
  if (!n) return { max: 1, cur: 1, placement: 'static' };
  const max = parseUInt(n.text.trim() === n.text ? n.text : n.text, 10);
  if (max === undefined) throw xmlError('maximum vcpus count must be an integer');
  const cur = propUInt(n, 'current', 10) ?? max;
  const placement = n.attrs.placement ?? 'static';
  if (placement !== 'static' && placement !== 'auto')
    throw xmlError(`Invalid value for attribute 'placement' in element 'vcpu': '${placement}'.`);
  return { max, cur, placement, cpuset: placement === 'auto' ? undefined : parseCpuset(n.attrs.cpuset) };
}

/** virBitmapParse of vcpu/@cpuset (VIR_DOMAIN_CPUMASK_LEN bits), kept in virBitmapFormat form. */
function parseCpuset(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const map = parseCpuList(text, CPUMASK_LEN);
  if (!map) throw virErr('INVALID_ARG', `Failed to parse bitmap '${text}'`);
  if (!map.includes(true)) throw unsupportedConfig(`Invalid value of 'cpuset': ${text}`);
  return formatCpuList(map);
}

const CLOCK_BASES = ['utc', 'localtime'];
const LLONG = /^[ \t\n\v\f\r]*[-+]?\d+$/;
const ULLONG = /^[ \t\n\v\f\r]*\+?\d+$/;
const fitsLL = (t: string) => LLONG.test(t) && BigInt(t.trim()) <= 0x7fffffffffffffffn && BigInt(t.trim()) >= -0x8000000000000000n;

/**
 * virDomainDefClockParse: each offset's own attributes, in the form the formatter writes them
 * (a numeric adjustment on utc/localtime makes the clock variable with that basis).
 */
function parseClock(root: XNode): ClockDef {
  const n = child(root, 'clock');
  const attr = (k: string) => (n?.attrs[k] === '' ? undefined : n?.attrs[k]);
  let offset = attr('offset') ?? 'utc';
  if (!CLOCK_OFFSETS.includes(offset)) throw unsupportedConfig(`unknown clock offset '${offset}'`);
  let attrs: Array<[string, string]> = [];
  if (offset === 'utc' || offset === 'localtime') {
    const adj = attr('adjustment');
    if (adj === 'reset') attrs = [['adjustment', 'reset']];
    else if (adj !== undefined) {
      if (!fitsLL(adj)) throw xmlError(`unknown clock adjustment '${adj}'`);
      attrs = [['adjustment', String(BigInt(adj.trim()))], ['basis', offset]];
      offset = 'variable';
    }
  } else if (offset === 'variable') {
    const adj = attr('adjustment');
    const basis = attr('basis') ?? 'utc';
    if (!CLOCK_BASES.includes(basis)) throw unsupportedConfig(`unknown clock basis '${basis}'`);
    attrs = [['adjustment', adj !== undefined && fitsLL(adj) ? String(BigInt(adj.trim())) : '0'], ['basis', basis]];
  } else if (offset === 'timezone') {
    const tz = attr('timezone');
    if (tz === undefined) throw internalError("missing 'timezone' attribute for clock with offset='timezone'");
    attrs = [['timezone', tz]];
  } else {
    const start = attr('start');
    if (start === undefined || !ULLONG.test(start) || BigInt(start.trim()) > 0xffffffffffffffffn)
      throw internalError("missing 'start' attribute for clock with offset='absolute'");
    attrs = [['start', String(BigInt(start.trim()))]];
  }
  checkTimers(n);
  const timers = children(n, 'timer').map((t) => canon(t, DOMAIN_SPECS.timer));
  return { offset, attrs, timers };
}

function optCanon(root: XNode, name: keyof typeof DOMAIN_SPECS): Elem | undefined {
  const n = child(root, name);
  return n ? canon(n, DOMAIN_SPECS[name]) : undefined;
}

/** virDomainDefParseXML followed by nothing else: the raw definition before post-parse. */
export function parseDomainRoot(root: XNode, flags: ParseFlags): DomainDef {
  const name = xpathString(child(root, 'name'));
  if (name === undefined) throw virErr('NO_NAME', undefined, 'DOMAIN');
  const uuidText = xpathString(child(root, 'uuid'));
  let uuid: string;
  if (uuidText === undefined) uuid = generateUUID();
  else {
    const u = parseUUID(uuidText);
    if (!u) throw internalError('malformed uuid element');
    uuid = u;
  }
  const genids = children(root, 'genid');
  if (genids.length > 1) throw xmlError("element 'genid' can only appear once");
  let genid: string | undefined;
  if (genids.length) {
    const t = xpathString(genids[0]);
    const g = t === undefined ? generateUUID() : parseUUID(t);
    if (!g) throw internalError('malformed genid element');
    genid = g;
  }

  const type = root.attrs.type;
  if (type === undefined) throw internalError('missing domain type attribute');
  if (!(VIRT_TYPES as readonly string[]).includes(type) || type === 'none') throw unsupportedConfig(`invalid domain type ${type}`);
  const os = parseOsCaps(root);

  // virXPathString: an empty element is no value
  const title = child(root, 'title') ? textContent(child(root, 'title')!) || undefined : undefined;
  if (title !== undefined && title.includes('\n')) throw xmlError("Domain title can't contain newlines");
  const descNode = child(root, 'description');
  const description = descNode ? textContent(descNode) || undefined : undefined;
  const seclabels = parseSeclabels(root, flags.inactive);

  const memNode = child(root, 'memory');
  const memory = parseMemoryKiB(memNode ? textContent(memNode) : undefined, memNode?.attrs.unit, './memory[1]') ?? 0;
  const curNode = child(root, 'currentMemory');
  const currentMemory = parseMemoryKiB(curNode ? textContent(curNode) : undefined, curNode?.attrs.unit, './currentMemory[1]') ?? 0;
  const maxNode = child(root, 'maxMemory');
  const maxMem = parseMemoryKiB(maxNode ? textContent(maxNode) : undefined, maxNode?.attrs.unit, './maxMemory[1]');
  let slots = 0;
  if (maxNode?.attrs.slots !== undefined) {
    const s = parseUInt(maxNode.attrs.slots, 10);
    if (s === undefined) throw xmlError('Failed to parse memory slot count');
    slots = s;
  }
  const dumpCore = memNode?.attrs.dumpCore;
  if (dumpCore !== undefined && dumpCore !== 'on' && dumpCore !== 'off')
    throw xmlError(`Invalid value for attribute 'dumpCore' in element 'memory': '${dumpCore}'.`);

  checkMemoryBacking(root);
  const blkiotune = parseBlkiotune(root);
  const memtune = normalizeMemtune(optCanon(root, 'memtune'));
  const vcpu = parseVcpu(root);
  const vcpuStates = parseVcpuStates(root, vcpu.max);
  if (!vcpuStates && vcpu.cur > vcpu.max) throw unsupportedConfig('maximum vCPU count must not be less than current vCPU count');
  const iothreads = parseIOThreads(root);
  const cputune = parseCputune(root, vcpu.max, iothreadIds(iothreads), flags.inactive);
  checkCpu(root);
  checkNumaCells(root);
  checkNumaVcpus(root, vcpu.max);
  const cells = children(child(child(root, 'cpu'), 'numa'), 'cell').length;
  const numatune = parseNumatune(root, vcpu.placement === 'static', cells);
  // virDomainDefParseXML: automatic memory placement makes an unpinned domain's vCPU placement automatic.
  const pinned = vcpu.cpuset !== undefined || !!cputune?.children.some((c) => ['vcpupin', 'emulatorpin', 'iothreadpin'].includes(c.name));
  if (numatune.auto && !pinned) vcpu.placement = 'auto';
  const resource = parseResource(root);
  checkFeatures(root);
  const lockfailure = parseLifecycle(root, 'on_lockfailure', LOCK_FAILURE, undefined);
  const perf = parsePerf(root);
  const pm = child(root, 'pm');
  const s3 = parsePmState(pm, 'suspend-to-mem');
  const s4 = parsePmState(pm, 'suspend-to-disk');
  const clock = parseClock(root);
  parseOsBoot(root, os);
  const def: DomainDef = {
    type,
    name,
    uuid,
    title,
    description,
    memory,
    currentMemory,
    maxVcpus: vcpu.max,
    vcpus: vcpu.cur,
    genid,
    metadata: child(root, 'metadata') ? parseMetadata(child(root, 'metadata')!, root) : undefined,
    maxMemory: maxMem !== undefined || slots ? { slots, kib: maxMem ?? 0 } : undefined,
    dumpCore,
    blkiotune,
    memtune,
    memoryBacking: optCanon(root, 'memoryBacking'),
    vcpu: { placement: vcpu.placement, cpuset: vcpu.cpuset },
    vcpuStates,
    iothreads,
    cputune,
    numatune: numatune.el,
    resource,
    sysinfo: [],
    bootloader: xpathString(child(root, 'bootloader')),
    bootloaderArgs: xpathString(child(root, 'bootloader_args')),
    os,
    idmap: undefined,
    features: optCanon(root, 'features'),
    cpu: optCanon(root, 'cpu'),
    clock,
    onPoweroff: parseLifecycle(root, 'on_poweroff', LIFECYCLE, 'destroy')!,
    onReboot: parseLifecycle(root, 'on_reboot', LIFECYCLE, 'restart')!,
    onCrash: parseLifecycle(root, 'on_crash', LIFECYCLE, 'destroy')!,
    onLockfailure: lockfailure === 'default' ? undefined : lockfailure,
    pm: s3 || s4 ? { s3, s4 } : undefined,
    perf,
    emulator: xpathString(child(child(root, 'devices'), 'emulator')),
    devices: [],
    seclabels,
    keywrap: undefined,
    launchSecurity: optCanon(root, 'launchSecurity'),
    testNamespace: root.children.filter((c) => c.name.startsWith('test:')).map(fromNode),
  };
  if (vcpuStates) def.vcpus = vcpuStates.filter((v) => v.online).length;
  const hyperv = def.features?.children.find((c) => c.name === 'hyperv');
  if (hyperv && !hyperv.attrs.some(([k]) => k === 'mode')) hyperv.attrs.unshift(['mode', 'custom']);
  if (hyperv) hyperv.open = true;
  canonicalNumaCells(def.cpu);
  normalizeCpu(def.cpu);
  normalizeMemoryBacking(def.memoryBacking, !!def.cpu?.children.find((c) => c.name === 'numa')?.children.some((c) => c.name === 'cell'));
  def.devices = parseDevices(child(root, 'devices'), { inactive: flags.inactive, osType: os.type, arch: os.arch, virtType: type });
  checkLaunchSecurity(root);
  def.idmap = parseIdmap(root);
  const dom = { uuid, generated: uuidText === undefined };
  def.sysinfo = parseSysinfos(root, dom);
  def.uuid = dom.uuid;
  if (os.smbiosMode !== undefined && os.smbiosMode !== '') {
    if (!SMBIOS_MODES.includes(os.smbiosMode)) throw unsupportedConfig(`unknown smbios mode '${os.smbiosMode}'`);
    if (os.smbiosMode === 'none') os.smbiosMode = undefined;
  } else os.smbiosMode = undefined;
  def.keywrap = parseKeywrap(root);
  postParseVcpuStates(def.vcpuStates);
  return def;
}
