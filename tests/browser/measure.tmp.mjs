import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
const [dir, ...paths] = process.argv.slice(2);
const server = await serve(dir, '/');
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  ...(process.env.FC ? { env: { ...process.env, FONTCONFIG_FILE: process.env.FC } } : {}) });
for (const p of paths) {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const fonts = [];
  page.on('response', async (r) => { if (r.request().resourceType() === 'font') { const b = await r.body(); fonts.push([path.basename(r.url()), b.length]); } });
  await page.goto(origin + p, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await page.addStyleTag({ content: '.chart { content-visibility: visible !important; }' });
  await page.waitForTimeout(200); const h = await page.evaluate(() => Math.round(document.body.getBoundingClientRect().height));
  const fams = await page.evaluate(() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight));
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  const html = gz(path.join(p, 'index.html')), css = gz('style.css');
  const fb = fonts.reduce((s, [, n]) => s + n, 0);
  console.log(`${p}: height ${h}px; html ${html} css ${css} fonts ${fb} (${fonts.map(([n, b]) => n + ' ' + b).join(', ')}) total ${html + css + fb}; loaded faces: ${fams.join(', ')}`);
  await page.close();
}
await browser.close(); server.close();
