// What run.mjs and latency.mjs share: the throttled phone profiles, how Chromium is started,
// and how the search page is opened before a query is typed.

// Phone profiles, as Chromium DevTools defines them (latency already multiplied as DevTools
// does; throughput in bytes per second); `throttle` adds a 4× CPU slowdown.
export const PROFILES = {
  'Fast 4G': { latency: 165, downloadThroughput: (9 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (1.5 * 1024 * 1024 * 0.9) / 8 },
  'Slow 4G': { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 },
};

export function launch(chromium) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Slows `page` of `ctx` to the phone profile named `profile`, with a 4× slower CPU.
export async function throttle(ctx, page, profile) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

// Opens the search page as a reader does before typing: the page loaded, the box focused
// (search.js fetches meta.json then) and the meta file in.
export async function openSearch(page, origin, prefix) {
  await page.goto(`${origin}${prefix}search/`);
  await page.locator('#search-input').focus();
  await page.waitForLoadState('networkidle');
  // …and the meta file is in (networkidle may come before its response under throttling).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/search/meta.json') && e.responseEnd > 0));
}
