#!/usr/bin/env node
// Starts the `liner` command. The TypeScript sources run through tsx, so a
// fresh clone works after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
