import { openDatabase } from '../../src/main/core/db/connection.ts';
import { listItems } from '../../src/main/core/items/item-list.ts';
import { cachedLibraryDb, copyLibraryDb } from '../generate/cache.ts';
import { sizeLabel, type BenchContext } from '../support/benchmark.ts';
import { makeWorkDir, removeWorkDir } from '../support/paths.ts';
import { figure, type Figure } from '../support/results.ts';
import { elapsedMs, summarize } from '../support/stats.ts';

/** Rows per page, as the renderer requests them. */
const PAGE_ROWS = 200;
const CALLS = 5;

/**
 * Times `listItems` in Node for the first and the last page of all tracks:
 * the query `liner serve` runs for every page the library view scrolls to.
 */
export function measurePageQueries(context: BenchContext, tracks: number): Figure[] {
  const source = cachedLibraryDb({ seed: context.seed, tracks, state: 'half' }, context.log);
  const dir = makeWorkDir('page-query');
  const db = openDatabase(copyLibraryDb(source, dir));
  try {
    const pages = [
      { name: 'first', offset: 0 },
      { name: 'last', offset: tracks - PAGE_ROWS },
    ];
    return pages.map(({ name, offset }) => {
      const query = { libraryId: 1, entityType: 'track' as const, filter: 'all' as const, search: '', offset, limit: PAGE_ROWS };
      listItems(db, query);
      const samples: number[] = [];
      for (let call = 0; call < CALLS; call++) {
        const start = process.hrtime.bigint();
        listItems(db, query);
        samples.push(elapsedMs(start));
      }
      const summary = summarize(samples);
      return figure({
        id: `ui.page-query.${sizeLabel(tracks)}.${name}`,
        label: `Library page query (listItems, ${PAGE_ROWS} tracks), ${sizeLabel(tracks)} tracks, ${name} page`,
        value: summary.median,
        unit: 'ms',
        note: `median of ${CALLS} calls in Node at offset ${offset}, count included`,
      });
    });
  } finally {
    db.close();
    removeWorkDir(dir);
  }
}
