import type { Command } from '../command.ts';
import { checkCommand } from './check.ts';
import { configCommand } from './config.ts';
import { demoCommand } from './demo.ts';
import { enrichCommand } from './enrich.ts';
import { libraryCommand } from './library.ts';
import { scanCommand } from './scan.ts';
import { serveCommand } from './serve.ts';
import { disableCommand, enableCommand, pauseCommand, resumeCommand } from './source-switches.ts';
import { statusCommand } from './status.ts';

/** Every `liner` command, in the order `liner help` lists them. */
export const COMMANDS: Command[] = [
  demoCommand,
  scanCommand,
  libraryCommand,
  enrichCommand,
  statusCommand,
  checkCommand,
  enableCommand,
  disableCommand,
  pauseCommand,
  resumeCommand,
  configCommand,
  serveCommand,
];
