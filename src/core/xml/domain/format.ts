import { escapeXml } from '../writer.js';
import { attr, elem, formatElem, sub, type Elem } from './elem.js';
import { deviceElem } from './devices/index.js';
import type { DeviceDef, DomainDef } from './types.js';
import { formatMetadataElem } from './metadata.js';
import { seclabelShown } from './seclabel.js';
import { blkiotuneShown } from './blkiotune.js';
import { withoutResctrlIds } from './resctrl.js';
import { formatVcpuStates } from './vcpus.js';

export const VIR_DOMAIN_XML_SECURE = 1;
export const VIR_DOMAIN_XML_INACTIVE = 2;
export const VIR_DOMAIN_XML_UPDATE_CPU = 4;
export const VIR_DOMAIN_XML_MIGRATABLE = 8;

/** `<name>text</name>` line, or nothing when text is undefined (virBufferEscapeString). */
function textLine(out: string[], depth: number, name: string, text: string | undefined, attrs = ''): void {
  if (text !== undefined) out.push(`${'  '.repeat(depth)}<${name}${attrs}>${escapeXml(text)}</${name}>\n`);
}

function el(out: string[], e: Elem | undefined, depth: number): void {
  if (e) out.push(formatElem(e, depth));
}

function osElem(def: DomainDef): Elem {
  const os = def.os;
  const c: Elem[] = [];
  const t = (name: string, v: string | undefined) => v !== undefined && c.push(elem(name, [], [], v));
  c.push(elem('type', [['arch', os.arch], ['machine', os.machine]], [], def.type === 'xen' && os.type === 'xen' ? 'linux' : os.type));
  if (os.firmwareFeatures) c.push(os.firmwareFeatures);
  t('init', os.init);
  for (const a of os.initargs) t('initarg', a);
  for (const [k, v] of os.initenv) c.push(elem('initenv', [['name', k]], [], v));
  t('initdir', os.initdir);
  t('inituser', os.inituser);
  t('initgroup', os.initgroup);
  if (os.loader) c.push(os.loader);
  if (os.nvram) c.push(os.nvram);
  t('kernel', os.kernel);
  t('initrd', os.initrd);
  t('cmdline', os.cmdline);
  t('dtb', os.dtb);
  t('root', os.root);
  if (os.acpiTable !== undefined) c.push(elem('acpi', [], [elem('table', [['type', 'slic']], [], os.acpiTable)]));
  if (!def.bootloader) {
    for (const d of os.bootDevs) c.push(elem('boot', [['dev', d]]));
    if (os.bootmenu) c.push(elem('bootmenu', [['enable', os.bootmenu.enable], ['timeout', os.bootmenu.timeout]]));
    if (os.bios && (os.bios.useserial || os.bios.rebootTimeout !== undefined))
      c.push(elem('bios', [['useserial', os.bios.useserial], ['rebootTimeout', os.bios.rebootTimeout]]));
  }
  if (os.smbiosMode) c.push(elem('smbios', [['mode', os.smbiosMode]]));
  return elem('os', [['firmware', os.firmware]], c);
}

/** An HVM guest's serial-type console N is written as a copy of serial N (back-compat). */
function consoleAlias(def: DomainDef, con: DeviceDef, serial: DeviceDef | undefined): DeviceDef {
  const ttype = attr(sub(con.el, 'target'), 'type');
  if (def.os.type !== 'hvm' || !serial || (ttype !== 'serial' && ttype !== 'none' && ttype !== undefined)) return con;
  const port = attr(sub(serial.el, 'target'), 'port') ?? '0';
  const children = serial.el.children.map((c) => (c.name === 'target' ? elem('target', [['type', 'serial'], ['port', port]]) : c));
  return { kind: 'console', el: { ...serial.el, name: 'console', children }, info: serial.info };
}

/** A running guest's pty console also names its pty as `tty` (virDomainChrDefFormat). */
function withTty(con: DeviceDef, inactive: boolean): DeviceDef {
  const path = attr(sub(con.el, 'source'), 'path');
  if (inactive || (attr(con.el, 'type') ?? 'pty') !== 'pty' || !path) return con;
  const attrs = con.el.attrs.filter(([k]) => k !== 'tty');
  return { ...con, el: { ...con.el, attrs: [...attrs, ['tty', path]] } };
}

