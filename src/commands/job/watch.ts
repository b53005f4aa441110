import type { Connection } from '../../core/api/connection.js';
import type { DomainHandle } from '../../core/api/handles.js';
import { writeStderr } from '../../core/stdio.js';
import type { CommandContext } from '../types.js';
import { jobDisplay, progressLine } from './progress.js';

/** virshWatchJob polls the job this often. */
const POLL_MS = 500;

export interface WatchedJob {
  conn: Connection;
  dom: DomainHandle;
  /** virsh's label for the job (Save, Managedsave, Dump, Migration). */
  label: string;
  /** --verbose: virsh's progress lines on stderr. */
  verbose: boolean;
  /** virsh's -d traces (the job's end is one). */
  debug: CommandContext['debug'];
  /** virsh's job thread looks the domain up again (its -d traces show it) before the call. */
  lookup: () => Promise<unknown>;
}

/**
 * virshWatchJob: runs `call` (the API call that carries the job) while polling the domain's
 * job every half second; the progress goes to stderr with --verbose, and to the interactive
 * shell's bar when one is shown. Ctrl-C asks the driver to abort the job, as virsh does, and
 * the call then fails with the driver's error. A job that succeeds ends with virsh's 100 %.
 */
export async function watchJob<T>(job: WatchedJob, call: () => Promise<T>): Promise<T> {
  const view = jobDisplay()?.(job.label);
  const started = Date.now();
  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const info = await job.conn.domainGetJobInfo(job.dom);
      if (info.dataTotal > 0) {
        if (view) view.update({ label: job.label, total: info.dataTotal, processed: info.dataProcessed, elapsedMs: Date.now() - started });
        else if (job.verbose) writeStderr(progressLine(job.label, info.dataRemaining, info.dataTotal));
      }
    } catch {
      // no job yet, or a driver without job info: virsh forgets the error and polls on
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => void poll(), POLL_MS);
  const abort = () => void job.conn.domainAbortJob(job.dom).catch(() => undefined);
  process.on('SIGINT', abort);
  let result: T;
  let status = -1;
  try {
    await job.lookup();
    result = await call();
    status = 0;
  } finally {
    clearInterval(timer);
    process.removeListener('SIGINT', abort);
    view?.end();
    job.debug(0, `watchJob: job done, status ${status}\n`);
  }
  if (job.verbose) writeStderr(progressLine(job.label, 0, 1));
  return result;
}
