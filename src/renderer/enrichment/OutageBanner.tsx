import type { OutageInfo, RateLimitInfo } from '../../shared/enrichment-state.ts';
import { useNow } from '../components/use-now.ts';
import { formatCountdown, formatDateTime } from '../format.ts';

interface OutageBannerProps {
  outage: OutageInfo;
  checking: boolean;
  /** False while the page cannot reach main, so "Check now" could not be sent. */
  online: boolean;
  onCheckNow(): void;
}

/**
 * Shows the open circuit breaker: since when, the last error, a countdown to
 * the next probe that ticks locally, and a button to probe at once. Only the
 * title and start time are in the alert, so a screen reader announces the
 * banner once rather than every tick of the countdown.
 */
export function OutageBanner({ outage, checking, online, onCheckNow }: OutageBannerProps) {
  const title = outage.kind === 'contract' ? 'Amazon Music responds in a format Liner cannot read' : 'Amazon Music is unavailable';

  return (
    <section className="banner banner-outage" aria-labelledby="outage-title" data-testid="outage-banner">
      <div role="alert">
        <h3 id="outage-title">{title}</h3>
        {outage.longOutage ? (
          <p className="long-outage">Unreachable since {formatDateTime(outage.since)}. Check the base URL in Settings.</p>
        ) : (
          <p>Since {formatDateTime(outage.since)}. No item is marked as failed while the source is down.</p>
        )}
      </div>
      <p>
        Last error: <span className="last-error">{outage.lastError}</span>
      </p>
      <p>
        Failed attempts in a row: {outage.streak}. <NextAttempt at={outage.nextAttemptAt} />
      </p>
      <button type="button" onClick={onCheckNow} disabled={checking || !online}>
        {checking ? 'Checking…' : 'Check now'}
      </button>
    </section>
  );
}

function NextAttempt({ at }: { at: string }) {
  const remaining = Date.parse(at) - useNow(true);
  if (remaining <= 0) return <span data-testid="outage-countdown">Trying again…</span>;
  return (
    <span>
      Next attempt in{' '}
      <span className="countdown" data-testid="outage-countdown">
        {formatCountdown(remaining)}
      </span>
      .
    </span>
  );
}

interface RateLimitBannerProps {
  rateLimit: RateLimitInfo;
}

/**
 * Shows the wait after a 429, with its own countdown to `resumeAt`. It has
 * no "Check now": the source asked Liner to wait, and Liner resumes by itself.
 */
export function RateLimitBanner({ rateLimit }: RateLimitBannerProps) {
  return (
    <section className="banner banner-rate-limited" aria-labelledby="rate-limit-title" data-testid="rate-limit-banner">
      <div role="status">
        <h3 id="rate-limit-title">Amazon Music asked Liner to slow down</h3>
        <p>Rate limited since {formatDateTime(rateLimit.since)}. Liner waits as asked and resumes by itself.</p>
      </div>
      <p>
        <ResumeCountdown at={rateLimit.resumeAt} />
      </p>
    </section>
  );
}

function ResumeCountdown({ at }: { at: string }) {
  const remaining = Date.parse(at) - useNow(true);
  if (remaining <= 0) return <span data-testid="rate-limit-countdown">Resuming…</span>;
  return (
    <span>
      Resuming in{' '}
      <span className="countdown" data-testid="rate-limit-countdown">
        {formatCountdown(remaining)}
      </span>
      .
    </span>
  );
}
