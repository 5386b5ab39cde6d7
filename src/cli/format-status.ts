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

/** Renders one source's status for a terminal. */
export function formatSourceStatus(status: SourceStatus): string {
  const lines = [`Amazon Music (via T2Tunes): ${STATE_WORDS[status.state]}`];
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
