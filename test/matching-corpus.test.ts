/**
 * Corpus evaluation: the tags of every file of the shared corpus library go
 * through `matchEntity` against a fake T2Tunes on 127.0.0.1 serving the
 * corpus catalog, with the real T2Tunes client behind a lookup cache like the
 * worker's. It runs once per search response generation (GraphQL and the
 * legacy Typesense shape), because they carry different fields. Every stored id must be the expected id or one of its
 * alternatives. Recall and requests per item are printed and held to limits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogAlbum, CatalogSearchResult } from '../src/worker/sources/types.ts';
import { T2TunesClient } from '../src/worker/sources/amazon/index.ts';
import { matchEntity, type CatalogLookup, type MatchDecision, type MatchQuery } from '../src/worker/matching/index.ts';
import { SHARED_CORPUS_DIR } from './support/fake-t2tunes/corpus.ts';
import { startFakeT2Tunes } from './support/fake-t2tunes/server.ts';
import type { SearchShape } from './support/fake-t2tunes/wire-bodies.ts';
import { readLibraryQueries, type LibraryFileQueries } from './matching-library-queries.ts';

type EntityType = 'artist' | 'album' | 'track';
const ENTITY_TYPES: readonly EntityType[] = ['artist', 'album', 'track'];
const SEARCH_SHAPES: readonly SearchShape[] = ['graphql', 'legacy'];

interface ExpectedEntry {
  artist: string | null;
  album: string | null;
  track: string | null;
  albumAlternatives?: string[];
  trackAlternatives?: string[];
}

/**
 * Recall floors, as a share of the expected entries that name an id. The
 * matcher found every one of them when this was written (48 artists, 44
 * albums, 44 tracks). A floor of 0.95 allows two misses per entity type, so
 * one deliberate tightening passes while a change that loses recall broadly
 * fails.
 */
const RECALL_FLOOR: Record<EntityType, number> = { artist: 0.95, album: 0.95, track: 0.95 };

/** The budget for the whole run: HTTP requests per distinct artist, album and track item. */
const MAX_REQUESTS_PER_ITEM = 1.5;

const LIBRARY_DIR = path.join(SHARED_CORPUS_DIR, 'library');
const EXPECTED: Record<string, ExpectedEntry> = JSON.parse(
  readFileSync(path.join(SHARED_CORPUS_DIR, 'expected.json'), 'utf8'),
).files;
const EXPECTED_FILES = Object.keys(EXPECTED).sort();

/** Caches results like the worker's lookup cache, without eviction. */
class CachedLookup implements CatalogLookup {
  private readonly searches = new Map<string, Promise<CatalogSearchResult>>();
  private readonly albums = new Map<string, Promise<CatalogAlbum>>();

  constructor(private readonly client: T2TunesClient) {}

  searchTracks(query: string): Promise<CatalogSearchResult> {
    const cached = this.searches.get(query) ?? this.client.searchTracks(query);
    this.searches.set(query, cached);
    return cached;
  }

  getAlbum(id: string): Promise<CatalogAlbum> {
    const cached = this.albums.get(id) ?? this.client.getAlbum(id);
    this.albums.set(id, cached);
    return cached;
  }
}

type FileDecisions = Record<EntityType, MatchDecision | null>;

/** Decisions and request count of one pass over the corpus. */
class CorpusRun {
  readonly decisions = new Map<string, FileDecisions>();
  requests = 0;
  distinctItems = 0;

  /**
   * Runs the queries in the worker's queue order: all artists, then albums,
   * then tracks. Identical queries from several files are one library item,
   * so they are matched once and counted once. Album artists that are not a
   * file's track artist are items too (they cost requests) but are not scored.
   */
  async run(files: readonly LibraryFileQueries[], lookup: CatalogLookup): Promise<void> {
    for (const file of files) this.decisions.set(file.file, { artist: null, album: null, track: null });

    for (const entityType of ENTITY_TYPES) {
      const byQuery = new Map<string, MatchDecision>();
      for (const file of files) {
        const extra = entityType === 'artist' ? file.albumArtist : null;
        if (extra !== null) await decideOnce(extra, byQuery, lookup);

        const query: MatchQuery | null = file[entityType];
        const entry = this.decisions.get(file.file);
        if (query !== null && entry !== undefined) entry[entityType] = await decideOnce(query, byQuery, lookup);
      }
      this.distinctItems += byQuery.size;
    }
  }

