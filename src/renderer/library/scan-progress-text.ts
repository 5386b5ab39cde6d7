import type { ScanProgress } from '../../shared/ipc-contract.ts';
import { formatCount, formatQuantity } from '../format.ts';

/**
 * Returns the line under the scan bar. `parsed` counts files whose tags were
 * read (new or changed ones) and `filesSeen` every file the walk found, so a
 * rescan of an unchanged folder reads none.
 */
export function scanProgressText(progress: ScanProgress): string {
  const read = formatQuantity(progress.parsed, 'file', 'files');
  const checked = formatQuantity(progress.filesSeen, 'file', 'files');

  if (progress.phase === 'failed') return `The scan failed: ${progress.error ?? 'no reason given'}`;
  if (progress.phase === 'finished') {
    if (progress.parsed === 0) return `Scan finished: no new or changed files (${checked} checked)`;
    return `Scan finished: ${read} read, ${checked} checked`;
  }
  if (progress.phase === 'started') return 'Scanning: looking for files…';
  return `Scanning: ${read} read, ${checked} checked (${formatCount(Math.round(progress.filesPerSecond))} per second)`;
}
