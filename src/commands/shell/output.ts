import { closeSync, openSync, writeSync } from 'node:fs';
import { writeStderr, writeStdout } from '../../core/stdio.js';
import { encodeRawBytes } from '../../core/xml/raw-bytes.js';

/** vsh's message levels (VSH_ERR_*); debug output is shown for levels >= the -d value. */
export const Level = { DEBUG: 0, INFO: 1, NOTICE: 2, WARNING: 3, ERROR: 4 } as const;
const levelNames = ['DEBUG', 'INFO', 'INFO', 'WARNING', 'ERROR'];

/** Where the shell writes: data, chatter (-q), errors, debug, and the -l log file. */
export class Output {
  quiet = false;
  debugLevel: number = Level.ERROR;
  private logFd: number | undefined;

  /** vshPrint */
  print(text: string): void {
    writeStdout(text);
  }

  /** vshPrintExtra: silenced by -q. */
  printExtra(text: string): void {
    if (!this.quiet) this.print(text);
  }

  /** vshError: `error: TEXT` on stderr, and into the log file. */
  error(text: string): void {
    this.log(Level.ERROR, text);
    writeStderr(`error: ${text}\n`);
  }

  /** vshDebug: stdout and log file when `level` reaches the debug threshold. */
  debug(level: number, text: string): void {
    if (level < this.debugLevel) return;
    this.log(level, text);
    this.print(text);
  }

  /** vshOpenLogFile; false when the file cannot be opened. */
  openLog(path: string): boolean {
    this.closeLog();
    try {
      this.logFd = openSync(path, 'a', 0o644);
      return true;
    } catch {
      return false;
    }
  }

  hasLog(): boolean {
    return this.logFd !== undefined;
  }

  closeLog(): void {
    if (this.logFd !== undefined) closeSync(this.logFd);
    this.logFd = undefined;
  }

  /** vshOutputLogFile: `[YYYY.MM.DD HH:MM:SS virsh PID] LEVEL message`. */
  private log(level: number, text: string): void {
    if (this.logFd === undefined) return;
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    const stamp = `${d.getFullYear()}.${p(d.getMonth() + 1)}.${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    const line = `[${stamp} virsh ${process.pid}] ${levelNames[level] ?? 'DEBUG'} ${text.replace(/\n$/, '')}\n`;
    try {
      writeSync(this.logFd, encodeRawBytes(line));
    } catch {
      this.closeLog();
      writeStderr('error: failed to write the log file\n');
    }
  }
}
