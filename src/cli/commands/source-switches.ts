import { isSourceId, SOURCE_IDS, type SourceId } from '../../shared/entities.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, UsageError, type Command } from '../command.ts';
import { openController } from '../controller-host.ts';
import type { EnrichmentController } from '../../main/core/enrichment/controller.ts';

function sourceArgument(positionals: string[], required: boolean): SourceId {
  const [source, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (source === undefined) {
    if (required) throw new UsageError(`name a source: ${SOURCE_IDS.join(', ')}`);
    return 'amazon';
  }
  if (!isSourceId(source)) throw new UsageError(`unknown source "${source}"; valid sources: ${SOURCE_IDS.join(', ')}`);
  return source;
}

function switchCommand(
  name: string,
  summary: string,
  sourceRequired: boolean,
  apply: (controller: EnrichmentController, source: SourceId) => string,
): Command {
  const sourceSyntax = sourceRequired ? '<source>' : '[source]';
  return {
    name,
    summary,
    usage: `Usage: liner ${name} ${sourceSyntax} [--db FILE]

${summary}. The choice is saved in the database and survives restarts.
Sources: ${SOURCE_IDS.join(', ')}${sourceRequired ? '' : ' (default amazon)'}.

Options:
  --db FILE  database file (default: LINER_DB, else liner.db in the app data folder)`,

    async run(args, context) {
      const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' } }, true);
      const source = sourceArgument(positionals, sourceRequired);
      const { host, controller } = openController({ db: values.db, env: context.env });
      try {
        context.stdout.write(`${apply(controller, source)}\n`);
        return EXIT_OK;
      } finally {
        host.close();
      }
    },
  };
}

export const enableCommand = switchCommand('enable', 'Turn on enrichment from a source', true, (controller, source) => {
  controller.setEnabled(source, true);
  return `Enabled ${source} enrichment. Run \`liner enrich\` to start it.`;
});

export const disableCommand = switchCommand('disable', 'Turn off enrichment from a source', true, (controller, source) => {
  controller.setEnabled(source, false);
  return `Disabled ${source} enrichment. Stored matches are kept.`;
});

export const pauseCommand = switchCommand('pause', 'Pause enrichment until you resume it', false, (controller, source) => {
  controller.pause(source);
  return `Paused ${source} enrichment. Run \`liner resume\` to continue.`;
});

export const resumeCommand = switchCommand('resume', 'Resume paused enrichment', false, (controller, source) => {
  controller.resume(source);
  return `Resumed ${source} enrichment.`;
});
