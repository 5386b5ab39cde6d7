import { describe, expect, it } from 'vitest';

import { nextReconnectDelay } from '../../src/renderer/bridge/ws-bridge.ts';

describe('nextReconnectDelay', () => {
  it('doubles from one second up to 30 s', () => {
    const delays = [1_000];
    for (let attempt = 0; attempt < 6; attempt++) delays.push(nextReconnectDelay(delays.at(-1) ?? 0));

    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
