/**
 * Location of the shared test corpus. It lives next to the repository (at
 * `../shared/corpus` from the repository root), both in development and in CI.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const SHARED_CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
export const CORPUS_CATALOG_PATH = path.join(SHARED_CORPUS_DIR, 'catalog.json');
