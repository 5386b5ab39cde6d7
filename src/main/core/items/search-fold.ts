import type Database from 'better-sqlite3';

/** The SQL name of the fold function that library searches compare through. */
export const FOLD_FUNCTION = 'liner_fold';

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Folds text for a library search, so "Ü" finds "ü" and "cafe" finds "Çafé".
 * Upper- then lower-casing folds letters such as "ß" (to "ss") and final "ς"
 * the same way as their other forms. NFKD then splits accented letters and
 * compatibility forms ("ﬁ", full-width letters) into base letters and marks,
 * and the marks are dropped.
 */
export function foldSearchText(text: string): string {
  return text.toUpperCase().toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Connections that already have the fold function. */
const registered = new WeakSet<Database.Database>();

/**
 * Registers `liner_fold(text)` on a connection, once. It returns NULL for
 * NULL and folds any other value as text. SQL functions live on one
 * connection, so every query that calls it must run this first.
 */
export function registerFoldFunction(db: Database.Database): void {
  if (registered.has(db)) return;

  db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) => (value === null ? null : foldSearchText(String(value))));
  registered.add(db);
}
