#!/usr/bin/env node
// `npm run classroom`: the classroom server (TypeScript, compiled on load like bin/cashout.cjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/main.ts');
process.exitCode = await main(process.argv.slice(2));
