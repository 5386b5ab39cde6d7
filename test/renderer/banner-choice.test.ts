import { describe, expect, it } from 'vitest';

import type { OutageInfo, RateLimitInfo } from '../../src/shared/enrichment-state.ts';
import { chooseBanner } from '../../src/renderer/enrichment/banner-choice.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');

const outage: OutageInfo = {
  kind: 'outage',
  since: '2026-03-01T11:50:00Z',
  streak: 3,
  nextAttemptAt: '2026-03-01T12:01:00Z',
  lastError: 'HTTP 503: Amazon Music API is not initialized',
  longOutage: false,
};

const activeLimit: RateLimitInfo = { since: '2026-03-01T11:59:00Z', resumeAt: '2026-03-01T12:02:00Z' };
const endedLimit: RateLimitInfo = { since: '2026-03-01T11:59:00Z', resumeAt: '2026-03-01T11:59:30Z' };

describe('chooseBanner', () => {
  it('shows the outage banner during an outage', () => {
    expect(chooseBanner({ state: 'outage', outage, rateLimit: null }, NOW)).toBe('outage');
  });

  it('shows the rate limit when rate limited', () => {
    expect(chooseBanner({ state: 'rate_limited', outage: null, rateLimit: activeLimit }, NOW)).toBe('rate_limited');
  });

  it('hides the outage banner when rate limited', () => {
    expect(chooseBanner({ state: 'rate_limited', outage, rateLimit: activeLimit }, NOW)).toBe('rate_limited');
  });

  it('prefers a running rate limit during an outage', () => {
    expect(chooseBanner({ state: 'outage', outage, rateLimit: activeLimit }, NOW)).toBe('rate_limited');
  });

  it('returns to the outage after the limit ends', () => {
    expect(chooseBanner({ state: 'outage', outage, rateLimit: endedLimit }, NOW)).toBe('outage');
  });

  it('keeps the rate limit while the state says so', () => {
    expect(chooseBanner({ state: 'rate_limited', outage, rateLimit: endedLimit }, NOW)).toBe('rate_limited');
  });

  it('shows no outage banner in rate_limited without details', () => {
    expect(chooseBanner({ state: 'rate_limited', outage, rateLimit: null }, NOW)).toBeNull();
  });

  it('shows nothing while running', () => {
    expect(chooseBanner({ state: 'running', outage: null, rateLimit: null }, NOW)).toBeNull();
  });
});
