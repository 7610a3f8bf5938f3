// Entry of the batch worker threads (`cashout batch`, `cashout balance`): the compiled
// bundle when it is up to date, else the TypeScript sources (bin/load-cli.cjs decides).
require('./load-cli.cjs').loadCli('batch-worker');
