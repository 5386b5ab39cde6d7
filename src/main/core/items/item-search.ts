import { FOLD_FUNCTION, foldSearchText } from './search-fold.ts';

/** A table whose name also matches a search, reached through a foreign key of the searched row. */
export interface RelatedName {
  /** The searched row's column that contains the related row's id: `artist_id` or `album_id`. */
  foreignKey: string;
  table: string;
  /** The related table's name column: `name` or `title`. */
  nameColumn: string;
}

/** The name columns a library search matches for one entity type. */
export interface SearchColumns {
  /** The searched row's own name column: `name` or `title`. */
  nameColumn: string;
  related: readonly RelatedName[];
}

/** A SQL condition and its parameters. */
export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

/** Escapes `%`, `_` and the escape character itself for a `LIKE … ESCAPE '\'` pattern. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Returns the SQL of a text column's folded value, for a `LIKE` against a
 * folded pattern. Text of printable ASCII only skips the JavaScript call, because folding
 * would only lower-case it and SQLite's `LIKE` already ignores ASCII case.
 * That keeps a search over mostly-ASCII libraries in C.
 */
function foldedColumn(column: string): string {
  return `CASE WHEN ${column} GLOB '*[^ -~]*' THEN ${FOLD_FUNCTION}(${column}) ELSE ${column} END`;
}

function matches(column: string): string {
  return `${foldedColumn(column)} LIKE ? ESCAPE '\\'`;
}

/**
 * Builds the search condition of a library page, or null when the text is
 * blank after folding. Related names are matched by an uncorrelated
 * `IN (SELECT …)`, which SQLite evaluates once per query, so each artist and
 * album name is folded once rather than once per track. `prefix` qualifies
 * the searched row's columns (`e.` or empty).
 */
export function searchCondition(libraryId: number, search: string, columns: SearchColumns, prefix: string): SqlCondition | null {
  const text = foldSearchText(search.trim());
  if (text === '') return null;

  const pattern = likePattern(text);
  const alternatives = [matches(`${prefix}${columns.nameColumn}`)];
  const params: (string | number)[] = [pattern];

  for (const related of columns.related) {
    alternatives.push(
      `${prefix}${related.foreignKey} IN (SELECT id FROM ${related.table} WHERE library_id = ? AND ${matches(related.nameColumn)})`,
    );
    params.push(libraryId, pattern);
  }
  return { sql: `(${alternatives.join(' OR ')})`, params };
}
