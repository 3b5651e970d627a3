// `chunav serve` in a real browser: an edit to an article shows up without a manual
// reload; a broken front matter shows the error overlay over the last good page; fixing
// it clears the overlay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const repo = path.resolve(import.meta.dirname, '../..');
const binary = process.env.CHUNAV_BIN || path.join(repo, 'target/debug/chunav');
let browser;
let server;
let site;
let origin;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'chunav-serve-'));
  for (const part of ['site.toml', 'content', 'data']) {
    fs.cpSync(path.join(repo, part), path.join(site, part), { recursive: true });
  }
  server = spawn(binary, ['--root', site, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/[^ ]*)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`chunav serve exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test('edits appear live, errors show an overlay, fixing clears it', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${origin}kanpur/result-2024/`);
  await page.locator('h1').waitFor();
  const file = path.join(site, 'content/kanpur/result-2024.md');
  const original = fs.readFileSync(file, 'utf8');
  let navigations = 0;
  page.on('framenavigated', () => { navigations += 1; });

  fs.writeFileSync(file, original.replace('कानपुर लोकसभा सीट पर 2024 का मुक़ाबला', 'लाइव बदलाव: कानपुर लोकसभा सीट पर 2024 का मुक़ाबला'));
  await page.getByText('लाइव बदलाव:').waitFor({ timeout: 10000 });
  assert.ok(navigations >= 1, 'the page reloaded by itself');

  fs.writeFileSync(file, original.replace(/^title = .*$/m, 'title = "broken'));
  const overlay = page.locator('#chunav-errors');
  await overlay.waitFor({ timeout: 10000 });
  const text = await overlay.textContent();
  assert.match(text, /content\/kanpur\/result-2024\.md:2/);
  assert.ok(await page.locator('h1').isVisible(), 'the last good page is still there under the overlay');

  fs.writeFileSync(file, original);
  await overlay.waitFor({ state: 'detached', timeout: 10000 });
  await page.locator('h1').waitFor();
  assert.equal(await page.getByText('लाइव बदलाव:').count(), 0);
  await page.close();
});
