// The theme's budgets, measured on a built site: node audit.mjs PUBLIC_DIR
//
//   Lighthouse (mobile): 100 in performance, accessibility, best practices and SEO
//   axe-core: 0 violations on every page, light and dark colour schemes
//   Nu HTML Checker: 0 errors on every page (HTML, CSS, SVG)
//   article: HTML + CSS gzipped + the web fonts it fetches ≤ 60 KB, measured in a Chromium
//   that cannot see the machine's Noto fonts (a reader without them downloads the theme's)
//
// Lighthouse on the home page, a hub and an article (AUDIT_PAGES="/ kanpur/ kanpur/result-2024/",
// the last one is the article the size budget applies to), axe on every page of the
// site, except in folders of many pages made from one template (a results section's 80
// seat pages, the constituencies' pages): there axe takes a sample (axePages below). Prints every figure, exits 1
// when a budget is missed. Run through scripts/audit.sh, which builds the site first.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const BUDGET = {
  lighthouse: 100,        // every category, every audited page
  axe: 0,                 // violations per page and colour scheme
  vnu: 0,                 // errors on the whole site
  articleKB: 60,          // article HTML + CSS gzipped + the fonts it fetches without Noto
  articlePx: 5700,        // the article's height at 360 px, charts drawn (5,727 px before the table switch; 5,297 after it; the link to the seat page and the seat page in "related" add ~370 px)
};
// Folders of more pages than this are sampled by axe (see axePages).
const SAMPLE_OVER = 12;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const RUNS = 3;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const here = import.meta.dirname;

const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
  console.error('usage: node audit.mjs PUBLIC_DIR (a built site)');
  process.exit(2);
}
const pages = (process.env.AUDIT_PAGES || '/ kanpur/ kanpur/result-2024/').split(/\s+/).filter(Boolean)
  .map((p) => p.replace(/^\//, ''));
const article = pages[pages.length - 1];
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); return ok ? 'ok' : 'OVER BUDGET'; };
const kb = (bytes) => (bytes / 1024).toFixed(1);

const server = await serve(dir, '/');
const origin = `http://127.0.0.1:${server.address().port}/`;
try {
  for (const p of pages) {
    if (!fs.existsSync(path.join(dir, p, 'index.html'))) {
      failures.push(`page ${p || '/'} does not exist in ${dir}`);
    }
  }
  await lighthouse();
  await axe();
  await articleWithFonts();
  nuChecker();
} finally {
  server.close();
}

