import type { EditionFlag } from './edition-qualifiers.ts';

/**
 * How far a catalog edition is from the library's, for ranking candidates
 * that are otherwise equal; 0 is the same edition. The weights only order
 * candidates: an explicit/clean mismatch weighs most, because it is the
 * difference a listener hears; deluxe against standard next, a remaster or a
 * single/EP marker least. A library title with no marker mildly prefers a
 * catalog title with none.
 */
export function editionDistance(library: ReadonlySet<EditionFlag>, catalog: ReadonlySet<EditionFlag>): number {
  return (
    contentAdvisoryDistance(library, catalog) +
    flagDistance(library, catalog, 'deluxe', 1) +
    flagDistance(library, catalog, 'remaster', 0.5) +
    flagDistance(library, catalog, 'release_format', 0.5)
  );
}

/**
 * True when both titles name a soundtrack and one is a film's while the other
 * is a TV series'. Those are different albums, not editions of one.
 */
export function editionsConflict(library: ReadonlySet<EditionFlag>, catalog: ReadonlySet<EditionFlag>): boolean {
  const film = library.has('film_soundtrack') && catalog.has('tv_soundtrack');
  const television = library.has('tv_soundtrack') && catalog.has('film_soundtrack');
  return film || television;
}

function contentAdvisoryDistance(library: ReadonlySet<EditionFlag>, catalog: ReadonlySet<EditionFlag>): number {
  const libraryMark = library.has('explicit') ? 'explicit' : library.has('clean') ? 'clean' : null;
  const catalogMark = catalog.has('explicit') ? 'explicit' : catalog.has('clean') ? 'clean' : null;

  if (libraryMark === catalogMark) return 0;
  if (libraryMark !== null && catalogMark !== null) return 2;
  return libraryMark !== null ? 0.5 : 0.25;
}

function flagDistance(library: ReadonlySet<EditionFlag>, catalog: ReadonlySet<EditionFlag>, flag: EditionFlag, weight: number): number {
  return library.has(flag) === catalog.has(flag) ? 0 : weight;
}
