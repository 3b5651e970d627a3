// Site search on the built example site, with no server beyond static files: Hindi
// queries find the articles that mention them, and the result links open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const binary = process.env.CHUNAV_BIN || path.join(repo, 'target/debug/chunav');
let browser;
let server;
let origin;

before(async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chunav-search-')), 'public');
  execFileSync(binary, ['--root', repo, 'build', '-o', out], { stdio: 'pipe' });
  const size = fs.statSync(path.join(out, 'search-index.json')).size;
  console.log(`search-index.json for the example site: ${size} bytes`);
  server = await serve(out, '/kanpur-explainers/');
  origin = `http://127.0.0.1:${server.address().port}/kanpur-explainers/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); server?.close(); });

for (const [query, expected] of [['कानपुर', 4], ['आलोक', 2], ['कैंट', 3], ['Awasthi', 1]]) {
  test(`searching ${query} finds at least ${expected} articles`, async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-results li').first().waitFor({ timeout: 5000 });
    const count = await page.locator('#search-results li').count();
    assert.ok(count >= expected, `${query}: ${count} results`);
    const href = await page.locator('#search-results li a').first().getAttribute('href');
    const response = await page.goto(new URL(href, page.url()).href);
    assert.equal(response.status(), 200);
    await page.close();
  });
}

test('a query with no match says so', async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}search/?q=${encodeURIComponent('ज़ंज़ीबार')}`);
  await page.waitForFunction(() => document.getElementById('search-status').textContent.length > 0);
  assert.equal(await page.locator('#search-results li').count(), 0);
  await page.close();
});
