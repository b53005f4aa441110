import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { decodeRawBytes } from '../../core/xml/raw-bytes.js';
import { commandGroups, findCommand } from '../registry.js';
import { parseGlobalOptions, type GlobalOptions } from './globals.js';
import { Level, Output } from './output.js';
import { parseCommands, type ParsedCommand, type ParserHooks } from './parser.js';
import { Shell } from './shell.js';
import { argvTokens, stringTokens } from './tokenizer.js';
import { longVersion, usage, VIRSH_VERSION } from './usage.js';

/**
 * The name virsh prints in its usage and banner. virsh-ts answers to virsh's own name so
 * that it is a drop-in: scripts and humans see the same text from either.
 */
const PROGNAME = 'virsh';

/** vshInitDebug: VIRSH_DEBUG when -d left the level alone, VIRSH_LOG_FILE without -l. */
function initDebug(out: Output, env: NodeJS.ProcessEnv): boolean {
  if (out.debugLevel === Level.ERROR && env.VIRSH_DEBUG !== undefined) {
    const level = Number.parseInt(env.VIRSH_DEBUG, 10);
    if (!/^\s*[+-]?\d+$/.test(env.VIRSH_DEBUG) || level < Level.DEBUG || level > Level.ERROR) {
      out.error('VIRSH_DEBUG not set with a valid numeric value');
    } else {
      out.debugLevel = level;
    }
  }
  if (!out.hasLog() && env.VIRSH_LOG_FILE) {
    if (!out.openLog(env.VIRSH_LOG_FILE)) {
      out.error('failed to open the log file. check the log file path');
      return false;
    }
  }
  return true;
}

function parserHooks(out: Output): ParserHooks {
  return {
    find: findCommand,
    error: (m) => out.error(m),
    debug: (m) => out.debug(Level.INFO, m),
  };
}

/** virshParseArgv's tail: one word is a command string, several are one command's argv. */
function parseOperands(g: GlobalOptions, out: Output): ParsedCommand[] | undefined {
  const words = g.operands;
  if (words.length === 1) {
    out.debug(Level.INFO, `commands: "${words[0]}"\n`);
    if (words[0] === '') return undefined;
    return parseCommands(stringTokens(words[0]), parserHooks(out));
  }
  return parseCommands(argvTokens(words), parserHooks(out));
}

/**
 * The arguments with their bytes: Node decodes what is not UTF-8 to U+FFFD, but virsh passes
 * such bytes on (echo prints them, lookups name them), and the kernel still has them.
 */
function rawArgv(argv: readonly string[]): readonly string[] {
  if (!argv.some((a) => a.includes('\ufffd'))) return argv;
  let words: Buffer[] = [];
  try {
    const cmdline = readFileSync('/proc/self/cmdline');
    for (let start = 0; start < cmdline.length; ) {
      const end = cmdline.indexOf(0, start);
      words.push(cmdline.subarray(start, end < 0 ? cmdline.length : end));
      start = end < 0 ? cmdline.length : end + 1;
    }
  } catch {
    return argv;
  }
  words = words.slice(-argv.length);
  if (argv.length === 0 || words.length !== argv.length) return argv;
  return words.map((w) => (isUtf8(w) ? w.toString('utf8') : decodeRawBytes(w)));
}

/** virsh's main(): returns the process exit status. */
export async function main(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = new Output();
  if (!initDebug(out, env)) return 1;
  const argv = rawArgv(args);
  const g = parseGlobalOptions(argv, out);
  if (!('operands' in g)) {
    if (g.show === 'usage') out.print(usage(PROGNAME, commandGroups));
    else if (g.show === 'short-version') out.print(`${VIRSH_VERSION}\n`);
    else if (g.show === 'long-version') out.print(longVersion());
    return g.exit;
  }
  const interactive = g.operands.length === 0;
  // The line sources, the REPL's loader and completion: loaded only by interactive sessions.
  const io = interactive ? await import('./interactive.js') : undefined;
  io?.preloadRepl();
  const cmds = interactive ? [] : parseOperands(g, out);
  if (!cmds) return 1;
  if (!initDebug(out, env)) return 1;
  const shell = new Shell(out, {
    connname: g.connect,
    readonly: g.readonly,
    timing: g.timing,
    interactive,
    escapeChar: g.escapeChar,
    keepaliveInterval: g.keepaliveInterval,
    keepaliveCount: g.keepaliveCount,
  });
  if (g.connect !== undefined) {
    try {
      await shell.reconnect(undefined, false, false);
    } catch (e) {
      shell.fail(e);
      await shell.close();
      return 1;
    }
  }
  shell.settings.connname ??= env.VIRSH_DEFAULT_CONNECT_URI;
  let ok = true;
  if (!io) {
    ok = await shell.run(cmds);
  } else {
    const lines = process.stdin.isTTY ? await io.terminalLines(shell, g.noColor) : io.pipedLines((t) => out.print(t));
    await io.interactiveLoop(shell, lines, async (line) => {
      const parsed = parseCommands(stringTokens(line), parserHooks(out));
      if (parsed) await shell.run(parsed);
    });
  }
  await shell.close();
  out.closeLog();
  return ok ? 0 : 1;
}
