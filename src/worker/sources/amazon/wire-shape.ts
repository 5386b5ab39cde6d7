/**
 * How wire parsers report input they cannot read. A parser reports an odd hit
 * through the `IssueSink` and skips it. It throws `WireShapeError` only when
 * the whole body, or the one item requested, cannot be read.
 */

export interface ParseIssue {
  /** Description of the unreadable part, for the log line. */
  problem: string;
  /** The unreadable value. The logger trims it. */
  sample: unknown;
}

export type IssueSink = (issue: ParseIssue) => void;

/**
 * `response`: the whole body has an unknown shape (a contract failure).
 * `item`: the body is readable but the one item asked for is not.
 */
export type WireShapeScope = 'response' | 'item';

export class WireShapeError extends Error {
  readonly scope: WireShapeScope;
  readonly sample: unknown;

  constructor(scope: WireShapeScope, message: string, sample: unknown) {
    super(message);
    this.name = 'WireShapeError';
    this.scope = scope;
    this.sample = sample;
  }
}

export function ignoreIssues(): void {}
