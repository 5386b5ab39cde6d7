import type { SourceStatus } from '../../shared/enrichment-state.ts';

export type BannerChoice = 'rate_limited' | 'outage' | null;

/**
 * Picks the one banner the enrichment panel shows at `now` (epoch ms). A
 * rate limit wins over an open circuit breaker until its `resumeAt`: a
 * status probe during an outage can itself get a 429, and then the source
 * asked Liner to wait, so offering "Check now" would be wrong. Past
 * `resumeAt` the outage banner comes back without waiting for a new status.
 */
export function chooseBanner(status: Pick<SourceStatus, 'state' | 'outage' | 'rateLimit'>, now: number): BannerChoice {
  const limited = status.rateLimit !== null && (status.state === 'rate_limited' || Date.parse(status.rateLimit.resumeAt) > now);
  if (limited) return 'rate_limited';
  if (status.state === 'rate_limited') return null;
  if (status.outage !== null) return 'outage';
  return null;
}
