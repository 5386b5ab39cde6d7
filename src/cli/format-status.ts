import type { EntityProgress, SourceStatus } from '../shared/enrichment-state.ts';

const STATE_WORDS: Record<SourceStatus['state'], string> = {
  disabled: 'disabled',
  running: 'running',
  paused: 'paused',
  idle: 'idle (nothing left to enrich)',
  outage: 'source unavailable',
  rate_limited: 'rate limited',
  contract: 'source answers in a format Liner cannot read',
  crashed: 'stopped after repeated crashes',
};

function progressLine(label: string, progress: EntityProgress): string {
  return `  ${label.padEnd(8)} ${progress.matched}/${progress.total} matched, ${progress.notFound} not found, ${progress.error} failed, ${progress.pending} pending`;
}

/**
 * Renders one source's status for a terminal. `runner` is the pid of the
 * process enriching the database, or null when none runs, in which case
 * "running" only means that items are waiting.
 */
export function formatSourceStatus(status: SourceStatus, runner: number | null = null): string {
  const waiting = status.state === 'running' && runner === null;
  const stateWords = waiting ? `enabled, ${status.counts.pending} items waiting; no enrichment is running (start it with liner enrich)` : STATE_WORDS[status.state];
  const lines = [`Amazon Music (via T2Tunes): ${stateWords}`];
  if (runner !== null && status.state !== 'disabled') lines.push(`  enriching in process ${runner}`);
  if (status.pausedBy === 'scan') lines.push('  held while a library scan runs');

  lines.push(progressLine('artists', status.progress.artists));
  lines.push(progressLine('albums', status.progress.albums));
  lines.push(progressLine('tracks', status.progress.tracks));

  if (status.outage) {
    const outage = status.outage;
    lines.push(
      outage.longOutage
        ? `  unreachable since ${outage.since}; check the base URL (liner config get amazon.baseUrl)`
        : `  unavailable since ${outage.since}`,
      `  ${outage.streak} failed attempt(s); next attempt at ${outage.nextAttemptAt}`,
      `  last error: ${outage.lastError}`,
    );
  }
  if (status.rateLimit) lines.push(`  rate limited; resuming at ${status.rateLimit.resumeAt}`);
  if (status.problem) lines.push(`  problem: ${status.problem}`);
  if (!status.enabled) lines.push('  turn it on with: liner enable amazon');
  return `${lines.join('\n')}\n`;
}
