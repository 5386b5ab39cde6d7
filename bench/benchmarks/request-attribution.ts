import type { EntityType } from '../../src/shared/entities.ts';

/** One item as the database records it after a run: when its result was written. */
export interface WrittenItem {
  entityType: EntityType;
  id: number;
  /** `amazon_last_attempted`: the controller's clock when it wrote the result, epoch ms. */
  writtenAt: number;
}

/** One request from the fake server's log. */
export interface LoggedRequest {
  endpoint: string;
  /** Arrival time, epoch ms. */
  arrivedAt: number;
}

export interface TypeCost {
  items: number;
  requests: number;
  byEndpoint: Record<string, number>;
  /** Items by how many requests they cost: "0", "1", "2", "3+". */
  histogram: Record<string, number>;
}

export interface Attribution {
  byType: Record<EntityType, TypeCost>;
  /** Requests that arrived after the last written item (none in a clean run). */
  unattributed: number;
  /** Requests whose arrival millisecond equals a write time, where the split can be off by one request. */
  ties: number;
}

function emptyCost(): TypeCost {
  return { items: 0, requests: 0, byEndpoint: {}, histogram: { '0': 0, '1': 0, '2': 0, '3+': 0 } };
}

/**
 * Charges each request to the item whose result was written next. The
 * worker handles one item at a time and requests the next item only after
 * main has written the last result. So the requests of item N arrive after
 * the write of item N-1 and no later than the write of item N. Both clocks are the
 * same machine's wall clock at millisecond resolution.
 */
export function attributeRequests(items: readonly WrittenItem[], requests: readonly LoggedRequest[]): Attribution {
  const ordered = [...items].sort((a, b) => a.writtenAt - b.writtenAt);
  const pending = [...requests].sort((a, b) => a.arrivedAt - b.arrivedAt);
  const writeTimes = new Set(ordered.map((item) => item.writtenAt));
  const byType: Record<EntityType, TypeCost> = { artist: emptyCost(), album: emptyCost(), track: emptyCost() };

  let next = 0;
  for (const item of ordered) {
    const cost = byType[item.entityType];
    let spent = 0;
    while (next < pending.length && (pending[next] as LoggedRequest).arrivedAt <= item.writtenAt) {
      const request = pending[next++] as LoggedRequest;
      cost.byEndpoint[request.endpoint] = (cost.byEndpoint[request.endpoint] ?? 0) + 1;
      spent++;
    }
    cost.items++;
    cost.requests += spent;
    const bucket = spent >= 3 ? '3+' : String(spent);
    cost.histogram[bucket] = (cost.histogram[bucket] ?? 0) + 1;
  }

  return {
    byType,
    unattributed: pending.length - next,
    ties: pending.filter((request) => writeTimes.has(request.arrivedAt)).length,
  };
}
