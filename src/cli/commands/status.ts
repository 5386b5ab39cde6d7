import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { formatSourceStatus } from '../format-status.ts';
import { openController } from '../controller-host.ts';
import { runLockHolder } from '../../main/core/enrichment/run-lock.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show enrichment progress and the state of each source',
  usage: `Usage: liner status [--db FILE] [--json]

Prints each source's state (disabled, running, paused, idle, outage,
rate_limited), match counts, and per-entity progress.

Options:
  --db FILE  database file (default: LINER_DB, else liner.db in the app data folder)
  --json     print one JSON object instead of text`,

  async run(args, context) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const { host, controller } = openController({ db: values.db, env: context.env });
    try {
      const status = controller.status();
      const runner = runLockHolder(host.dbPath);
      context.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatSourceStatus(status.sources.amazon, runner));
      return EXIT_OK;
    } finally {
      host.close();
    }
  },
};
