import { DomainStart } from '../../core/api/domain.js';
import type { DomainHandle } from '../../core/api/handles.js';
import type { Connection } from '../../core/api/connection.js';
import { VirError } from '../../core/errors.js';
import type { CommandContext, CommandOptions, Handler } from '../types.js';
import { BY_NAME, BY_UUID, optDomain } from './util.js';
import { passFds } from './pass-fds.js';
import { runConsole } from './console.js';

/**
 * The plain "look the domain up, make one call, report" commands: virsh names the domain by
 * what the user typed (`Domain '1' destroyed`), and on failure prints its own line before
 * libvirt's error.
 */
function simple(
  failure: string,
  success: string,
  call: (conn: Connection, dom: DomainHandle, opts: CommandOptions) => Promise<unknown>,
): Handler {
  return async (ctx, opts) => {
    const dom = await optDomain(ctx, opts);
    if (!dom) return false;
    const name = opts.requiredString('domain');
    const conn = await ctx.conn();
    await ctx.attempt(failure.replace('%s', name), () => call(conn, dom, opts));
    ctx.printExtra(success.replace('%s', name));
    return true;
  };
}

const MODES: Record<string, number> = { acpi: 1, agent: 2, initctl: 4, signal: 8, paravirt: 16 };

/** shutdown/reboot --mode: a comma list of methods, checked before the domain is looked up. */
function modeFlags(ctx: CommandContext, opts: CommandOptions, expecting: string): number | undefined {
  const mode = opts.string('mode');
  let flags = 0;
  for (const m of mode === undefined || mode === '' ? [] : mode.split(',')) {
    if (!(m in MODES)) {
      ctx.error(`Unknown mode ${m} value, expecting ${expecting}`);
      return undefined;
    }
    flags |= MODES[m];
  }
  return flags;
}

function withMode(expecting: string, inner: Handler): Handler {
  return async (ctx, opts) => {
    if (modeFlags(ctx, opts, expecting) === undefined) return false;
    return inner(ctx, opts);
  };
}

export const destroy = simple("Failed to destroy domain '%s'", "Domain '%s' destroyed\n", (conn, dom, opts) =>
  conn.domainDestroy(dom, (opts.bool('graceful') ? 1 : 0) | (opts.bool('remove-logs') ? 2 : 0)),
);
export const suspend = simple("Failed to suspend domain '%s'", "Domain '%s' suspended\n", (conn, dom) =>
  conn.domainSuspend(dom),
);
export const resume = simple("Failed to resume domain '%s'", "Domain '%s' resumed\n", (conn, dom) =>
  conn.domainResume(dom),
);
export const reset = simple("Failed to reset domain '%s'", "Domain '%s' was reset\n", (conn, dom) =>
  conn.domainReset(dom, 0),
);
export const shutdown = withMode(
  "'acpi', 'agent', 'initctl', 'signal', or 'paravirt'",
  simple("Failed to shutdown domain '%s'", "Domain '%s' is being shutdown\n", (conn, dom, opts) =>
    conn.domainShutdown(dom, modeOf(opts)),
  ),
);
export const reboot = withMode(
  "'acpi', 'agent', 'initctl', 'signal' or 'paravirt'",
  simple("Failed to reboot domain '%s'", "Domain '%s' is being rebooted\n", (conn, dom, opts) =>
    conn.domainReboot(dom, modeOf(opts)),
  ),
);

function modeOf(opts: CommandOptions): number {
  const mode = opts.string('mode');
  return (mode ? mode.split(',') : []).reduce((f, m) => f | (MODES[m] ?? 0), 0);
}

export const start: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts, BY_NAME | BY_UUID);
  if (!dom) return false;
  if (dom.id !== -1) {
    ctx.error('Domain is already active');
    return false;
  }
  if (passFds(ctx, opts) === undefined) return false;
  const conn = await ctx.conn();
  let flags =
    (opts.bool('paused') ? DomainStart.PAUSED : 0) |
    (opts.bool('autodestroy') ? DomainStart.AUTODESTROY : 0) |
    (opts.bool('bypass-cache') ? DomainStart.BYPASS_CACHE : 0) |
    (opts.bool('force-boot') ? DomainStart.FORCE_BOOT : 0) |
    (opts.bool('reset-nvram') ? DomainStart.RESET_NVRAM : 0);
  let started = false;
  if (flags & DomainStart.FORCE_BOOT) {
    // Emulated for drivers that refuse the flag: drop any managed save, then boot plainly.
    try {
      await conn.domainCreate(dom, flags);
      started = true;
    } catch (e) {
      if (!(e instanceof VirError) || (e.codeName !== 'NO_SUPPORT' && e.codeName !== 'INVALID_ARG')) throw e;
      let has = false;
      try {
        has = await conn.domainHasManagedSaveImage(dom, 0);
      } catch (err) {
        if (!(err instanceof VirError)) throw err;
      }
      if (has) await conn.domainManagedSaveRemove(dom, 0);
      flags &= ~DomainStart.FORCE_BOOT;
    }
  }
  if (!started) await ctx.attempt(`Failed to start domain '${dom.name}'`, () => conn.domainCreate(dom, flags));
  ctx.printExtra(`Domain '${dom.name}' started\n`);
  if (opts.bool('console')) return runConsole(ctx, conn, dom);
  return true;
};

export const create: Handler = async (ctx, opts) => {
  const from = opts.requiredString('file');
  const xml = await ctx.readFile(from);
  if (passFds(ctx, opts) === undefined) return false;
  const flags =
    (opts.bool('paused') ? DomainStart.PAUSED : 0) |
    (opts.bool('autodestroy') ? DomainStart.AUTODESTROY : 0) |
    (opts.bool('validate') ? DomainStart.VALIDATE : 0) |
    (opts.bool('reset-nvram') ? DomainStart.RESET_NVRAM : 0);
  const conn = await ctx.conn();
  const dom = await ctx.attempt(`Failed to create domain from ${from}`, () => conn.domainCreateXML(xml, flags));
  ctx.printExtra(`Domain '${dom.name}' created from ${from}\n`);
  // create reports a console that cannot attach but still succeeds.
  if (opts.bool('console')) await runConsole(ctx, conn, dom);
  return true;
};

export const define: Handler = async (ctx, opts) => {
  const from = opts.requiredString('file');
  const flags = opts.bool('validate') ? 1 : 0;
  const xml = await ctx.readFile(from);
  const conn = await ctx.conn();
  const dom = await ctx.attempt(`Failed to define domain from ${from}`, () => conn.domainDefineXML(xml, flags));
  ctx.printExtra(`Domain '${dom.name}' defined from ${from}\n`);
  return true;
};
