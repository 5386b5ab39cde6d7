import { describe, expect, it } from 'vitest';

import type { ItemPage, ItemRow } from '../../src/shared/ipc-contract.ts';
import { ItemPageCache } from '../../src/renderer/library/item-page-cache.ts';

function row(id: number): ItemRow {
  return { entityType: 'album', id, name: `Album ${id}`, artistName: null, albumTitle: null, year: null, trackNumber: null, status: null, amazonId: null, manual: false };
}

/** A `listItems` stand-in over `total` rows that records each requested offset. */
function pagedSource(total: number) {
  const offsets: number[] = [];
  let failNext = false;
  return {
    offsets,
    total,
    failOnce() {
      failNext = true;
    },
    async fetchPage(offset: number, limit: number): Promise<ItemPage> {
      offsets.push(offset);
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
      const rows = [];
      for (let id = offset; id < Math.min(this.total, offset + limit); id++) rows.push(row(id));
      return { total: this.total, offset, rows };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ItemPageCache', () => {
  it('fetches the pages covering a range', async () => {
    const source = pagedSource(1000);
    const cache = new ItemPageCache({ pageSize: 100, fetchPage: (offset, limit) => source.fetchPage(offset, limit) });

    cache.loadRange(150, 320);
    await settle();

    expect(source.offsets).toEqual([100, 200, 300]);
    expect(cache.rowAt(150)?.id).toBe(150);
    expect(cache.rowAt(99)).toBeUndefined();
    expect(cache.total).toBe(1000);
  });

  it('keeps fetched pages cached', async () => {
    const source = pagedSource(1000);
    const cache = new ItemPageCache({ pageSize: 100, fetchPage: (offset, limit) => source.fetchPage(offset, limit) });

    cache.loadRange(0, 50);
    await settle();
    cache.loadRange(10, 60);
    await settle();

    expect(source.offsets).toEqual([0]);
  });

  it('stops at the last row', async () => {
    const source = pagedSource(250);
    const cache = new ItemPageCache({ pageSize: 100, fetchPage: (offset, limit) => source.fetchPage(offset, limit) });

    cache.loadRange(0, 0);
    await settle();
    cache.loadRange(0, 999);
    await settle();

    expect(source.offsets).toEqual([0, 100, 200]);
  });

  it('refresh refetches the last range and keeps stale rows', async () => {
    const source = pagedSource(1000);
    const cache = new ItemPageCache({ pageSize: 100, fetchPage: (offset, limit) => source.fetchPage(offset, limit) });
    cache.loadRange(0, 150);
    await settle();

    cache.refresh();
    expect(cache.rowAt(120)?.id).toBe(120);
    await settle();

    expect(source.offsets).toEqual([0, 100, 0, 100]);
  });

  it('refresh drops pages past a shrunken total', async () => {
    const source = pagedSource(300);
    const cache = new ItemPageCache({ pageSize: 100, fetchPage: (offset, limit) => source.fetchPage(offset, limit) });
    cache.loadRange(0, 299);
    await settle();

    source.total = 120;
    cache.loadRange(0, 10);
    cache.refresh();
    await settle();

    expect(cache.total).toBe(120);
    expect(cache.rowAt(250)).toBeUndefined();
  });

  it('reports a failed page once until refresh', async () => {
    const source = pagedSource(1000);
    const cache = new ItemPageCache({ pageSize: 100, fetchPage: (offset, limit) => source.fetchPage(offset, limit) });
    source.failOnce();

    cache.loadRange(0, 10);
    await settle();
    cache.loadRange(0, 10);
    await settle();

    expect(cache.error).toBe('connection lost');
    expect(source.offsets).toEqual([0]);

    cache.refresh();
    await settle();
    expect(cache.error).toBeNull();
    expect(cache.rowAt(0)?.id).toBe(0);
  });

  it('notifies subscribers when a page arrives', async () => {
    const source = pagedSource(10);
    const cache = new ItemPageCache({ pageSize: 100, fetchPage: (offset, limit) => source.fetchPage(offset, limit) });
    let calls = 0;
    cache.subscribe(() => calls++);

    cache.loadRange(0, 5);
    await settle();

    expect(calls).toBe(1);
    expect(cache.getVersion()).toBe(1);
  });
});