  decisionOf(file: string, entityType: EntityType): MatchDecision | null {
    return this.decisions.get(file)?.[entityType] ?? null;
  }
}

async function decideOnce(query: MatchQuery, byQuery: Map<string, MatchDecision>, lookup: CatalogLookup): Promise<MatchDecision> {
  const key = JSON.stringify(query);
  const known = byQuery.get(key);
  if (known !== undefined) return known;

  const decision = await matchEntity(query, lookup);
  byQuery.set(key, decision);
  return decision;
}

async function runAgainstFake(shape: SearchShape, files: readonly LibraryFileQueries[]): Promise<CorpusRun> {
  const fake = await startFakeT2Tunes({ catalogPath: path.join(SHARED_CORPUS_DIR, 'catalog.json'), shape });
  const run = new CorpusRun();
  try {
    const client = new T2TunesClient({
      baseUrl: fake.url,
      onRequest: () => {
        run.requests += 1;
      },
    });
    await run.run(files, new CachedLookup(client));
  } finally {
    await fake.close();
  }
  return run;
}

function acceptedIds(entry: ExpectedEntry, entityType: EntityType): string[] {
  if (entityType === 'artist') return entry.artist === null ? [] : [entry.artist];
  const main = entityType === 'album' ? entry.album : entry.track;
  const alternatives = (entityType === 'album' ? entry.albumAlternatives : entry.trackAlternatives) ?? [];
  return main === null ? alternatives : [main, ...alternatives];
}

function expectedId(entry: ExpectedEntry, entityType: EntityType): string | null {
  if (entityType === 'artist') return entry.artist;
  if (entityType === 'album') return entry.album;
  return entry.track;
}

/** Returns the stored id when it is not an accepted one, else `null`. */
function wrongId(run: CorpusRun, file: string, entityType: EntityType): string | null {
  const decision = run.decisionOf(file, entityType);
  const entry = EXPECTED[file];
  if (decision?.status !== 'matched' || entry === undefined) return null;
  return acceptedIds(entry, entityType).includes(decision.id) ? null : decision.id;
}

function recallOf(run: CorpusRun, entityType: EntityType): { found: number; total: number; missed: string[] } {
  let found = 0;
  let total = 0;
  const missed: string[] = [];
  for (const file of EXPECTED_FILES) {
    const entry = EXPECTED[file];
    if (entry === undefined || expectedId(entry, entityType) === null) continue;
    total += 1;

    const decision = run.decisionOf(file, entityType);
    if (decision?.status === 'matched' && acceptedIds(entry, entityType).includes(decision.id)) found += 1;
    else missed.push(file);
  }
  return { found, total, missed };
}

const runs = new Map<SearchShape, CorpusRun>();

function runFor(shape: SearchShape): CorpusRun {
  const run = runs.get(shape);
  if (run === undefined) throw new Error(`no corpus run for the ${shape} search shape`);
  return run;
}

beforeAll(async () => {
  const files = await readLibraryQueries(LIBRARY_DIR);
  for (const shape of SEARCH_SHAPES) runs.set(shape, await runAgainstFake(shape, files));
});

describe.each(SEARCH_SHAPES)('corpus over %s search', (shape) => {
  describe.each(ENTITY_TYPES)('%s ids', (entityType) => {
    it.each(EXPECTED_FILES)(`${entityType} of %s is right or absent`, (file) => {
      expect(wrongId(runFor(shape), file, entityType), `wrong ${entityType} id stored for ${file}`).toBeNull();
    });
  });

  it.each(ENTITY_TYPES)('%s recall meets its floor', (entityType) => {
    const { found, total, missed } = recallOf(runFor(shape), entityType);
    console.log(`${shape} ${entityType} recall ${found}/${total}${missed.length > 0 ? `; missed: ${missed.join(', ')}` : ''}`);
    expect(found / total, `${entityType} recall; missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(RECALL_FLOOR[entityType]);
  });

  it('requests per item stay in budget', () => {
    const { requests, distinctItems } = runFor(shape);
    const perItem = requests / distinctItems;
    console.log(`${shape}: ${requests} requests for ${distinctItems} distinct items, ${perItem.toFixed(2)} per item`);
    expect(perItem).toBeLessThanOrEqual(MAX_REQUESTS_PER_ITEM);
  });
});
