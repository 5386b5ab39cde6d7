import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runMigrations } from '../src/main/core/db/migrate.ts';
import { MIGRATIONS } from '../src/main/core/db/migrations/index.ts';
import { runLiner } from './support/liner-cli.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = makeTempDir();
  env = { LINER_DB: path.join(dir, 'liner.db'), LINER_LOG_FILE: path.join(dir, 'liner.log') };
});
afterEach(() => {
  removeTempDir(dir);
});

async function amazonStatus(): Promise<{ enabled: boolean; paused: boolean; state: string }> {
  const run = await runLiner(['status', '--json'], env);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).sources.amazon;
}

describe('amazon opt-in', () => {
  it('is off on a fresh database', async () => {
    const status = await amazonStatus();
    expect(status.enabled).toBe(false);
    expect(status.state).toBe('disabled');
  });

  it('is off after upgrading an old database', async () => {
    const old = new Database(env.LINER_DB as string);
    runMigrations(old, undefined, MIGRATIONS.slice(0, 1));
    old.exec("INSERT INTO libraries (name, root_path) VALUES ('Music', '/music')");
    old.close();

    const status = await amazonStatus();
    expect(status.enabled).toBe(false);
  });

  it('refuses enrich while disabled', async () => {
    const run = await runLiner(['enrich', '--until-idle'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('liner enable amazon');
  });

  it('survives a restart once enabled', async () => {
    expect((await runLiner(['enable', 'amazon'], env)).code).toBe(0);
    expect((await amazonStatus()).enabled).toBe(true);

    expect((await runLiner(['disable', 'amazon'], env)).code).toBe(0);
    expect((await amazonStatus()).enabled).toBe(false);
  });
});

describe('user pause', () => {
  it('persists across commands', async () => {
    await runLiner(['enable', 'amazon'], env);
    expect((await runLiner(['pause'], env)).code).toBe(0);

    const status = await amazonStatus();
    expect(status.paused).toBe(true);
    expect(status.state).toBe('paused');

    const enrich = await runLiner(['enrich', '--until-idle'], env);
    expect(enrich.code).toBe(1);
    expect(enrich.stderr).toContain('liner resume');

    await runLiner(['resume'], env);
    expect((await amazonStatus()).paused).toBe(false);
  });
});

describe('config command', () => {
  it('rejects an unknown key with the valid ones', async () => {
    const run = await runLiner(['config', 'set', 'amazon.colour', 'blue'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('amazon.baseUrl');
  });

  it('rejects a non-http base URL', async () => {
    const run = await runLiner(['config', 'set', 'amazon.baseUrl', 'ftp://example.org'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('only http and https');
  });

  it('stores a valid value', async () => {
    expect((await runLiner(['config', 'set', 'amazon.country', 'de'], env)).code).toBe(0);
    const run = await runLiner(['config', 'get', 'amazon.country'], env);
    expect(run.stdout.trim()).toBe('"DE"');
  });
});
