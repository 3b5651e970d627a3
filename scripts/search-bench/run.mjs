// Runs a relevance set against chunav's search and Pagefind on the same built site, in
// headless Chromium, and prints precision at 3 and the bytes each query fetched.
//   node run.mjs SITE_DIR PREFIX QUERIES.json [--throttle] [--chunav-only]
// SITE_DIR is a built site with Pagefind's index in SITE_DIR/pagefind/; PREFIX the path it
// is served under ("/bench/"). Each query runs in a fresh browser context (an empty cache),
// as a reader's first search would. With --throttle it also measures, on a phone profile
// (DevTools network throttling and 4× CPU slowdown), how long the first result takes to show.
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const { chromium } = await import(path.join(repo, 'tests/browser/node_modules/playwright-core/index.mjs'));
const { serve } = await import(path.join(repo, 'tests/browser/serve.mjs'));
const { PROFILES, launch, throttle, openSearch } = await import('./phone.mjs');

const [siteDir, prefix, queryFile, ...flags] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queryFile, 'utf8'));
const server = await serve(siteDir, prefix);
// Bytes are counted where they are sent (body bytes, gzip as served), so that requests from
// Pagefind's web worker count as well as the page's own.
let sent = new Map();
server.prependListener('request', (req, res) => {
  const end = res.end.bind(res);
  res.end = (body, ...rest) => {
    const url = new URL(req.url, 'http://x').pathname;
    sent.set(url, (sent.get(url) || 0) + (body ? Buffer.byteLength(body) : 0));
    return end(body, ...rest);
  };
});
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch(chromium);


// A fresh page, perhaps throttled; `sum` adds up the bytes sent since for the URLs that pass
// `test`.
async function counted(ctx, profile) {
  const page = await ctx.newPage();
  if (profile) await throttle(ctx, page, profile);
  sent = new Map();
  const sum = (test) => [...sent].filter(([u]) => test(u)).reduce((n, [, b]) => n + b, 0);
  return { page, sum };
}

const local = (href) => new URL(href, origin).pathname.slice(prefix.length);

