/**
 * The corpus with every right album taken out of the catalog: only decoys
 * (karaoke, tributes, namesakes, sequels, compilations) are left, so the
 * matcher must decline every album and track instead of settling for the
 * nearest decoy. Artists may still match, but only to their expected id
 * (another album of the same act, or a namesake with the same slug).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T2TunesClient } from '../src/worker/sources/amazon/index.ts';
import { matchEntity, type MatchDecision } from '../src/worker/matching/index.ts';
import { SHARED_CORPUS_DIR } from './support/fake-t2tunes/corpus.ts';
import { startFakeT2Tunes } from './support/fake-t2tunes/server.ts';
import { readLibraryQueries } from './matching-library-queries.ts';

interface ExpectedEntry {
  artist: string | null;
  album: string | null;
  albumAlternatives?: string[];
}

interface CatalogFixture {
  albums: { asin: string }[];
}

const decisions = new Map<string, { artist: MatchDecision | null; album: MatchDecision | null; track: MatchDecision | null }>();
const expected: Record<string, ExpectedEntry> = JSON.parse(readFileSync(path.join(SHARED_CORPUS_DIR, 'expected.json'), 'utf8')).files;
const EXPECTED_FILES = Object.keys(expected).sort();
let tempDir = '';

async function reducedCatalogPath(): Promise<string> {
  const catalog: CatalogFixture = JSON.parse(await readFile(path.join(SHARED_CORPUS_DIR, 'catalog.json'), 'utf8'));
  const rightAlbums = new Set<string>();
  for (const entry of Object.values(expected)) {
    if (entry.album !== null) rightAlbums.add(entry.album);
    for (const alternative of entry.albumAlternatives ?? []) rightAlbums.add(alternative);
  }

  tempDir = await mkdtemp(path.join(os.tmpdir(), 'liner-matching-'));
  const file = path.join(tempDir, 'catalog-without-right-albums.json');
  await writeFile(file, JSON.stringify({ ...catalog, albums: catalog.albums.filter((album) => !rightAlbums.has(album.asin)) }));
  return file;
}

beforeAll(async () => {
  const fake = await startFakeT2Tunes({ catalogPath: await reducedCatalogPath() });

  try {
    const client = new T2TunesClient({ baseUrl: fake.url });
    for (const file of await readLibraryQueries(path.join(SHARED_CORPUS_DIR, 'library'))) {
      if (expected[file.file] === undefined) continue;
      decisions.set(file.file, {
        artist: file.artist === null ? null : await matchEntity(file.artist, client),
        album: file.album === null ? null : await matchEntity(file.album, client),
        track: file.track === null ? null : await matchEntity(file.track, client),
      });
    }
  } finally {
    await fake.close();
  }
});

afterAll(async () => {
  if (tempDir !== '') await rm(tempDir, { recursive: true, force: true });
});

function matchedId(decision: MatchDecision | null | undefined): string | null {
  return decision?.status === 'matched' ? decision.id : null;
}

describe('corpus without the right albums', () => {
  it('covers the expected files', () => {
    expect(decisions.size).toBe(EXPECTED_FILES.length);
  });

  it.each(EXPECTED_FILES)('declines album and track of %s', (file) => {
    const entry = decisions.get(file);
    expect(matchedId(entry?.album), `album of ${file}`).toBeNull();
    expect(matchedId(entry?.track), `track of ${file}`).toBeNull();
  });

  it.each(EXPECTED_FILES)('keeps the artist of %s right or absent', (file) => {
    const artist = matchedId(decisions.get(file)?.artist);
    expect([null, expected[file]?.artist], `artist of ${file}`).toContain(artist);
  });
});
