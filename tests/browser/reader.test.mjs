// What a phone reader meets on the example article (360 px): chart tables off-screen but
// in the accessibility tree and shown on demand, keyboard-reachable code blocks, chart
// labels no smaller than 13 px on every page, contents items aligned when they wrap, and
// no bold synthesised from the theme's single-weight faces.
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
let server;
let origin;

before(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chunav-reader-'));
  execFileSync(binary, ['--root', site, 'build', '-o', path.join(out, 'public')], { stdio: 'pipe' });
  server = await serve(path.join(out, 'public'), '/');
  origin = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); server?.close(); });

async function open(p) {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(origin + p, { waitUntil: 'networkidle' });
  // Charts are laid out lazily (content-visibility: auto); draw them all, as on scrolling.
  await page.addStyleTag({ content: '.chart { content-visibility: visible !important; }' });
  return page;
}

test('chart tables: off-screen, in the accessibility tree, shown by the switch or by focus', async () => {
  const page = await open('kanpur/result-2024/');
  const figures = await page.locator('figure.chart').count();
  assert.ok(figures >= 3, `${figures} charts`);
  const heights = await page.$$eval('.chart-table', (ts) => ts.map((t) => t.getBoundingClientRect().height));
  assert.ok(heights.every((h) => h <= 1), `tables take no room: ${heights}`);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const tables = nodes.filter((n) => n.role?.value === 'table' && !n.ignored);
  assert.equal(tables.length, figures, 'every chart table is in the accessibility tree');
  assert.ok(!nodes.some((n) => !n.ignored && /तालिका में/.test(n.name?.value || '') && n.role?.value !== 'StaticText'),
    'the switch is for eyes only');
  await page.locator('.chart-table-switch summary').first().click();
  const opened = await page.locator('.chart-table').first().evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(opened > 100, `the switch shows the table: ${opened}px`);
  await page.locator('.chart-table').nth(1).focus();
  const focused = await page.locator('.chart-table').nth(1).evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(focused > 100, `a focused table is shown: ${focused}px`);
  await page.close();
});

test('chart labels are at least 13 px on a 360 px phone, on every page with charts', async () => {
  let labels = 0;
  for (const p of ['kanpur/segments/', 'kanpur/result-2024/', 'kanpur/checking-the-numbers/',
    'kanpur/mayor-2023/', 'en/kanpur-result-2024/']) {
    const page = await open(p);
    const sizes = await page.$$eval('figure.chart svg text', (ts) => ts.map((t) => t.getBoundingClientRect().height > 0
      ? parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width : 99));
    assert.ok(sizes.length > 0, `${p} has a chart`);
    labels += sizes.length;
    const smallest = Math.min(...sizes);
    assert.ok(smallest >= 13, `${p}: smallest chart label ${smallest.toFixed(1)} px`);
    await page.close();
  }
  assert.ok(labels > 40, `${labels} labels`);
});

test('a contents item that wraps keeps its lines aligned beside its number', async () => {
  const page = await open('kanpur/result-2024/');
  const lines = await page.evaluate(() => {
    const link = document.querySelectorAll('.toc a')[1];
    link.textContent = '2019 से कितना बदला: कांग्रेस के वोट हर विधानसभा क्षेत्र में बढ़े, भाजपा के घटे';
    const range = document.createRange();
    range.selectNodeContents(link);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const item = link.closest('li').getBoundingClientRect();
    return { lefts: rects.map((r) => Math.round(r.left)), tops: rects.map((r) => r.top), itemTop: item.top };
  });
  assert.ok(new Set(lines.tops.map(Math.round)).size >= 2, `the item wraps: ${JSON.stringify(lines)}`);
  assert.equal(new Set(lines.lefts).size, 1, `every line starts where the first does: ${lines.lefts}`);
  assert.ok(lines.tops[0] - lines.itemTop < 12, `the first line is at the top of its item (by its number): ${JSON.stringify(lines)}`);
  await page.close();
});

test('no bold is synthesised from a theme face: a face shipped in one weight covers every weight', async () => {
  const page = await open('kanpur/result-2024/');
  const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ family: f.family.replaceAll('"', ''), weight: f.weight })));
  const families = new Map();
  for (const f of faces.filter((x) => x.family.startsWith('chunav'))) {
    families.set(f.family, [...(families.get(f.family) || []), f.weight]);
  }
  assert.ok(families.size >= 2, JSON.stringify(faces));
  for (const [family, weights] of families) {
    const bold = weights.some((w) => { const [lo, hi = lo] = w.split(' ').map(Number); return lo <= 700 && 700 <= hi; });
    assert.ok(bold, `${family} (${weights.join(', ')}) has no face for bold: the browser would synthesise one`);
  }
  await page.close();
});

test('the method page code block is keyboard-reachable and named', async () => {
  const page = await open('kanpur/checking-the-numbers/');
  const pre = page.locator('pre[tabindex="0"][role="region"]');
  assert.equal(await pre.count(), 1);
  assert.equal(await pre.getAttribute('aria-label'), 'कोड');
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.tagName === 'PRE')) break;
  }
  assert.ok(await page.evaluate(() => document.activeElement.tagName === 'PRE'), 'Tab reaches the code block');
  await page.close();
});
