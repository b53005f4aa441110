/**
 * Progress of a long job (a domain job, a volume transfer) and where it is shown. In batch
 * mode virsh's own `\rLabel: [ 45 %]` lines go to stderr (with --verbose); the interactive
 * shell installs a display that draws a live bar instead (src/repl/ui/JobBar.tsx).
 */
export interface JobSample {
  /** virsh's label: Save, Managedsave, Dump, Migration, Upload, Download. */
  label: string;
  /** Bytes to move in all, 0 while unknown. */
  total: number;
  /** Bytes moved so far. */
  processed: number;
  /** Milliseconds since the job started. */
  elapsedMs: number;
}

/** One job on screen: samples as they come, then its end (the view clears itself). */
export interface JobView {
  update(sample: JobSample): void;
  end(): void;
}

export type JobDisplay = (label: string) => JobView;

let display: JobDisplay | undefined;

/** The interactive shell's live display; undefined restores batch behaviour. */
export function setJobDisplay(d: JobDisplay | undefined): void {
  display = d;
}

export function jobDisplay(): JobDisplay | undefined {
  return display;
}

/** virshPrintJobProgress: whole percent, 100 only once nothing remains. */
export function progressLine(label: string, remaining: number, total: number): string {
  let percent = 100;
  if (remaining !== 0) percent = Math.min(Math.trunc(100 - (remaining * 100) / total), 99);
  return `\r${label}: [${String(percent).padStart(3)} %]`;
}
