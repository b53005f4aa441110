import { jobDisplay } from './progress.js';

export interface Transfer {
  /** `bytes` more moved. */
  add(bytes: number): void;
  end(): void;
}

/**
 * A stream transfer as a job (vol-upload, vol-download): the bytes counted as they pass, shown
 * on the interactive shell's bar. virsh prints no progress for these, so batch mode shows none.
 */
export function transferJob(label: string, total: number): Transfer {
  const view = jobDisplay()?.(label);
  const started = Date.now();
  let processed = 0;
  return {
    add(bytes) {
      processed += bytes;
      view?.update({ label, total, processed, elapsedMs: Date.now() - started });
    },
    end() {
      view?.end();
    },
  };
}
