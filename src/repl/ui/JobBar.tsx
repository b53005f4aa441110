import { Box, Text } from 'ink';
import type { JobSample } from '../../commands/job/progress.js';
import { eta, percent, rate, size } from './job-format.js';

export interface JobBarProps {
  label: string;
  /** The latest sample; undefined until the job reports one. */
  sample: JobSample | undefined;
  /** Cells of the bar itself. */
  width?: number;
}

/** A running job: `Label [#####-----]  45 %  1.2 GiB / 2.6 GiB  120.0 MiB/s  ETA 0:12`. */
export function JobBar({ label, sample, width = 30 }: JobBarProps) {
  if (!sample || sample.total <= 0) return <Text>{label}: waiting for the job to start</Text>;
  const pct = percent(sample.processed, sample.total);
  const filled = Math.round((pct * width) / 100);
  const bps = rate(sample.processed, sample.elapsedMs);
  return (
    <Box gap={2}>
      <Text>
        {label} [<Text color="green">{'#'.repeat(filled)}</Text>
        {'-'.repeat(width - filled)}]
      </Text>
      <Text>{`${String(pct).padStart(3)} %`}</Text>
      <Text>{`${size(sample.processed)} / ${size(sample.total)}`}</Text>
      <Text>{bps === undefined ? '-' : `${size(bps)}/s`}</Text>
      <Text>ETA {eta(Math.max(sample.total - sample.processed, 0), bps)}</Text>
    </Box>
  );
}
