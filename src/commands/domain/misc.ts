import { writeFileSync } from 'node:fs';
import { DomainAbortJob, DomainXML } from '../../core/api/domain.js';
import type { Handler } from '../types.js';
import { virshDumpXML, xpathOption } from '../xml-dump.js';
import { exclusive, optDomain } from './util.js';

export { domjobinfo } from './jobinfo.js';

export const autostart: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const on = !opts.bool('disable');
  const conn = await ctx.conn();
  await ctx.attempt(`Failed to ${on ? 'mark' : 'unmark'} domain '${name}' as autostarted`, () =>
    conn.domainSetAutostart(dom, on),
  );
  ctx.printExtra(`Domain '${name}' ${on ? 'marked' : 'unmarked'} as autostarted\n`);
  return true;
};

export const domrename: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainRename(dom, opts.requiredString('new-name'), 0);
  ctx.printExtra('Domain successfully renamed\n');
  return true;
};

export const dumpxml: Handler = async (ctx, opts) => {
  const flags =
    (opts.bool('inactive') ? DomainXML.INACTIVE : 0) |
    (opts.bool('security-info') ? DomainXML.SECURE : 0) |
    (opts.bool('update-cpu') ? DomainXML.UPDATE_CPU : 0) |
    (opts.bool('migratable') ? DomainXML.MIGRATABLE : 0);
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const xpath = xpathOption(opts);
  if (xpath === null) return false;
  return virshDumpXML(ctx, await (await ctx.conn()).domainGetXMLDesc(dom, flags), 'domain', xpath, opts.bool('wrap'));
};

/** virshNodeSuspendTarget */
const PM_TARGETS = ['mem', 'disk', 'hybrid'];

export const dompmsuspend: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const duration = opts.ulong('duration') ?? 0n;
  const target = PM_TARGETS.indexOf(opts.requiredString('target'));
  if (target < 0) {
    ctx.error('Invalid target');
    return false;
  }
  const conn = await ctx.conn();
  await ctx.attempt(`Domain '${dom.name}' could not be suspended`, () =>
    conn.domainPMSuspendForDuration(dom, target, duration, 0),
  );
  ctx.printExtra(`Domain '${dom.name}' successfully suspended`);
  return true;
};

export const dompmwakeup: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  await ctx.attempt(`Domain '${dom.name}' could not be woken up`, () => conn.domainPMWakeup(dom, 0));
  ctx.printExtra(`Domain '${dom.name}' successfully woken up`);
  return true;
};

export const domjobabort: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  // virsh keeps the old call when no flag asks for the new one.
  if (opts.bool('postcopy')) await conn.domainAbortJobFlags(dom, DomainAbortJob.POSTCOPY);
  else await conn.domainAbortJob(dom);
  return true;
};

export const injectNmi: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  await (await ctx.conn()).domainInjectNMI(dom, 0);
  return true;
};

export const domxmlFromNative: Handler = async (ctx, opts) => {
  const format = opts.requiredString('format');
  const config = await ctx.readFile(opts.requiredString('config'));
  ctx.print(await (await ctx.conn()).connectDomainXMLFromNative(format, config, 0));
  return true;
};

export const domxmlToNative: Handler = async (ctx, opts) => {
  const format = opts.requiredString('format');
  const xmlFile = opts.string('xml');
  if (!exclusive(ctx, opts, 'domain', 'xml')) return false;
  const conn = await ctx.conn();
  let xml: string;
  if (opts.has('domain')) {
    const dom = await optDomain(ctx, opts);
    if (!dom) return false;
    xml = await conn.domainGetXMLDesc(dom, 0);
  } else if (xmlFile !== undefined) xml = await ctx.readFile(xmlFile);
  else {
    ctx.error('need either domain or domain XML');
    return false;
  }
  ctx.print(await conn.connectDomainXMLToNative(format, xml, 0));
  return true;
};

export const screenshot: Handler = async (ctx, opts) => {
  // virsh reads --file (refusing an empty one) before --screen.
  const given = opts.string('file');
  const screen = opts.uint('screen') ?? 0;
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const name = opts.requiredString('domain');
  const conn = await ctx.conn();
  const shot = await ctx.attempt(`could not take a screenshot of ${name}`, () => conn.domainScreenshot(dom, screen, 0));
  const ext = shot.mime === 'image/png' ? '.png' : shot.mime === 'image/x-portable-pixmap' ? '.ppm' : '.screen';
  const file = given ?? `${dom.name}-${screenshotStamp()}${ext}`;
  try {
    // virsh creates the file exclusively, but overwrites one that already exists.
    writeFileSync(file, shot.data, { mode: 0o666 });
  } catch {
    ctx.error(`cannot create file ${file}`);
    return false;
  }
  ctx.printExtra(`Screenshot saved to ${file}, with type of ${shot.mime}`);
  return true;
};

/** virshGenFileName's time stamp: %Y-%m-%d-%H:%M:%S in local time. */
function screenshotStamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
