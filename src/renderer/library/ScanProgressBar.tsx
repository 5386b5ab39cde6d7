import type { ScanProgress } from '../../shared/ipc-contract.ts';
import { formatCount } from '../format.ts';

/** Shows the running or last scan of a library, from `scanProgress` events. */
export function ScanProgressBar({ progress }: { progress: ScanProgress }) {
  if (progress.phase === 'failed') {
    return (
      <p className="error" role="alert">
        The scan failed: {progress.error ?? 'no reason given'}
      </p>
    );
  }

  const running = progress.phase !== 'finished';
  const text = running
    ? `Scanning: ${formatCount(progress.parsed)} of ${formatCount(progress.filesSeen)} files read (${formatCount(Math.round(progress.filesPerSecond))} per second)`
    : `Scan finished: ${formatCount(progress.parsed)} files read`;

  return (
    <div className="scan-progress" role="status" data-phase={progress.phase}>
      <progress max={Math.max(1, progress.filesSeen)} value={running ? progress.parsed : Math.max(1, progress.filesSeen)} aria-label="Scan progress" />
      <span>{text}</span>
    </div>
  );
}
