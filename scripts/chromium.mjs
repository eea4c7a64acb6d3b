// How the end-to-end tests and the browser benchmarks start Debian's Chromium:
// headless, and quiet (no update checks, sync or other traffic of its own),
// so that every request a test sees comes from the page.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
