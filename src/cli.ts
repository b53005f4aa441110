import { openConnection } from './core/open.js';
import { VirError } from './core/errors.js';
import { findCommand } from './commands/registry.js';
import { parseCommandArgs } from './commands/parse.js';
import type { CommandContext } from './commands/types.js';
import type { Connection } from './core/api/connection.js';
import { readFile } from 'node:fs/promises';

// Provisional entry point: `-c URI CMD ARGS…`. The full virsh CLI replaces it.
async function main(argv: string[]): Promise<number> {
  let uri = process.env.LIBVIRT_DEFAULT_URI;
  if (argv[0] === '-c' || argv[0] === '--connect') {
    uri = argv[1];
    argv = argv.slice(2);
  }
  const [name, ...rest] = argv;
  const def = name ? findCommand(name) : undefined;
  if (!def || !def.handler) {
    process.stderr.write(`error: unknown command: '${name}'\n`);
    return 1;
  }
  let conn: Connection | undefined;
  const out = (s: string) => process.stdout.write(s);
  const ctx: CommandContext = {
    conn: async () => (conn ??= await openConnection(uri ?? 'test:///default', { readonly: false })),
    print: out,
    printExtra: out,
    error: (t) => process.stderr.write(`error: ${t}\n`),
    attempt: async (context, call) => {
      try {
        return await call();
      } catch (e) {
        process.stderr.write(`error: ${context}\n`);
        throw e;
      }
    },
    readFile: (p) => readFile(p, 'utf8'),
    shell: {
      uri,
      readonly: false,
      quiet: false,
      interactive: false,
      quit: false,
      reconnect: async () => {},
    },
  };
  try {
    const opts = parseCommandArgs(def, rest);
    const ok = await def.handler(ctx, opts);
    out('\n');
    return ok ? 0 : 1;
  } catch (e) {
    if (e instanceof VirError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
