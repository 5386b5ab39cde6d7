import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of this checkout, for the bundled demo data and the fake server. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
