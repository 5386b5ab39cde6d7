import type Database from 'better-sqlite3';

const TABLES = ['artists', 'albums', 'tracks'] as const;

/** Reads every amazon_* column of every entity row, keyed `table:id`, for comparing before and after. */
export function snapshotAmazonColumns(db: Database.Database): Map<string, string> {
  const snapshot = new Map<string, string>();
  for (const table of TABLES) {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
      .map((column) => column.name)
      .filter((name) => name.startsWith('amazon_'));
    const rows = db.prepare(`SELECT id, ${columns.join(', ')} FROM ${table} ORDER BY id`).all() as { id: number }[];
    for (const row of rows) snapshot.set(`${table}:${row.id}`, JSON.stringify(row));
  }
  return snapshot;
}

/** Keys whose row differs between two snapshots. */
export function changedRows(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
}

/** Rows per status across the three tables; NULL counts as `pending`. */
export function statusCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = db
      .prepare(`SELECT COALESCE(amazon_match_status, 'pending') AS status, COUNT(*) AS count FROM ${table} GROUP BY 1`)
      .all() as { status: string; count: number }[];
    for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + row.count;
  }
  return counts;
}

/** `amazon_counts` and a real COUNT(*), per library, entity type and status, as sorted lines. */
export function countersAndTruth(db: Database.Database): { counters: string[]; truth: string[] } {
  const counters = (
    db.prepare('SELECT library_id, entity_type, status, count FROM amazon_counts WHERE count <> 0').all() as {
      library_id: number;
      entity_type: string;
      status: string;
      count: number;
    }[]
  ).map((row) => `${row.library_id}/${row.entity_type}/${row.status}=${row.count}`);

  const truth: string[] = [];
  for (const [table, entityType] of [['artists', 'artist'], ['albums', 'album'], ['tracks', 'track']] as const) {
    const rows = db
      .prepare(`SELECT library_id, COALESCE(amazon_match_status, 'pending') AS status, COUNT(*) AS count FROM ${table} GROUP BY 1, 2`)
      .all() as { library_id: number; status: string; count: number }[];
    for (const row of rows) truth.push(`${row.library_id}/${entityType}/${row.status}=${row.count}`);
  }
  return { counters: counters.sort(), truth: truth.sort() };
}
