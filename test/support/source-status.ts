import type { EntityProgress, SourceStatus } from '../../src/shared/enrichment-state.ts';

function progress(total: number, matched: number): EntityProgress {
  return { total, matched, notFound: 0, error: 0, pending: total - matched };
}

/** Builds a status of the Amazon source: enabled and running, 1 200 of 5 000 items matched, unless overridden. */
export function sourceStatus(overrides: Partial<SourceStatus> = {}): SourceStatus {
  return {
    source: 'amazon',
    enabled: true,
    paused: false,
    pausedBy: null,
    state: 'running',
    outage: null,
    rateLimit: null,
    currentItem: null,
    counts: { matched: 1_200, notFound: 0, error: 0, pending: 3_800 },
    progress: { artists: progress(200, 200), albums: progress(800, 600), tracks: progress(4_000, 400) },
    requests: { total: 0, byEndpoint: {}, perMinute: [] },
    pinnedEntityType: null,
    problem: null,
    ...overrides,
  };
}
