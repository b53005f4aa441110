import { parseMAC } from '../../core/xml/ids.js';
import type { CommandContext, Handler } from '../types.js';
import { ShellError } from '../shell/errors.js';
import { deviceFlags, withPersistent } from './attach.js';
import { exclusive, optDomain } from './util.js';
import { dumpRaw, elChildren, isEl, parseRaw, rawAttr, setRawAttr, type RawEl } from './rawxml.js';

export const detachDevice: Handler = async (ctx, opts) => {
  const flags = deviceFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const f = await withPersistent(conn, dom, opts, flags);
  const from = opts.requiredString('file');
  const xml = await ctx.readFile(from);
  await ctx.attempt(`Failed to detach device from ${from}`, () =>
    f || opts.bool('current') ? conn.domainDetachDeviceFlags(dom, xml, f) : conn.domainDetachDevice(dom, xml),
  );
  ctx.printExtra('Device detached successfully\n');
  return true;
};

export const detachDeviceAlias: Handler = async (ctx, opts) => {
  if (!exclusive(ctx, opts, 'current', 'live') || !exclusive(ctx, opts, 'current', 'config')) return false;
  const flags = (opts.bool('config') ? 2 : 0) | (opts.bool('live') ? 1 : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const alias = opts.requiredString('alias');
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to detach device with alias ${alias}`, () => conn.domainDetachDeviceAlias(dom, alias, flags));
  ctx.printExtra('Device detach request sent successfully\n');
  return true;
};

export const updateDevice: Handler = async (ctx, opts) => {
  const flags = deviceFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const from = opts.requiredString('file');
  const conn = await ctx.conn();
  let f = await withPersistent(conn, dom, opts, flags);
  const xml = await ctx.readFile(from);
  if (opts.bool('force')) f |= 4;
  await ctx.attempt(`Failed to update device from ${from}`, () => conn.domainUpdateDeviceFlags(dom, xml, f));
  ctx.printExtra('Device updated successfully\n');
  return true;
};

/**
 * virshFindDisk: by target or source; CHANGEABLE limits the search to cdrom/floppy. Reports
 * its own error: a domain without any disk is no disk information at all.
 */
function findDisk(ctx: CommandContext, xml: string, path: string, changeable: boolean): RawEl | undefined {
  const disks = elChildren(elChildren(parseRaw(xml), 'devices')[0], 'disk');
  if (!disks.length) {
    ctx.error('Failed to get disk information');
    return undefined;
  }
  for (const d of disks) {
    const device = rawAttr(d, 'device');
    if (changeable && device !== undefined && device !== 'cdrom' && device !== 'floppy') continue;
    const src = elChildren(d, 'source')[0];
    const candidates = [rawAttr(elChildren(d, 'target')[0], 'dev'), ...['file', 'dev', 'dir', 'name'].map((a) => rawAttr(src, a))];
    if (candidates.includes(path)) {
      d.children = d.children.filter((c) => !(isEl(c) && c.name === 'backingStore'));
      return d;
    }
  }
  ctx.error(`No disk found whose source path or target is ${path}`);
  return undefined;
}

export const detachDisk: Handler = async (ctx, opts) => {
  const flags = deviceFlags(ctx, opts);
  if (flags === undefined) return false;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const target = opts.requiredString('target');
  const conn = await ctx.conn();
  const xml = await conn.domainGetXMLDesc(dom, flags === 2 ? 2 : 0);
  const f = await withPersistent(conn, dom, opts, flags);
  const disk = findDisk(ctx, xml, target, false);
  if (!disk) return false;
  const diskXml = dumpRaw(disk);
  if (opts.bool('print-xml')) {
    ctx.print(diskXml);
    return true;
  }
  await ctx.attempt('Failed to detach disk', () =>
    f || opts.bool('current') ? conn.domainDetachDeviceFlags(dom, diskXml, f) : conn.domainDetachDevice(dom, diskXml),
  );
  ctx.printExtra('Disk detached successfully\n');
  return true;
};

export const detachInterface: Handler = async (ctx, opts) => {
  if (
    !exclusive(ctx, opts, 'persistent', 'current') ||
    !exclusive(ctx, opts, 'current', 'live') ||
    !exclusive(ctx, opts, 'current', 'config')
  ) {
    return false;
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  // An empty --type or --mac fails like the rest of the command, with its closing message.
  let type: string;
  let mac: string | undefined;
  try {
    type = opts.requiredString('type');
    mac = opts.string('mac');
  } catch (e) {
    if (!(e instanceof ShellError)) throw e;
    ctx.error(e.message);
    ctx.error('Failed to detach interface');
    return false;
  }
  const printXml = opts.bool('print-xml');
  const conn = await ctx.conn();
  const current = opts.bool('current');

  /** virshDomainDetachInterface over one view of the domain. */
  const detachFrom = async (xml: string, flags: number): Promise<boolean> => {
    const nets = elChildren(elChildren(parseRaw(xml), 'devices')[0], 'interface').filter((n) => rawAttr(n, 'type') === type);
    if (nets.length === 0) {
      ctx.error(`No interface found whose type is ${type}`);
      return false;
    }
    let match: RawEl | undefined;
    if (mac !== undefined) {
      const want = parseMAC(mac);
      for (const n of nets) {
        const have = rawAttr(elChildren(n, 'mac')[0], 'address');
        if (have !== undefined && want !== undefined && parseMAC(have) === want) {
          if (match) {
            ctx.error(
              `Domain has multiple interfaces matching MAC address ${mac}. You must use detach-device and specify the device pci address to remove it.`,
            );
            return false;
          }
          match = n;
        }
      }
    } else if (nets.length > 1) {
      ctx.error(`Domain has ${nets.length} interfaces. Please specify which one to detach using --mac`);
      return false;
    } else match = nets[0];
    if (!match) {
      ctx.error(`No interface with MAC address ${mac} was found`);
      return false;
    }
    const detachXml = dumpRaw(match);
    if (printXml) {
      ctx.print(detachXml);
      return true;
    }
    if (flags !== 0 || current) await conn.domainDetachDeviceFlags(dom, detachXml, flags);
    else await conn.domainDetachDevice(dom, detachXml);
    return true;
  };

  // With --print-xml virsh stays quiet about a failure only in the final (live or current)
  // step; a failed config step, or a failed XML fetch, still says it failed.
  let quietFailure = false;
  const run = async (): Promise<boolean> => {
    const affectConfig = opts.bool('config') || opts.bool('persistent');
    let ok = false;
    if (affectConfig) {
      ok = await detachFrom(await conn.domainGetXMLDesc(dom, 2), 2);
      if (!ok) return false;
    }
    const affectLive = opts.bool('live') || (opts.bool('persistent') && (await conn.domainIsActive(dom)));
    if (affectLive || !affectConfig) {
      const xml = await conn.domainGetXMLDesc(dom, 0);
      quietFailure = printXml;
      ok = await detachFrom(xml, affectLive ? 1 : 0);
    }
    return ok;
  };

  let ok: boolean;
  try {
    ok = await run();
  } catch (e) {
    if (!quietFailure) ctx.error('Failed to detach interface');
    throw e;
  }
  if (printXml && (ok || quietFailure)) return ok;
  if (!ok) ctx.error('Failed to detach interface');
  else ctx.printExtra('Interface detached successfully\n');
  return ok;
};

export const changeMedia: Handler = async (ctx, opts) => {
  let eject = opts.bool('eject');
  const insert = opts.bool('insert');
  let update = opts.bool('update');
  const block = opts.bool('block');
  if (
    !exclusive(ctx, opts, 'eject', 'insert') ||
    !exclusive(ctx, opts, 'eject', 'update') ||
    !exclusive(ctx, opts, 'insert', 'update') ||
    !exclusive(ctx, opts, 'eject', 'block')
  ) {
    return false;
  }
  const source = opts.string('source');
  if (update && source === undefined) {
    update = false;
    eject = true;
  }
  let action = 'update';
  let success = 'Successfully updated media.';
  if (eject) [action, success] = ['eject', 'Successfully ejected media.'];
  if (insert) [action, success] = ['insert', 'Successfully inserted media.'];
  if (update || (!eject && !insert)) [action, success] = ['update', 'Successfully updated media.'];
  if (!exclusive(ctx, opts, 'current', 'live') || !exclusive(ctx, opts, 'current', 'config')) return false;
  const flags = (opts.bool('config') ? 2 : 0) | (opts.bool('live') ? 1 : 0) | (opts.bool('force') ? 4 : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const path = opts.requiredString('path');
  const conn = await ctx.conn();
  const disk = findDisk(ctx, await conn.domainGetXMLDesc(dom, flags & 2 ? 2 : 0), path, true);
  if (!disk) return false;
  const xml = updateDiskXml(ctx, disk, eject ? undefined : source, eject ? false : block, path, action);
  if (xml === undefined) return false;
  if (opts.bool('print-xml')) {
    ctx.print(xml);
    return true;
  }
  await ctx.attempt(`Failed to complete action ${action} on media`, () => conn.domainUpdateDeviceFlags(dom, xml, flags));
  ctx.print(success);
  return true;
};

/** virshUpdateDiskXML: swaps the <source> of a removable disk, keeping the indentation. */
function updateDiskXml(
  ctx: Parameters<Handler>[0],
  disk: RawEl,
  newSource: string | undefined,
  sourceBlock: boolean,
  target: string,
  action: string,
): string | undefined {
  const device = rawAttr(disk, 'device');
  if (device !== 'cdrom' && device !== 'floppy') {
    ctx.error(`The disk device '${target}' is not removable`);
    return undefined;
  }
  let textBefore: { text: string } | undefined;
  let source: RawEl | undefined;
  let targetNode: RawEl | undefined;
  for (const c of disk.children) {
    if (!targetNode && !isEl(c)) textBefore = c;
    if (!isEl(c)) continue;
    if (!source && c.name === 'source') source = c;
    else if (!targetNode && c.name === 'target') targetNode = c;
    if (source && targetNode) break;
  }
  if (action === 'eject') {
    if (!source) {
      ctx.error(`The disk device '${target}' doesn't have media`);
      return undefined;
    }
  } else if (newSource === undefined) {
    ctx.error('New disk media source was not specified');
    return undefined;
  }
  let startupPolicy: string | undefined;
  if (source) {
    const current = ['file', 'dev', 'dir', 'pool', 'name'].map((a) => rawAttr(source, a)).find((v) => v !== undefined);
    if (current !== undefined && action === 'insert') {
      ctx.error(`The disk device '${target}' already has media`);
      return undefined;
    }
    startupPolicy = rawAttr(source, 'startupPolicy');
    disk.children = disk.children.filter((c) => c !== source);
  }
  setRawAttr(disk, 'type', sourceBlock ? 'block' : 'file');
  if (newSource !== undefined) {
    const el: RawEl = { name: 'source', attrs: [[sourceBlock ? 'dev' : 'file', newSource]], children: [] };
    if (startupPolicy !== undefined) el.attrs.push(['startupPolicy', startupPolicy]);
    const at = targetNode ? disk.children.indexOf(targetNode) : disk.children.length;
    const nodes = textBefore ? [el, { text: textBefore.text }] : [el];
    disk.children.splice(at, 0, ...nodes);
  }
  return dumpRaw(disk);
}