if (failures.length) {
  console.log(`\nFAILED: ${failures.length} budget(s) missed`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log('\nall budgets met');

async function lighthouse() {
  console.log(`== Lighthouse (mobile), budget ${BUDGET.lighthouse} in every category`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chunav-lh-'));
  console.log(`${'page'.padEnd(28)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`);
  for (const p of pages) {
    // Scores move by a point or two between runs on a busy machine: a page short of the
    // budget is run again, up to RUNS times, and judged on the median of its runs.
    const runs = [];
    while (runs.length < RUNS) {
      const report = await lighthouseRun(p, tmp);
      if (!report) break;
      runs.push(report);
      const scores = CATEGORIES.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
      console.log(`${(runs.length === 1 ? p || '/' : `  run ${runs.length}`).padEnd(28)}${scores.map((x) => String(x).padStart(16)).join('')}`);
      if (runs.length === 1 && scores.every((x) => x >= BUDGET.lighthouse)) break;
    }
    if (!runs.length) continue;
    CATEGORIES.forEach((c) => {
      const sorted = [...runs].sort((x, y) => x.categories[c].score - y.categories[c].score);
      const median = sorted[Math.floor(sorted.length / 2)];
      const score = Math.round(median.categories[c].score * 100);
      if (runs.length > 1) console.log(`    median ${c}: ${score}`);
      if (score < BUDGET.lighthouse) {
        const lost = median.categories[c].auditRefs
          .filter((ref) => ref.weight > 0 && (median.audits[ref.id].score ?? 1) < 1)
          .map((ref) => `${ref.id} (${median.audits[ref.id].displayValue || median.audits[ref.id].score})`);
        failures.push(`lighthouse ${c} ${score} on ${p || '/'}: ${lost.join(', ')}`);
      }
    });
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

async function lighthouseRun(p, tmp) {
  const out = path.join(tmp, 'lh.json');
  const cli = path.join(here, 'node_modules/lighthouse/cli/index.js');
  // Asynchronously: the static server answering Lighthouse runs in this process.
  const run = await run_(process.execPath, [cli, origin + p, '--form-factor=mobile',
    `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${out}`,
    '--quiet', `--chrome-flags=${FLAGS.join(' ')} --user-data-dir=${path.join(tmp, 'profile')}`],
  { ...process.env, CHROME_PATH: CHROMIUM });
  if (run.status !== 0 || !fs.existsSync(out)) {
    failures.push(`lighthouse failed on ${p || '/'}: ${run.stderr.slice(-500)}`);
    return null;
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out);
  return report;
}

function run_(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

// Every HTML page of the built site, as paths under the origin ("kanpur/segments/"). Not
// 404.html: its links start from the site's base path (Pages serves it at any depth), which
// this server, serving the site at its root, does not have.
function everyPage() {
  const found = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.html') && rel !== '404.html') found.push(entry.name === 'index.html' ? (sub ? `${sub}/` : '') : rel);
    }
  };
  walk('');
  return found.sort();
}

// A folder with more than SAMPLE_OVER pages holds pages made from one template (seats
// generated from data, a taxonomy's terms): axe audits its first and last page, its
// largest and smallest (the longest names and tables, the uncontested seat), and any in
// AUDIT_ALWAYS ("up-2024/kanpur/"). Every other page is audited. Nu checks every page.
function axePages() {
  const always = new Set((process.env.AUDIT_ALWAYS ?? 'up-2024/kanpur/').split(/\s+/).filter(Boolean));
  const byFolder = new Map();
  for (const p of everyPage()) {
    const folder = p.replace(/[^/]+\/?$/, '');
    if (!byFolder.has(folder)) byFolder.set(folder, []);
    byFolder.get(folder).push(p);
  }
  const chosen = [];
  let skipped = 0;
  for (const [folder, list] of byFolder) {
    if (list.length <= SAMPLE_OVER) { chosen.push(...list); continue; }
    const size = (p) => fs.statSync(path.join(dir, p.endsWith('/') ? `${p}index.html` : p)).size;
    const bySize = [...list].sort((a, b) => size(a) - size(b));
    const sample = new Set([list[0], list[list.length - 1], bySize[0], bySize[bySize.length - 1],
      ...list.filter((p) => always.has(p))]);
    chosen.push(...list.filter((p) => sample.has(p)));
    skipped += list.length - sample.size;
    console.log(`${folder || '/'}: ${list.length} pages, axe samples ${[...sample].join(' ')}`);
  }
  return { chosen: chosen.sort(), skipped };
}

async function axe() {
  console.log(`\n== axe-core ${JSON.parse(fs.readFileSync(path.join(here, 'node_modules/axe-core/package.json'))).version}, budget ${BUDGET.axe} violations`);
  const axe = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1) });
  try {
    const { chosen, skipped } = axePages();
    console.log(`axe on ${chosen.length} pages (${skipped} left out of sampled folders)`);
    for (const p of chosen) {
      for (const colorScheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width: 360, height: 800 }, colorScheme });
        await page.goto(origin + p, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        await page.addScriptTag({ content: axe });
        const result = await page.evaluate(() => axe.run());
        const n = result.violations.reduce((sum, v) => sum + v.nodes.length, 0);
        console.log(`${(p || '/').padEnd(28)}${colorScheme.padEnd(6)} ${n} violation(s) ${check(n <= BUDGET.axe, `axe: ${n} violation(s) on ${p || '/'} (${colorScheme})`)}`);
        for (const v of result.violations) {
          for (const node of v.nodes) console.log(`    ${v.id}: ${node.target.join(' ')}: ${node.failureSummary.split('\n').slice(1).join('; ')}`);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
}

// What a reader without Noto installed downloads for the article: its HTML and the
// stylesheet (gzipped, as Pages serves them) and every font file the page fetches. The
// theme puts installed faces first, so this Chromium gets a fontconfig that hides the
// machine's Noto fonts. Every font file the stylesheet names is also loaded once through
// the FontFace API, to prove it is a working font.
async function articleWithFonts() {
  console.log('\n== Article with fonts (system Noto hidden)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chunav-fonts-'));
  const conf = path.join(tmp, 'fonts.conf');
  fs.writeFileSync(conf, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*/noto/*</glob><glob>*Noto*</glob></rejectfont></selectfont>
  <cachedir>${tmp}/cache</cachedir>
</fontconfig>
`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1),
    env: { ...process.env, FONTCONFIG_FILE: conf } });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const fonts = new Map();
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'font') return;
      fonts.set(r.url(), r.body().then((b) => b.length, () => 0));
    });
    await page.goto(origin + article, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const fetched = [];
    for (const [url, bytes] of fonts) fetched.push([path.basename(url), await bytes]);
    // How far a phone reader scrolls: charts drawn (they are laid out lazily otherwise).
    await page.addStyleTag({ content: '.chart { content-visibility: visible !important; }' });
    const height = await page.evaluate(() => Math.round(document.body.getBoundingClientRect().height));
    console.log(`${article}: ${height} px tall at 360 px (budget ${BUDGET.articlePx}) ${check(height <= BUDGET.articlePx, `article ${height} px tall at 360 px`)}`);
    await fontFiles(page);
    const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    const html = gz(path.join(dir, article, 'index.html'));
    const css = gz(path.join(dir, 'style.css'));
    const fontBytes = fetched.reduce((sum, [, n]) => sum + n, 0);
    const total = html + css + fontBytes;
    console.log(`${article}: HTML ${kb(html)} KB + CSS ${kb(css)} KB gzipped + fonts ${kb(fontBytes)} KB (${fetched.map(([name, n]) => `${name} ${kb(n)}`).join(', ') || 'none'}) = ${kb(total)} KB (budget ${BUDGET.articleKB}) ${check(total <= BUDGET.articleKB * 1024, `article with fonts ${kb(total)} KB`)}`);
    await page.close();
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function fontFiles(page) {
  const css = fs.readFileSync(path.join(dir, 'style.css'), 'utf8');
  const urls = [...new Set([...css.matchAll(/url\("?([^")]+\.woff2)"?\)/g)].map((m) => m[1]))];
  for (const url of urls) {
    const file = path.join(dir, url);
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    const status = await page.evaluate(async (u) => {
      try {
        const face = new FontFace(`audit-${u}`, `url(/${u})`);
        await face.load();
        return face.status;
      } catch (e) {
        return String(e);
      }
    }, url);
    console.log(`    ${url}: ${kb(size)} KB, ${status === 'loaded' ? 'loads as a font' : `does NOT load: ${status}`}`);
    if (status !== 'loaded') failures.push(`font ${url} does not load: ${status}`);
  }
}

function nuChecker() {
  const jar = path.join(here, 'node_modules/vnu-jar/build/dist/vnu.jar');
  console.log(`\n== Nu HTML Checker, budget ${BUDGET.vnu} errors`);
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--also-check-css',
    '--also-check-svg', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let messages;
  try {
    messages = JSON.parse(run.stderr || run.stdout).messages;
  } catch {
    failures.push(`vnu did not run: ${(run.stderr || run.error?.message || '').slice(0, 500)}`);
    return;
  }
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const files = execFileSync('find', [dir, '-name', '*.html', '-o', '-name', '*.css', '-o', '-name', '*.svg']).toString().trim().split('\n').length;
  console.log(`${files} files checked, ${errors.length} error(s) ${check(errors.length <= BUDGET.vnu, `vnu: ${errors.length} error(s)`)}`);
  for (const m of errors.slice(0, 30)) {
    console.log(`    ${path.relative(dir, decodeURIComponent((m.url || '').replace('file:', '')))}:${m.lastLine ?? ''}: ${m.message}`);
  }
}
