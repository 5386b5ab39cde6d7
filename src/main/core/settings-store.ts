import type Database from 'better-sqlite3';

import {
  SETTINGS,
  validateSetting,
  type AmazonSourceSettings,
  type SettingKey,
  type SettingValues,
} from '../../shared/settings.ts';

/**
 * Typed access to the `settings` table. Values are JSON; a row that fails
 * validation (written by hand or by another version) reads as the default.
 */
export class SettingsStore {
  private readonly selectStatement: Database.Statement<[string], { value: string }>;
  private readonly upsertStatement: Database.Statement<[string, string]>;
  private readonly deleteStatement: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.selectStatement = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.upsertStatement = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.deleteStatement = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  get<K extends SettingKey>(key: K): SettingValues[K] {
    const row = this.selectStatement.get(key);
    if (!row) return SETTINGS[key].default;

    try {
      return SETTINGS[key].validate(JSON.parse(row.value));
    } catch {
      return SETTINGS[key].default;
    }
  }

  /** Validates and stores a value; throws with the key, value and valid range when invalid. */
  set<K extends SettingKey>(key: K, value: unknown): SettingValues[K] {
    const valid = validateSetting(key, value);
    this.upsertStatement.run(key, JSON.stringify(valid));
    return valid;
  }

  /** Removes a stored value so the default applies again. */
  reset(key: SettingKey): void {
    this.deleteStatement.run(key);
  }

  amazon(): AmazonSourceSettings {
    return {
      enabled: this.get('amazon.enabled'),
      paused: this.get('amazon.paused'),
      baseUrl: this.get('amazon.baseUrl'),
      country: this.get('amazon.country'),
      requestsPerSecond: this.get('amazon.requestsPerSecond'),
      pinnedEntityType: this.get('amazon.pinnedEntityType'),
      outage: {
        initialDelayMs: this.get('amazon.outage.initialDelayMs'),
        maxDelayMs: this.get('amazon.outage.maxDelayMs'),
        longOutageMs: this.get('amazon.outage.longOutageMs'),
      },
      retry: {
        maxAttempts: this.get('amazon.retry.maxAttempts'),
        baseDelayMs: this.get('amazon.retry.baseDelayMs'),
      },
    };
  }
}
