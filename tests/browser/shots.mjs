// Screenshots of a built site for a human look: node shots.mjs PUBLIC_DIR OUT_DIR [path…]
// Each path is shot at 360 px (phone) and 1280 px (desktop), full page, light and dark.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const [dir, out, ...paths] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node shots.mjs PUBLIC_DIR OUT_DIR [path…]');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const server = await serve(dir, '/');
const origin = `http://127.0.0.1:${server.address().port}/`;
// NOFONTS=1: a Chromium that cannot see the machine's Noto fonts, as the audit's size
// budget measures, so the page shows in the theme's own subsets (and any bold the browser
// would have to synthesise shows).
let env = process.env;
if (process.env.NOFONTS === '1') {
  const conf = path.join(out, 'fonts-no-noto.conf');
  fs.writeFileSync(conf, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*/noto/*</glob><glob>*Noto*</glob></rejectfont></selectfont>
  <cachedir>${out}/fontconfig-cache</cachedir>
</fontconfig>
`);
  env = { ...process.env, FONTCONFIG_FILE: conf };
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  env,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const schemes = (process.env.SCHEMES || 'light').split(',');
try {
  for (const p of paths.length ? paths : ['']) {
    for (const width of [360, 1280]) {
      for (const colorScheme of schemes) {
        const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
        await page.goto(origin + p, { waitUntil: 'networkidle' });
        // Charts use content-visibility: auto and are drawn as a reader scrolls to them;
        // a full-page shot does not scroll, so draw them all now.
        await page.addStyleTag({ content: '.chart { content-visibility: visible !important; }' });
        const name = `${(p.replace(/\/$/, '').replaceAll('/', '_') || 'home')}-${width}${colorScheme === 'light' ? '' : '-' + colorScheme}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage: process.env.FULL !== '0' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        console.log(`${name}${overflow > 0 ? `  OVERFLOWS by ${overflow}px` : ''}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
