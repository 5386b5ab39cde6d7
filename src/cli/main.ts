import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type Command, type CommandContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return ['Usage: liner <command> [options]', '', 'Commands:', ...lines, '', 'Run `liner help <command>` for its options.', ''].join('\n');
}

function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

function defaultContext(): CommandContext {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    interactive: Boolean(process.stderr.isTTY),
    signal: controller.signal,
  };
}

/** Runs `liner` with the given arguments and resolves to the exit code. */
export async function main(argv: string[], context: CommandContext = defaultContext()): Promise<number> {
  const [name, ...rest] = argv;

  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = findCommand(rest[0]);
    if (rest[0] !== undefined && !topic) {
      context.stderr.write(`liner help: unknown command "${rest[0]}".\n\n${helpText()}`);
      return EXIT_USAGE;
    }
    context.stdout.write(topic ? `${topic.usage}\n` : helpText());
    return EXIT_OK;
  }

  const command = findCommand(name);
  if (!command) {
    context.stderr.write(`liner: unknown command "${name}".\n\n${helpText()}`);
    return EXIT_USAGE;
  }

  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }

  try {
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr.write(`liner ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    context.stderr.write(`liner ${command.name}: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
