// Loads jixiao HTML pages in headless Chromium (Debian's /usr/bin/chromium, never a
// downloaded browser) and prints what the Rust test asserts on, as JSON on stdout:
// every request made, console messages, page errors, dialogs, headings, table-of-contents
// links, and every table cell with its text, spans, scope and computed alignment.
// It also saves a desktop and a phone screenshot and an A4 print-to-PDF of each page.
//
// Usage: node inspect.mjs OUT_DIR [--no-shots] PAGE.html... (--no-shots: only the DOM facts for
// the page that follows; a very long page takes long to paint on a busy machine).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [outDir, ...args] = process.argv.slice(2);
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--no-shots') {
    pages.push({ file: args[++i], shots: false });
  } else {
    pages.push({ file: args[i], shots: true });
  }
}
if (!outDir || pages.length === 0 || pages.some((p) => !p.file)) {
  console.error('usage: node inspect.mjs OUT_DIR [--no-shots] PAGE.html...');
  process.exit(2);
}
// Generous: two cores are shared by several builds while the tests run.
const TIMEOUT_MS = 180_000;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: DESKTOP,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const results = [];
try {
  for (const { file, shots } of pages) {
    const url = pathToFileURL(resolve(file)).href;
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const record = { file, url, requests: [], console: [], pageErrors: [], dialogs: [] };
    page.on('request', (r) => record.requests.push(r.url()));
    page.on('console', (m) => record.console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => record.pageErrors.push(String(e)));
    page.on('dialog', async (d) => {
      record.dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    Object.assign(record, await page.evaluate(inspectDom));

    const stem = basename(file, '.html');
    if (shots) {
      await page.screenshot({ path: join(outDir, `${stem}-desktop.png`), ...(await topOfPage(page)) });
    }
    await page.setViewportSize(PHONE);
    record.phone = await page.evaluate(() => ({
      viewport: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    if (shots) {
      await page.screenshot({ path: join(outDir, `${stem}-phone.png`), ...(await topOfPage(page)) });
      await page.setViewportSize(DESKTOP);
      await page.pdf({ path: join(outDir, `${stem}.pdf`), format: 'A4', printBackground: true });
    }
    await page.close();
    results.push(record);
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results, null, 1));

// Screenshot options for the top of the page: long documents are cut at SHOT_HEIGHT pixels,
// which keeps the files small and the run fast while showing every kind of element.
async function topOfPage(page) {
  const SHOT_HEIGHT = 5000;
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  return { fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, SHOT_HEIGHT) } };
}

// Runs inside the page.
function inspectDom() {
  const text = (el) => (el ? el.textContent : null);
  return {
    lang: document.documentElement.lang,
    title: document.title,
    scripts: document.scripts.length,
    duplicateIds: (() => {
      const seen = new Set();
      const dup = [];
      for (const el of document.querySelectorAll('[id]')) {
        if (seen.has(el.id)) dup.push(el.id);
        seen.add(el.id);
      }
      return dup;
    })(),
    externalResources: [...document.querySelectorAll('link, img, iframe, object, embed')].length,
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
      level: Number(h.tagName.slice(1)),
      id: h.id,
      text: h.textContent,
    })),
    toc: [...document.querySelectorAll('nav a[href^="#"]')].map((a) => ({
      href: a.getAttribute('href'),
      text: a.textContent,
      targetExists: document.getElementById(a.getAttribute('href').slice(1)) !== null,
    })),
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    tables: [...document.querySelectorAll('table')].map((t) => ({
      className: t.className,
      caption: text(t.caption),
      section: t.closest('section.project') ? t.closest('section.project').id : null,
      rows: [...t.rows].map((r) => ({
        id: r.id,
        group: r.parentElement.tagName.toLowerCase(),
        cells: [...r.cells].map((c) => ({
          tag: c.tagName.toLowerCase(),
          text: c.textContent,
          rowSpan: c.rowSpan,
          colSpan: c.colSpan,
          scope: c.getAttribute('scope'),
          className: c.className,
          align: getComputedStyle(c).textAlign,
        })),
      })),
    })),
  };
}
