#!/usr/bin/env node
// Entry point for `npx cashout …`. The CLI is TypeScript; tsx compiles it on the fly so
// instructors need no build step after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
