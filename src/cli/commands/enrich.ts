import { isSourceId, SOURCE_IDS } from '../../shared/entities.ts';
import type { SourceStatus } from '../../shared/enrichment-state.ts';
import { validateSetting, type SettingKey } from '../../shared/settings.ts';
import { parseCommandArgs, parsePositiveNumber } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { openController } from '../controller-host.ts';
import type { EnrichmentController } from '../../main/core/enrichment/controller.ts';

const OPTIONS = {
  db: { type: 'string' },
  source: { type: 'string' },
  'base-url': { type: 'string' },
  country: { type: 'string' },
  rate: { type: 'string' },
  'until-idle': { type: 'boolean' },
  'max-items': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const enrichCommand: Command = {
  name: 'enrich',
  summary: 'Match library artists, albums and tracks against a catalog source',
  usage: `Usage: liner enrich [--db FILE] [--source amazon] [--base-url URL] [--country CC]
                    [--rate N] [--until-idle] [--max-items N] [--json]

Runs the enrichment worker until you stop it (Ctrl+C), until the queue is
empty (--until-idle), or for N items (--max-items). The source must be
enabled first: liner enable amazon.

Options:
  --db FILE         database file (default: LINER_DB, else liner.db in the app data folder)
  --source NAME     source to run (${SOURCE_IDS.join(', ')}; default amazon)
  --base-url URL    T2Tunes instance, http or https (saved as amazon.baseUrl)
  --country CC      two-letter catalog country (saved as amazon.country)
  --rate N          requests per second (saved as amazon.requestsPerSecond)
  --until-idle      stop when nothing is left to enrich
  --max-items N     stop after N items
  --json            print one JSON summary at the end`,

  async run(args, context) {
    const { values } = parseCommandArgs(args, OPTIONS);
    const source = values.source ?? 'amazon';
    if (!isSourceId(source)) throw new UsageError(`unknown source "${source}"; valid sources: ${SOURCE_IDS.join(', ')}`);
    const maxItems = parsePositiveNumber('max-items', values['max-items']);
    const rate = parsePositiveNumber('rate', values.rate);

    const { host, controller } = openController({ db: values.db, env: context.env, stderrLevel: values.json ? 'error' : 'warn' });
    try {
      saveOverrides(host.settings, { 'amazon.baseUrl': values['base-url'], 'amazon.country': values.country, 'amazon.requestsPerSecond': rate });

      if (!host.settings.get('amazon.enabled')) {
        context.stderr.write('liner enrich: Amazon enrichment is disabled. Turn it on with `liner enable amazon`, then run this again.\n');
        return EXIT_FAILURE;
      }
      if (host.settings.get('amazon.paused')) {
        context.stderr.write('liner enrich: Amazon enrichment is paused. Run `liner resume` first.\n');
        return EXIT_FAILURE;
      }

      const started = Date.now();
      await runUntilDone(controller, context, { untilIdle: values['until-idle'] ?? false, maxItems });
      printSummary(controller, context, values.json ?? false, Date.now() - started);

      const problem = controller.status().sources.amazon.problem;
      if (problem) {
        context.stderr.write(`liner enrich: ${problem}\n`);
        return EXIT_FAILURE;
      }
      return EXIT_OK;
    } finally {
      host.close();
    }
  },
};

function saveOverrides(settings: { set(key: SettingKey, value: unknown): unknown }, overrides: Partial<Record<SettingKey, unknown>>): void {
  const overridden = Object.entries(overrides).filter(([, value]) => value !== undefined) as [SettingKey, unknown][];

  // Every value is checked before any is saved. Only a bad value is a usage
  // error, because a database error while saving is a plain failure.
  for (const [key, value] of overridden) {
    try {
      validateSetting(key, value);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  for (const [key, value] of overridden) settings.set(key, value);
}

/** Runs the controller until a stop condition holds, drawing a progress line on a terminal. */
async function runUntilDone(
  controller: EnrichmentController,
  context: CommandContext,
  limits: { untilIdle: boolean; maxItems: number | undefined },
): Promise<void> {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const unsubscribe = controller.onStatus((status) => {
    const amazon = status.sources.amazon;
    if (context.interactive) context.stderr.write(`\r${progressLine(amazon, controller.sessionStats().processed)}\x1b[K`);
    if (limits.untilIdle && amazon.state === 'idle') finish();
    if (amazon.state === 'crashed' || amazon.state === 'disabled') finish();
  });
  const stopAfterItems = controller.onResult(() => {
    if (limits.maxItems !== undefined && controller.sessionStats().processed >= limits.maxItems) finish();
  });
  context.signal.addEventListener('abort', () => finish(), { once: true });

  await controller.start();
  const holder = controller.lockHolder();
  if (holder !== null) throw new Error(`another Liner process (pid ${holder}) is already enriching this database; stop it or wait for it to finish`);
  await done;
  unsubscribe();
  stopAfterItems();
  await controller.stop();
  if (context.interactive) context.stderr.write('\n');
}

function progressLine(status: SourceStatus, processed: number): string {
  const total = status.counts;
  const where = status.state === 'outage' && status.outage ? `source unavailable, next attempt ${status.outage.nextAttemptAt}` : status.state;
  return `${processed} processed · ${total.matched} matched · ${total.notFound} not found · ${total.error} failed · ${total.pending} pending · ${where}`;
}

function printSummary(controller: EnrichmentController, context: CommandContext, json: boolean, durationMs: number): void {
  const stats = controller.sessionStats();
  const summary = {
    processed: stats.processed,
    matched: stats.matched,
    notFound: stats.notFound,
    errors: stats.errors,
    requests: stats.requests,
    durationMs,
  };

  if (json) {
    context.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  context.stdout.write(
    `Processed ${summary.processed} items in ${(durationMs / 1000).toFixed(1)} s: ${summary.matched} matched, ` +
      `${summary.notFound} not found, ${summary.errors} failed; ${summary.requests.total} requests.\n`,
  );
}
