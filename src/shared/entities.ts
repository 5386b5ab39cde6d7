/** The library entities that a catalog source enriches, in queue order. */
export const ENTITY_TYPES = ['artist', 'album', 'track'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Catalog sources Liner knows. Each owns its own `<source>_*` columns. */
export const SOURCE_IDS = ['amazon'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/**
 * Per-source match status of one entity. NULL in the database (here `null`)
 * means the source never attempted the entity.
 */
export type MatchStatus = 'matched' | 'not_found' | 'error';

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isSourceId(value: unknown): value is SourceId {
  return typeof value === 'string' && (SOURCE_IDS as readonly string[]).includes(value);
}
