import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { VirError } from '../core/errors.js';
import { logLine, parseArgs, type DaemonArgs } from './cli.js';
import { defaultConfig, loadConfig, type DaemonConfig } from './config.js';
import { daemonPaths } from './paths.js';
import { systemdActivation } from './activation.js';
import { daemonLog, reportedAt, whereOf } from './log.js';
import { acquirePidFile } from './pidfile.js';
import { DaemonServer } from './server.js';
import { serverTlsContext } from './tls/setup.js';

/** Set in the background child that -d starts; it reports readiness over IPC. */
const CHILD_ENV = 'VIRTD_TS_DAEMON_CHILD';

function fatal(message: string): never {
  process.stderr.write(logLine('error', message));
  process.exit(1);
}

/** VIR_DAEMON_ERR_NETWORK: libvirtd's exit status when its listeners cannot be set up. */
const EXIT_NETWORK = 6;

function networkFatal(e: unknown): never {
  daemonLog('error', whereOf(e, 'daemonSetupNetworking'), e instanceof Error ? e.message : String(e));
  process.exit(EXIT_NETWORK);
}

function readConfig(args: DaemonArgs, privileged: boolean, implicitPath: string): DaemonConfig {
  const path = args.config ?? implicitPath;
  // Without -f a missing default file just means the defaults.
  if (!args.config && !existsSync(path)) return defaultConfig();
  try {
    return loadConfig(path);
  } catch (e) {
    const why = e instanceof VirError ? e.message : `Failed to open file '${path}': ${(e as Error).message}`;
    fatal(`Can't load config file: ${why}: ${path}`);
  }
}

/** -d: start ourselves again in the background and leave once it is serving. */
function daemonize(): Promise<never> {
  const child = spawn(process.execPath, process.argv.slice(1), {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env: { ...process.env, [CHILD_ENV]: '1' },
  });
  return new Promise(() => {
    child.once('message', () => {
      child.disconnect();
      child.unref();
      process.exit(0);
    });
    child.once('exit', (code) => process.exit(code ?? 1));
  });
}

export async function main(argv: readonly string[]): Promise<void> {
  const privileged = process.geteuid?.() === 0;
  const parsed = parseArgs(argv, privileged);
  if ('exit' in parsed) {
    if (parsed.stdout) process.stdout.write(parsed.stdout);
    if (parsed.stderr) process.stderr.write(parsed.stderr);
    process.exit(parsed.exit);
  }
  const args = parsed.run;
  const paths = daemonPaths(privileged);
  const config = readConfig(args, privileged, paths.config);
  if (args.daemon && !process.env[CHILD_ENV]) await daemonize();

  const pidFile = args.pidFile ?? paths.pidFile;
  let server: DaemonServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server?.stop();
    rmSync(pidFile, { force: true });
    process.exit(code);
  };
  try {
    mkdirSync(dirname(pidFile), { recursive: true });
    acquirePidFile(pidFile);
  } catch (e) {
    daemonLog('error', whereOf(e, 'virPidFileAcquirePath'), e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  let tls: ReturnType<typeof serverTlsContext> | undefined;
  let activation: Map<string, number[]> | undefined;
  try {
    activation = systemdActivation();
    if (activation && args.listen) {
      throw reportedAt(
        'daemonSetupNetworking:221',
        new Error("--listen parameter not permitted with systemd activation sockets, see 'man libvirtd' for further guidance"),
      );
    }
    const tlsUnit = activation && [...activation.keys()].some((u) => u.endsWith('-tls.socket'));
    tls = (args.listen && config.listen_tls) || tlsUnit ? serverTlsContext(config, privileged) : undefined;
  } catch (e) {
    rmSync(pidFile, { force: true });
    networkFatal(e);
  }
  try {
    server = new DaemonServer({
      config,
      sockDir: config.unix_sock_dir ?? paths.sockDir,
      privileged,
      explicitDir: config.unix_sock_dir !== undefined,
      listen: args.listen,
      timeout: args.timeout > 0 ? args.timeout : 0,
      onIdle: () => void stop(0),
      tls,
      activation,
    });
    await server.start();
  } catch (e) {
    rmSync(pidFile, { force: true });
    networkFatal(e);
  }
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const) process.on(sig, () => void stop(0));
  process.send?.('ready');
  process.disconnect?.();
}
