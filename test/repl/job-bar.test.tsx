// The interactive shell's job bar, fed by real jobs: a file streamed through the transfer
// counter vol-upload and vol-download use, and a save on test:///default through watchJob.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setJobDisplay, type JobDisplay, type JobSample } from '../../src/commands/job/progress.js';
import { transferJob } from '../../src/commands/job/transfer.js';
import { watchJob } from '../../src/commands/job/watch.js';
import { openConnection } from '../../src/core/open.js';
import { JobBar } from '../../src/repl/ui/JobBar.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'virsh-ts-jobbar-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setJobDisplay(undefined));

/** A display that draws each job with ink-testing-library and keeps every frame. */
function recordingDisplay() {
  const frames: string[] = [];
  const events: string[] = [];
  const display: JobDisplay = (label) => {
    const app = render(<JobBar label={label} sample={undefined} />);
    events.push(`start ${label}`);
    return {
      update(sample: JobSample) {
        app.rerender(<JobBar label={label} sample={sample} />);
        frames.push(app.lastFrame() ?? '');
      },
      end() {
        events.push(`end ${label}`);
        app.unmount();
      },
    };
  };
  return { display, frames, events };
}

describe('job bar', () => {
  it('follows a streamed transfer: percent, bytes, rate and ETA', async () => {
    const file = join(dir, 'image.raw');
    writeFileSync(file, Buffer.alloc(4 * 1024 * 1024, 7));
    const rec = recordingDisplay();
    setJobDisplay(rec.display);
    const job = transferJob('Upload', 4 * 1024 * 1024);
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) job.add((chunk as Buffer).length);
    job.end();
    expect(rec.events).toEqual(['start Upload', 'end Upload']);
    expect(rec.frames).toHaveLength(4);
    expect(rec.frames[0]).toMatch(/^Upload \[#{8}-{22}\] {2} 25 % {2}1\.0 MiB \/ 4\.0 MiB {2}(\S+ \S+\/s|-) {2}ETA (\d+:\d\d|--:--)$/);
    expect(rec.frames[1]).toContain(' 50 %  2.0 MiB / 4.0 MiB');
    expect(rec.frames[3]).toMatch(/^Upload \[#{30}\] {2}100 % {2}4\.0 MiB \/ 4\.0 MiB .*ETA (0:00|--:--)$/);
  });

  it('says it waits while the job has no size yet', () => {
    const app = render(<JobBar label="Migration" sample={{ label: 'Migration', total: 0, processed: 0, elapsedMs: 10 }} />);
    expect(app.lastFrame()).toBe('Migration: waiting for the job to start');
    app.unmount();
  });

  it('a save on test:///default ends at once: the bar opens and closes without a frame', async () => {
    const conn = await openConnection('test:///default', { readonly: false });
    try {
      const rec = recordingDisplay();
      setJobDisplay(rec.display);
      const dom = await conn.domainLookupByName('test');
      const to = join(dir, 'test.save');
      await watchJob({ conn, dom, label: 'Save', verbose: false, debug: () => {}, lookup: async () => dom }, () => conn.domainSave(dom, to, null, 0));
      expect(rec.events).toEqual(['start Save', 'end Save']);
      expect(rec.frames).toEqual([]);
      expect((await conn.domainGetState(dom, 0)).state).toBe(5);
    } finally {
      await conn.close();
    }
  });
});