export const updateMemoryDevice: Handler = async (ctx, opts) => {
  if (
    !exclusive(ctx, opts, 'current', 'live') ||
    !exclusive(ctx, opts, 'current', 'config') ||
    !exclusive(ctx, opts, 'node', 'alias')
  ) {
    return false;
  }
  const flags = (opts.bool('config') ? 2 : 0) | (opts.bool('live') ? 1 : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  const root = parseRaw(await conn.domainGetXMLDesc(dom, flags & 2 ? 2 : 0));
  const alias = opts.string('alias');
  const node = opts.uint('node');
  const text = (el: RawEl | undefined) => el?.children.map((c) => (isEl(c) ? '' : c.text)).join('') ?? '';
  const mems = elChildren(elChildren(root, 'devices')[0], 'memory').filter((m) => {
    if (node !== undefined) return elChildren(elChildren(m, 'target')[0], 'node').some((n) => text(n).trim() === String(node));
    if (alias !== undefined) return rawAttr(elChildren(m, 'alias')[0], 'name') === alias;
    return true;
  });
  if (mems.length === 0) {
    ctx.error('no memory device found');
    return false;
  }
  if (mems.length > 1) {
    ctx.error('multiple memory devices found, use --alias or --node to select one');
    return false;
  }
  if (opts.has('requested-size')) {
    const bytes = opts.scaled('requested-size', 1024, 2n ** 64n - 1n) ?? 0n;
    const requested = elChildren(elChildren(mems[0], 'target')[0], 'requested')[0];
    if (!requested) {
      ctx.error('virtio-mem device is missing <requested/>');
      return false;
    }
    requested.children = [{ text: String((bytes + 1023n) / 1024n) }];
  }
  const xml = dumpRaw(mems[0]);
  if (opts.bool('print-xml')) ctx.print(xml);
  else await conn.domainUpdateDeviceFlags(dom, xml, flags);
  return true;
};
