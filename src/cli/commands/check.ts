import { checkConnection } from '../../main/core/app/connection-check.ts';
import { SourceStateStore, type PersistedSourceState } from '../../main/core/enrichment/source-state-store.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.ts';
import { openHost } from '../host.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check that the T2Tunes instance answers; clear a stored outage wait when it does',
  usage: `Usage: liner check [--db FILE]

Asks the configured T2Tunes instance (amazon.baseUrl) for /api/status at
once. When Amazon Music is up, the stored outage back-off and rate limit are
cleared, so the next \`liner enrich\` starts without waiting. A running
\`liner enrich\` keeps its own wait until its next probe.

Exits 0 when the source is up, 1 when it is down.

Options:
  --db FILE  database file (default: LINER_DB, else liner.db in the app data folder)`,

  async run(args, context) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' } });
    // The result goes to stdout or stderr below, so only errors are echoed from the log.
    const host = openHost({ db: values.db, env: context.env, stderrLevel: 'error' });
    const logger = host.logger.child({ scope: 'check' });
    try {
      const baseUrl = host.settings.get('amazon.baseUrl');
      const result = await checkConnection(baseUrl);

      if (!result.ok) {
        logger.warn({ source: 'amazon', baseUrl, error: result.message }, 'source check failed');
        context.stderr.write(`liner check: T2Tunes at ${baseUrl} is down: ${result.message}\n`);
        return EXIT_FAILURE;
      }

      const cleared = new SourceStateStore(host.db).clear('amazon', Date.now());
      logger.info({ source: 'amazon', baseUrl, cleared }, 'source check passed');
      context.stdout.write(`T2Tunes at ${baseUrl} is up. ${result.message}\n${clearedLine(cleared)}`);
      return EXIT_OK;
    } finally {
      host.close();
    }
  },
};

function clearedLine(cleared: PersistedSourceState): string {
  if (cleared.breaker) {
    return `Cleared the stored outage (since ${new Date(cleared.breaker.sinceMs).toISOString()}); the next enrichment run starts at once.\n`;
  }
  if (cleared.rateLimitedUntilMs !== null) return 'Cleared the stored rate limit; the next enrichment run starts at once.\n';
  return '';
}
