// Bootstrap for batch worker threads: like bin/cashout.js, compiles the TypeScript on load.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/batch-worker.ts');
