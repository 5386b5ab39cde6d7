import type { Migration } from '../migration.ts';
import { migration001 } from './001-core-tables.ts';
import { migration002 } from './002-amazon-columns.ts';
import { migration003 } from './003-amazon-counts.ts';
import { migration004 } from './004-source-state.ts';
import { migration005 } from './005-track-artist-credit.ts';
import { migration006 } from './006-library-order-indexes.ts';

/** Every migration in order. Append new steps; never edit or reorder old ones. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
