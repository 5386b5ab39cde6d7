/**
 * Logs unreadable wire shapes once per endpoint, with a trimmed sample, so an
 * upstream format change produces one warning instead of one per item.
 */
import { sampleOf } from './json-read.ts';
import type { T2TunesEndpoint } from './endpoints.ts';
import type { SourceLogger } from './logger.ts';
import type { IssueSink } from './wire-shape.ts';

const SAMPLE_MAX_CHARS = 500;

export class ShapeReporter {
  private readonly logger: SourceLogger;
  private readonly reported = new Set<T2TunesEndpoint>();
  private readonly suppressed = new Map<T2TunesEndpoint, number>();

  constructor(logger: SourceLogger) {
    this.logger = logger;
  }

  report(endpoint: T2TunesEndpoint, problem: string, sample: unknown): void {
    if (this.reported.has(endpoint)) {
      this.suppressed.set(endpoint, (this.suppressed.get(endpoint) ?? 0) + 1);
      return;
    }
    this.reported.add(endpoint);
    this.logger.warn(
      { endpoint, problem, sample: sampleOf(sample, SAMPLE_MAX_CHARS) },
      'T2Tunes response has a shape the client cannot read; later cases on this endpoint are counted, not logged',
    );
  }

  /** Returns an issue sink bound to one endpoint, for the wire parsers. */
  sinkFor(endpoint: T2TunesEndpoint): IssueSink {
    return (issue) => this.report(endpoint, issue.problem, issue.sample);
  }

  /** Counts of unreadable shapes seen after the first, by endpoint. */
  suppressedCounts(): Record<string, number> {
    return Object.fromEntries(this.suppressed);
  }
}
