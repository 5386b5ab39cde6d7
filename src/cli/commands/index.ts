import type { Command } from '../command.ts';
import { scanCommand } from './scan.ts';

/** Every `liner` command, in the order `liner help` lists them. */
export const COMMANDS: Command[] = [scanCommand];
