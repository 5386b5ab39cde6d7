import type { OutageInfo, RateLimitInfo } from '../../shared/enrichment-state.ts';
import { useNow } from '../components/use-now.ts';
import { formatCountdown, formatDateTime } from '../format.ts';

interface OutageBannerProps {
  outage: OutageInfo;
  checking: boolean;
  onCheckNow(): void;
}

/**
 * Shows the open circuit breaker: since when, the last error, a countdown to
 * the next probe that ticks locally, and a button to probe at once.
 */
export function OutageBanner({ outage, checking, onCheckNow }: OutageBannerProps) {
  const now = useNow(true);
  const remaining = Date.parse(outage.nextAttemptAt) - now;
  const title = outage.kind === 'contract' ? 'Amazon Music responds in a format Liner cannot read' : 'Amazon Music is unavailable';

  return (
    <section className="banner banner-outage" role="alert" aria-labelledby="outage-title" data-testid="outage-banner">
      <h3 id="outage-title">{title}</h3>
      {outage.longOutage ? (
        <p className="long-outage">
          Unreachable since {formatDateTime(outage.since)}. Check the base URL in Settings.
        </p>
      ) : (
        <p>Since {formatDateTime(outage.since)}. No item is marked as failed while the source is down.</p>
      )}
      <p>
        Last error: <span className="last-error">{outage.lastError}</span>
      </p>
      <p>
        Failed attempts in a row: {outage.streak}. Next attempt in{' '}
        <span className="countdown" data-testid="outage-countdown">
          {formatCountdown(remaining)}
        </span>
        .
      </p>
      <button type="button" onClick={onCheckNow} disabled={checking}>
        {checking ? 'Checking…' : 'Check now'}
      </button>
    </section>
  );
}

interface RateLimitBannerProps {
  rateLimit: RateLimitInfo;
}

/** Shows the wait after a 429; Liner resumes by itself when it ends. */
export function RateLimitBanner({ rateLimit }: RateLimitBannerProps) {
  const now = useNow(true);
  return (
    <section className="banner banner-rate-limited" role="status">
      <h3>Amazon Music asked Liner to slow down</h3>
      <p>
        Rate limited since {formatDateTime(rateLimit.since)}. Resuming in{' '}
        <span className="countdown">{formatCountdown(Date.parse(rateLimit.resumeAt) - now)}</span>.
      </p>
    </section>
  );
}
