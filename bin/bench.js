#!/usr/bin/env node
// `npm run bench`: measures the engine, batch runs, replays, scale and the page, and
// writes BENCHMARKS.md. Like bin/cashout.js it compiles the TypeScript on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
