// Headless Chromium as this project drives it (benchmarks and browser tests): Debian's
// build, since npm tools cannot download browsers here, with the flags that keep it off
// the network and working as root without a GPU.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
