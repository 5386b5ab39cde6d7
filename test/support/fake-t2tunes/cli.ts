/**
 * Command-line entry of the fake T2Tunes server:
 *
 *   npm run fake-t2tunes -- --catalog FILE [--port N] [--shape legacy|graphql]
 *
 * Prints the URL it listens on as a line of its own on stdout (npm prints its
 * banner before it unless run with --silent), then serves until SIGINT or SIGTERM. Faults are set over `/__control/*` (see control.ts).
 */
import { parseArgs } from 'node:util';
import { startFakeT2Tunes } from './server.ts';

const USAGE = 'Usage: npm run fake-t2tunes -- --catalog FILE [--port N] [--shape legacy|graphql]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readOptions(): { catalogPath: string; port: number; shape: 'legacy' | 'graphql' } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        catalog: { type: 'string' },
        port: { type: 'string', default: '0' },
        shape: { type: 'string', default: 'graphql' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  if (values.catalog === undefined) fail('Missing --catalog: pass the path of a catalog JSON file.');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid --port "${values.port}": expected 0-65535 (0 picks a free port).`);
  if (values.shape !== 'legacy' && values.shape !== 'graphql') fail(`Invalid --shape "${values.shape}": expected legacy or graphql.`);
  return { catalogPath: values.catalog, port, shape: values.shape };
}

async function main(): Promise<void> {
  const options = readOptions();
  const fake = await startFakeT2Tunes(options);

  // Handlers go in before the URL is printed, so a caller that signals as
  // soon as it reads the URL still gets a clean exit.
  const stop = (signal: string): void => {
    process.stderr.write(`fake T2Tunes stopping on ${signal}\n`);
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  process.stdout.write(`${fake.url}\n`);
  process.stderr.write(`fake T2Tunes serving ${options.catalogPath} (${options.shape} search shape); stop with Ctrl+C\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake T2Tunes failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
