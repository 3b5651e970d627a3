// Opens the built example site in headless Chromium (Debian's /usr/bin/chromium) and
// follows every internal link: each page must load with its stylesheet, show its
// heading, and have no failed request or console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const site = process.env.CHUNAV_SITE || repo;
const binary = process.env.CHUNAV_BIN || path.join(repo, 'target/debug/chunav');
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

function build(baseUrl) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chunav-browser-'));
  const target = path.join(out, 'public');
  execFileSync(binary, ['--root', site, 'build', '-o', target, '--base-url', baseUrl], { stdio: 'pipe' });
  return target;
}

async function crawl(prefix) {
  const dir = build(`https://example.github.io${prefix === '/' ? '' : prefix}`);
  const server = await serve(dir, prefix);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} on ${page.url()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  const seen = new Set();
  const queue = [`${origin}${prefix}`];
  try {
    while (queue.length) {
      const url = queue.shift();
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await page.goto(url);
      assert.equal(response.status(), 200, `${url} answered ${response.status()}`);
      const h1 = await page.locator('h1').first().textContent();
      assert.ok(h1 && h1.trim().length > 0, `${url} has no heading`);
      const styled = await page.evaluate(() => getComputedStyle(document.body).lineHeight);
      assert.notEqual(styled, 'normal', `${url}: the stylesheet did not load`);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
      for (const link of links) {
        const u = new URL(link);
        if (u.origin === origin && !seen.has(u.origin + u.pathname)) queue.push(u.origin + u.pathname);
      }
    }
  } finally {
    await page.close();
    server.close();
  }
  assert.deepEqual(problems, []);
  return seen;
}

test('every page of the example site opens from a domain root, links working', async () => {
  const pages = await crawl('/');
  assert.ok(pages.size >= 4, `only ${pages.size} pages reached`);
});

test('the same output works under a GitHub project-pages subpath', async () => {
  const pages = await crawl('/kanpur-explainers/');
  assert.ok(pages.size >= 4, `only ${pages.size} pages reached`);
});
