import type { ScanProgress } from '../../shared/ipc-contract.ts';
import { scanProgressText } from './scan-progress-text.ts';

/**
 * Shows the running or last scan of a library, from `scanProgress` events.
 * The walk finds files as it reads them, so the total is unknown until the
 * end and the bar is indeterminate while the scan runs.
 */
export function ScanProgressBar({ progress }: { progress: ScanProgress }) {
  const text = scanProgressText(progress);
  if (progress.phase === 'failed') {
    return (
      <p className="error" role="alert" data-testid="scan-progress" data-phase="failed">
        {text}
      </p>
    );
  }

  const running = progress.phase !== 'finished';
  return (
    <div className="scan-progress" data-testid="scan-progress" data-phase={progress.phase}>
      {running ? (
        <div className="scan-bar scan-bar-running" role="progressbar" aria-label="Scan progress" aria-valuetext={text} />
      ) : (
        <div className="scan-bar scan-bar-done" role="progressbar" aria-label="Scan progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={100} />
      )}
      <span className="scan-text" aria-hidden="true">
        {text}
      </span>
      {/* The counts change several times a second, so the live region announces only the start and the result. */}
      <span className="visually-hidden" role="status">
        {running ? 'Scanning the folder.' : text}
      </span>
    </div>
  );
}
