import { render, type Instance } from 'ink';
import type { JobDisplay } from '../../commands/job/progress.js';
import { JobBar } from './JobBar.js';

/**
 * The interactive shell's job display: a live bar drawn from the job's first sample (a job
 * that ends at once draws nothing) and erased at its end, so the command's own output
 * follows as in batch mode.
 */
export function inkJobDisplay(): JobDisplay {
  return (label) => {
    let app: Instance | undefined;
    let ended = false;
    return {
      update(sample) {
        if (ended) return;
        const bar = <JobBar label={label} sample={sample} />;
        if (app) app.rerender(bar);
        else app = render(bar, { exitOnCtrlC: false, patchConsole: false });
      },
      end() {
        if (ended) return;
        ended = true;
        app?.clear();
        app?.unmount();
      },
    };
  };
}
