// How long the first result takes to show on a throttled phone, query by query, several
// runs each, and where the time went (which index files were fetched, when they were asked
// for and when they arrived, relative to the keystroke):
//   node latency.mjs SITE_DIR PREFIX QUERIES.json[,MORE.json] [--runs N] [--profile "Fast 4G"]
//        [--js OTHER_SEARCH_JS] [--only CLASS,CLASS] [--words N] [--trace]
// The page is loaded and the search box focused (search.js fetches meta.json then) before
// the query is typed in one go, as search-bench's run.mjs --throttle does. With --js the
// same site is also run with another search.js served in place of its own (an A/B on the
// same index, in turn for each run). --words 2 keeps the queries of at least two words.
// mixed-queries.json beside this script has four queries of two or three words in both
// scripts (their relevant articles are not judged: for timing only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const { chromium } = await import(path.join(repo, 'tests/browser/node_modules/playwright-core/index.mjs'));
const { serve } = await import(path.join(repo, 'tests/browser/serve.mjs'));
const { launch, throttle, openSearch } = await import('./phone.mjs');

const [siteDir, prefix, queryFile, ...rest] = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : fallback;
};
const runs = Number(flag('--runs', 3));
const profileName = flag('--profile', 'Fast 4G');
const other = flag('--js', null);
const only = flag('--only', null)?.split(',');
const minWords = Number(flag('--words', 1));
const trace = rest.includes('--trace');

const queries = queryFile.split(',').flatMap((file) => JSON.parse(fs.readFileSync(file, 'utf8')))
  .filter((q) => !only || only.includes(q.class))
  .filter((q) => q.q.trim().split(/\s+/).length >= minWords);

const server = await serve(siteDir, prefix);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch(chromium);

async function firstResult(q, js) {
  const ctx = await browser.newContext();
  if (js) {
    const body = fs.readFileSync(js);
    await ctx.route('**/search.js', (route) => route.fulfill({ body, contentType: 'text/javascript; charset=utf-8' }));
  }
  const page = await ctx.newPage();
  await throttle(ctx, page, profileName);
  await openSearch(page, origin, prefix);
  const got = await page.evaluate((query) => new Promise((resolve) => {
    const list = document.getElementById('search-results');
    const input = document.getElementById('search-input');
    const status = document.getElementById('search-status');
    performance.clearResourceTimings();
    performance.clearMarks();
    const start = performance.now();
    const done = () => {
      if (!(list.querySelector('li') || /^\D*0\D*$/.test(status.textContent))) return;
      const ms = performance.now() - start;
      const files = performance.getEntriesByType('resource')
        .filter((e) => /\/search\/.*\.json$/.test(e.name))
        .map((e) => `${e.name.replace(/.*\/search\//, '')} ${Math.round(e.startTime - start)}→${Math.round(e.responseEnd - start)}`);
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('q-'))
        .map((m) => `${m.name.slice(2)} ${Math.round(m.startTime - start)}`);
      // Round trips before the first card: one, or two when an article file had to come first.
      const articleFirst = performance.getEntriesByType('resource')
        .some((e) => /\/search\/d\//.test(e.name) && e.responseEnd > 0 && e.responseEnd - start <= ms);
      resolve({ ms, rounds: articleFirst ? 2 : 1, files: [...files, ...marks], top: list.querySelector('li a')?.textContent || '' });
    };
    new MutationObserver(done).observe(list, { childList: true });
    new MutationObserver(done).observe(status, { childList: true, characterData: true, subtree: true });
    input.value = query;
    input.dispatchEvent(new Event('input'));
  }), q);
  await ctx.close();
  return got;
}

const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
// With --js, the site's own search.js is served through the same route as the other: a
// routed request costs Playwright a round of its own, which would otherwise slow only one.
const variants = [['this search.js', other ? path.join(siteDir, 'search.js') : null], ...(other ? [[path.basename(other), other]] : [])];
const perQuery = [];
const loads = [os.loadavg()[0]];
for (const query of queries) {
  const times = variants.map(() => []);
  const rounds = variants.map(() => []);
  for (let r = 0; r < runs; r += 1) {
    for (const [v, [, js]] of variants.entries()) {
      const got = await firstResult(query.q, js);
      times[v].push(got.ms);
      rounds[v].push(got.rounds);
      if (trace) console.log(`  ${variants[v][0]} ${query.q}: ${Math.round(got.ms)} ms, ${got.files.join(', ')}; first: ${got.top}`);
    }
  }
  loads.push(os.loadavg()[0]);
  perQuery.push({ ...query, medians: times.map(median), rounds: rounds.map(median) });
  console.log(`| ${query.class} | ${query.q} | ${times.map((t, v) => `${Math.round(median(t))} (${t.map(Math.round).join(', ')}; ${median(rounds[v])} round${median(rounds[v]) > 1 ? 's' : ''})`).join(' | ')} |`);
}
console.log(`\nfirst result, ${profileName} + 4× CPU, ${runs} runs a query, median of each query's runs; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
console.log(`| class | queries | ${variants.map(([n]) => `${n}: median / max ms`).join(' | ')} |`);
for (const cls of [...new Set(perQuery.map((q) => q.class)), 'all']) {
  const of = perQuery.filter((q) => cls === 'all' || q.class === cls);
  const cells = variants.map((_, v) => {
    const m = of.map((q) => q.medians[v]);
    return `${Math.round(median(m))} / ${Math.round(Math.max(...m))}, ${of.filter((q) => q.rounds[v] === 1).length} of ${of.length} in one round trip`;
  });
  console.log(`| ${cls} | ${of.length} | ${cells.join(' | ')} |`);
}
await browser.close();
server.close();