/** Migratable XML leaves out the PS/2 (or Xen) keyboard, for older libvirt's sake. */
const migratableSkips = (d: DeviceDef, flags: number): boolean =>
  (flags & VIR_DOMAIN_XML_MIGRATABLE) !== 0 && d.kind === 'input' && attr(d.el, 'type') === 'keyboard' && ['ps2', 'xen'].includes(attr(d.el, 'bus') ?? '');

export interface FormatOptions {
  flags: number;
  /** Running id; -1 or undefined formats the inactive form. */
  id?: number;
}

/** virDomainDefFormat. */
export function formatDomain(def: DomainDef, opts: FormatOptions): string {
  const flags = opts.flags;
  const inactive = opts.id === undefined || opts.id < 0 || (flags & VIR_DOMAIN_XML_INACTIVE) !== 0;
  const out: string[] = [];
  const hasTestNs = def.testNamespace.length > 0;
  out.push(`<domain type='${def.type}'${inactive ? '' : ` id='${opts.id}'`}${hasTestNs ? " xmlns:test='http://libvirt.org/schemas/domain/test/1.0'" : ''}>\n`);
  textLine(out, 1, 'name', def.name);
  textLine(out, 1, 'uuid', def.uuid);
  textLine(out, 1, 'genid', def.genid);
  textLine(out, 1, 'title', def.title);
  textLine(out, 1, 'description', def.description);
  if (def.metadata) out.push(formatMetadataElem(def.metadata, 1));
  if (def.maxMemory) out.push(`  <maxMemory slots='${def.maxMemory.slots}' unit='KiB'>${def.maxMemory.kib}</maxMemory>\n`);
  out.push(`  <memory${def.dumpCore ? ` dumpCore='${def.dumpCore}'` : ''} unit='KiB'>${def.memory}</memory>\n`);
  out.push(`  <currentMemory unit='KiB'>${def.currentMemory}</currentMemory>\n`);
  el(out, blkiotuneShown(def.blkiotune), 1);
  el(out, def.memtune, 1);
  el(out, def.memoryBacking, 1);
  const cur = def.vcpus !== def.maxVcpus ? ` current='${def.vcpus}'` : '';
  out.push(`  <vcpu placement='${def.vcpu.placement}'${def.vcpu.cpuset ? ` cpuset='${def.vcpu.cpuset}'` : ''}${cur}>${def.maxVcpus}</vcpu>\n`);
  out.push(formatVcpuStates(def.vcpuStates));
  for (const e of def.iothreads ?? []) el(out, e, 1);
  el(out, inactive ? withoutResctrlIds(def.cputune) : def.cputune, 1);
  el(out, def.numatune, 1);
  el(out, def.resource, 1);
  for (const s of def.sysinfo) el(out, s, 1);
  if (def.bootloader) {
    textLine(out, 1, 'bootloader', def.bootloader);
    textLine(out, 1, 'bootloader_args', def.bootloaderArgs);
  }
  el(out, osElem(def), 1);
  el(out, def.idmap, 1);
  el(out, def.features, 1);
  el(out, def.cpu, 1);
  el(out, elem('clock', [['offset', def.clock.offset], ...def.clock.attrs], def.clock.timers), 1);
  textLine(out, 1, 'on_poweroff', def.onPoweroff);
  textLine(out, 1, 'on_reboot', def.onReboot);
  textLine(out, 1, 'on_crash', def.onCrash);
  textLine(out, 1, 'on_lockfailure', def.onLockfailure);
  if (def.pm)
    el(out, elem('pm', [], [
      ...(def.pm.s3 ? [elem('suspend-to-mem', [['enabled', def.pm.s3]])] : []),
      ...(def.pm.s4 ? [elem('suspend-to-disk', [['enabled', def.pm.s4]])] : []),
    ]), 1);
  el(out, def.perf, 1);
  out.push('  <devices>\n');
  textLine(out, 2, 'emulator', def.emulator);
  const ctx = { flags, inactive };
  const serials = def.devices.filter((d) => d.kind === 'serial');
  let consoleIdx = 0;
  for (const d of def.devices) {
    if (d.kind === 'console') el(out, deviceElem(withTty(consoleAlias(def, d, serials[consoleIdx++]), inactive), ctx), 2);
    else if (!migratableSkips(d, flags)) el(out, deviceElem(d, ctx), 2);
  }
  out.push('  </devices>\n');
  for (const s of def.seclabels.filter(seclabelShown)) el(out, s, 1);
  el(out, def.keywrap, 1);
  el(out, def.launchSecurity, 1);
  for (const t of def.testNamespace) el(out, t, 1);
  out.push('</domain>\n');
  return out.join('');
}
