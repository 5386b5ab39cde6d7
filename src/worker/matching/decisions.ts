import type { MatchDecision } from './types.ts';

export function notFound(reason: string): MatchDecision {
  return { status: 'not_found', reason };
}