async function chunav(q) {
  const ctx = await browser.newContext();
  const { page, sum } = await counted(ctx);
  await page.goto(`${origin}${prefix}search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => {
    const n = Number(document.getElementById('search-status').textContent.replace(/[^\d]/g, ''));
    const text = document.getElementById('search-status').textContent;
    return /\d/.test(text) && document.querySelectorAll('#search-results li').length >= Math.min(n, 10);
  }, null, { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  const top = await page.$$eval('#search-results li a', (as) => as.slice(0, 3).map((a) => a.href));
  const result = {
    top: top.map(local),
    index: sum((u) => /\/search\/.*\.json$/.test(u)),
    code: sum((u) => u.endsWith('/search.js')),
  };
  await ctx.close();
  return result;
}

async function pagefind(q) {
  const ctx = await browser.newContext();
  const { page, sum } = await counted(ctx);
  await page.goto(`${origin}${prefix}`);
  const top = await page.evaluate(async ([query, base]) => {
    // Pagefind searches the index of the page's language: give a query in Latin letters the
    // English one, as if it were typed on an English page (numbers stay on the Hindi one).
    if (/^[\x00-\x7f]*[a-z][\x00-\x7f]*$/i.test(query)) document.documentElement.lang = 'en';
    const pf = await import(`${base}pagefind/pagefind.js`);
    await pf.options({ baseUrl: base });
    const search = await pf.search(query);
    // Pagefind's own UI loads five results' fragments first.
    const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
    return data.slice(0, 3).map((d) => d.url);
  }, [q, prefix]);
  await page.waitForLoadState('networkidle');
  const result = {
    top: top.map(local),
    index: sum((u) => u.includes('/pagefind/') && !u.endsWith('.js') && !u.includes('/wasm.')),
    code: sum((u) => u.includes('/pagefind/') && (u.endsWith('.js') || u.includes('/wasm.'))),
  };
  await ctx.close();
  return result;
}

const precision = (top, relevant) => {
  if (!relevant.length) return top.length ? 0 : 1;
  return top.filter((u) => relevant.includes(u)).length / Math.min(3, relevant.length);
};

const kb = (b) => `${(b / 1024).toFixed(1)}`;
// --throttle-only: the first-result times alone (no relevance run).
const rows = [];
for (const query of flags.includes('--throttle-only') ? [] : queries) {
  const ours = await chunav(query.q);
  // --chunav-only: no Pagefind index in the site (its columns then read 0).
  const theirs = flags.includes('--chunav-only') ? { top: [], index: 0, code: 0 } : await pagefind(query.q);
  rows.push({ ...query, ours, theirs, pOurs: precision(ours.top, query.relevant), pTheirs: precision(theirs.top, query.relevant) });
}
if (rows.length) {
  console.log(`| class | query | chunav P@3 | Pagefind P@3 | chunav index KB | Pagefind index KB |`);
  console.log(`|---|---|---|---|---|---|`);
  for (const r of rows) {
    console.log(`| ${r.class} | ${r.q} | ${r.pOurs.toFixed(2)} | ${r.pTheirs.toFixed(2)} | ${kb(r.ours.index)} | ${kb(r.theirs.index)} |`);
  }
  const mean = (list) => list.reduce((a, b) => a + b, 0) / (list.length || 1);
  // By class, for the whole set and apart for the queries written from a reader's side
  // after the search was built ("set": "reader").
  for (const [name, set] of [['all queries', rows], ['reader-side queries only', rows.filter((r) => r.set === 'reader')]]) {
    if (!set.length) continue;
    console.log(`\n${name}:\n| class | queries | chunav P@3 | Pagefind P@3 |\n|---|---|---|---|`);
    for (const cls of [...new Set(set.map((r) => r.class)), 'all']) {
      const of = set.filter((r) => cls === 'all' || r.class === cls);
      console.log(`| ${cls} | ${of.length} | ${mean(of.map((r) => r.pOurs)).toFixed(2)} | ${mean(of.map((r) => r.pTheirs)).toFixed(2)} |`);
    }
  }
  const maxOf = (list) => Math.max(...list);
  console.log(`\nbytes per query on the wire (gzip), index data: chunav mean ${kb(mean(rows.map((r) => r.ours.index)))} KB, max ${kb(maxOf(rows.map((r) => r.ours.index)))} KB; `
    + `Pagefind mean ${kb(mean(rows.map((r) => r.theirs.index)))} KB, max ${kb(maxOf(rows.map((r) => r.theirs.index)))} KB`);
  console.log(`code, once per visit: chunav search.js ${kb(rows[0].ours.code)} KB; Pagefind JS + WebAssembly ${kb(rows[0].theirs.code)} KB`);
}

if (flags.some((f) => f.startsWith('--throttle'))) {
  const sample = queries.filter((q, i) => i % 3 === 0).slice(0, 6).map((q) => q.q);
  for (const profile of Object.keys(PROFILES)) {
    const times = [];
    const pfTimes = [];
    for (const q of sample) {
      const ctx = await browser.newContext();
      const { page } = await counted(ctx, profile);
      await openSearch(page, origin, prefix);
      const ms = await page.evaluate((query) => new Promise((resolve) => {
        const list = document.getElementById('search-results');
        const input = document.getElementById('search-input');
        const start = performance.now();
        // The first card, or the status of a query that found nothing.
        const status = document.getElementById('search-status');
        const done = () => {
          if (list.querySelector('li') || /^\D*0\D*$/.test(status.textContent)) resolve(performance.now() - start);
        };
        new MutationObserver(done).observe(list, { childList: true });
        new MutationObserver(done).observe(status, { childList: true, characterData: true, subtree: true });
        input.value = query;
        input.dispatchEvent(new Event('input'));
      }), q);
      times.push(ms);
      await ctx.close();
      // Pagefind, loaded and initialised before the query, as its UI does on focus.
      const pctx = await browser.newContext();
      const { page: ppage } = await counted(pctx, profile);
      await ppage.goto(`${origin}${prefix}`);
      pfTimes.push(await ppage.evaluate(async ([query, base]) => {
        if (/^[\x00-\x7f]*[a-z][\x00-\x7f]*$/i.test(query)) document.documentElement.lang = 'en';
        const pf = await import(`${base}pagefind/pagefind.js`);
        await pf.options({ baseUrl: base });
        await pf.init();
        const start = performance.now();
        const search = await pf.search(query);
        if (search.results.length) await search.results[0].data();
        return performance.now() - start;
      }, [q, prefix]));
      await pctx.close();
    }
    const summary = (list) => {
      list.sort((a, b) => a - b);
      return `median ${Math.round(list[list.length >> 1])} ms, max ${Math.round(list[list.length - 1])} ms`;
    };
    console.log(`first result on ${profile} + 4× CPU, page loaded, query typed at once (${sample.join(', ')}): `
      + `chunav ${summary(times)}; Pagefind ${summary(pfTimes)}`);
  }
}
await browser.close();
server.close();
