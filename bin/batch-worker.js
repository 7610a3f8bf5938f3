// Bootstrap for batch worker threads when the CLI runs from its TypeScript sources
// (compiled runs start dist/cli/batch-worker.js directly).
import { loadCli } from './load-cli.js';

await loadCli('batch-worker');
