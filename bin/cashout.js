#!/usr/bin/env node
// Entry point for `npx cashout …`: runs the compiled command line (dist/cli, built by
// `npm ci` through the prepare script), or the TypeScript sources when that build is
// missing or older than them.
import { loadCli } from './load-cli.js';

const { main } = await loadCli('main');
process.exitCode = await main(process.argv.slice(2));
