/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML report in a real browser: Debian's Chromium, driven by
 * playwright-core (which downloads no browser). The reports are written by the
 * built CLI. Screenshots (1280×800, and in print emulation) are kept under
 * $ZGC_ARTIFACTS (default: <tmp>/zgc-artifacts) for people to look at; they
 * are not compared.
 *
 * Without Chromium at $ZGC_CHROMIUM (default /usr/bin/chromium) these tests
 * are skipped with a warning, except under CI (CI set), where that is a
 * failure: .ci/run installs Chromium when it is missing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { spawnZgc } from '../../helpers/spawn.js';
import { tempDir } from '../../helpers/tmp.js';

const CHROMIUM = process.env.ZGC_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);
const ARTIFACTS = process.env.ZGC_ARTIFACTS || path.join(os.tmpdir(), 'zgc-artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const FIXTURES = path.resolve(__dirname, '../../fixtures/html');

/** The labelled draft's claims, as an editor reads them: what each figure's verdict is. */
const LABELS: Array<[text: string, verdict: string]> = [
  ['40,000 visitors', 'supported'],
  ['June 1 to 3', 'supported'],
  ['2,400 kites', 'contradicted'],
  ['three days', 'unsupported'],
  ['about 2.5 million dollars', 'disputed'],
  ['1,800', 'supported'],
  ['40,000', 'supported'],
  ['1999', 'contradicted'],
  ['35 stalls', 'unsupported'],
  ['12 bands', 'unsupported'],
];

if (!HAVE_CHROMIUM && !IN_CI) console.warn(`\n*** SKIPPED: the HTML report's browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set ZGC_CHROMIUM) ***\n`);

describe.runIf(!HAVE_CHROMIUM && IN_CI)('the browser tests under CI', () => {
  it('have Chromium to run in', () => {
    expect.fail(`no Chromium at ${CHROMIUM}: .ci/run installs it with apt-get`);
  });
});

interface Report {
  url: string;
  claims: Array<{ line: number; column: number; text: string; verdict: string }>;
}

/** Writes a report with the built CLI, and its JSON result. */
function writeReport(dir: string, draft: string, facts: string): Report {
  const file = path.join(dir, `${path.basename(draft)}.html`);
  const written = spawnZgc(['check', draft, '--facts', facts, '-o', file], { cwd: FIXTURES });
  expect(written.stderr).toMatch(/^zgc: wrote /);
  const json = spawnZgc(['check', draft, '--facts', facts, '--json'], { cwd: FIXTURES });
  return { url: pathToFileURL(file).href, claims: JSON.parse(json.stdout).claims };
}

describe.runIf(HAVE_CHROMIUM)('the HTML report in Chromium', () => {
  let context: BrowserContext;
  let labelled: Report;
  let hostile: Report;
  const requests: string[] = [];

  beforeAll(async () => {
    const dir = tempDir('zgc-report-');
    labelled = writeReport(dir, 'draft.md', 'facts');
    hostile = writeReport(dir, 'hostile.md', 'hostile-facts');
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(tempDir('zgc-chromium-'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 800 } });
    // Every request but the report's own file is recorded and refused: the page must make none.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === labelled.url || url === hostile.url) return route.continue();
      requests.push(url);
      return route.abort();
    });
    context.on('request', (r) => {
      if (r.url() !== labelled.url && r.url() !== hostile.url && !requests.includes(r.url())) requests.push(r.url());
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  /** Opens a report in a new page, collecting console errors and uncaught exceptions. */
  async function open(report: Report): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(report.url);
    return { page, errors };
  }

  /** A mark's text as written in the draft: its pieces, without the verdict sign and note number. */
  const markText = (page: Page, id: number) =>
    page.evaluate((n) => {
      const pieces = [...document.querySelectorAll(`[data-claim="${n}"]`)];
      return pieces
        .map((p) => {
          const copy = p.cloneNode(true) as Element;
          copy.querySelectorAll('.sign, .ref').forEach((e) => e.remove());
          return copy.textContent;
        })
        .join('');
    }, id);

  it('marks every claim of the JSON result at its text, in order, with its verdict, as labelled', async () => {
    expect(labelled.claims.map((c) => [c.text, c.verdict])).toEqual(LABELS);
    const { page, errors } = await open(labelled);
    const marks = await page.$$eval('mark.claim', (ms) => ms.map((m) => ({ id: m.id, verdict: [...m.classList].find((c) => c.startsWith('v-'))!.slice(2) })));
    expect(marks).toEqual(labelled.claims.map((c, i) => ({ id: `claim-${i + 1}`, verdict: c.verdict })));
    for (const [i, c] of labelled.claims.entries()) expect(await markText(page, i + 1)).toBe(c.text);
    // Where each stands: the claim at the start of its line, inside emphasis, at the end of a line, in a table cell, in a list.
    expect(await page.$eval('#claim-1', (m) => m.parentElement!.textContent!.startsWith('40,000 visitors'))).toBe(true);
    expect(await page.$eval('#claim-3', (m) => m.parentElement!.tagName)).toBe('EM');
    expect(await page.$eval('#claim-5', (m) => m.parentElement!.lastChild === m)).toBe(true);
    expect(await page.$eval('#claim-6', (m) => m.closest('td')?.previousElementSibling?.textContent)).toBe('Kites flown');
    expect(await page.$eval('#claim-9', (m) => m.closest('li')?.textContent?.startsWith('Food stalls'))).toBe(true);
    // No note shows until asked for.
    expect(await page.locator('.note:visible').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the right figure and its citation when a contradicted figure is clicked, and the same note on keyboard focus', async () => {
    const { page, errors } = await open(labelled);
    const note = page.locator('#note-3');
    await page.click('#claim-3');
    await expect.poll(() => note.isVisible()).toBe(true);
    const text = (await note.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Contradicted');
    expect(text).toContain('The facts say 1,800.');
    expect(text).toContain('kite-festival-kites-2024: Kites flown at the 2024 Millbrook Kite Festival');
    expect(text).toContain('Okoye, A. (2024, June 3). Kites fill the sky over Millbrook. Millbrook Courier. https://courier.example/kites');
    expect(text).toContain('A total of 1,800 kites were flown over the three days.');
    expect(await note.locator('i').first().innerText()).toBe('Millbrook Courier');
    expect(await page.getAttribute('#claim-3', 'aria-expanded')).toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'check-report-1280x800.png') });

    // Escape closes it; the keyboard alone reaches the figure and opens the same note.
    await page.keyboard.press('Escape');
    await expect.poll(() => note.isVisible()).toBe(false);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'claim-3'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('claim-3');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await page.locator('.note:visible').count()).toBe(1);
    expect((await note.innerText()).replace(/\s+/g, ' ')).toBe(text);

    // Tab on to the next figure: its note replaces this one.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-4');
    await expect.poll(() => page.locator('#note-4').isVisible()).toBe(true);
    expect(await note.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('jumps from the summary\'s list to a claim and opens its note', async () => {
    const { page, errors } = await open(labelled);
    const listed = await page.$$eval('.problems a', (as) => as.map((a) => a.getAttribute('href')));
    expect(listed).toEqual(['#claim-3', '#claim-5', '#claim-8']);
    await page.click('.problems a[href="#claim-8"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-8');
    await expect.poll(() => page.locator('#note-8').isVisible()).toBe(true);
    expect((await page.locator('#note-8').innerText()).replace(/\s+/g, ' ')).toMatch(/The facts say 1998\..*AI-generated/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('meets WCAG AA contrast for the marks, signs, badges and notes', async () => {
    const { page } = await open(labelled);
    await page.click('#claim-5');
    const low = await page.evaluate(() => {
      const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      for (const el of document.querySelectorAll('mark, .sign, .badge, .note:not([hidden]) *, .summary *, .meta, .draft-counts, .body p, .body td')) {
        if (!(el as HTMLElement).offsetParent || !el.textContent!.trim()) continue;
        const fg = lum(rgb(getComputedStyle(el).color));
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5) out.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(low).toEqual([]);
    await page.close();
  });

  it('prints every note as a numbered footnote after its paragraph', async () => {
    const { page, errors } = await open(labelled);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.note:visible').count()).toBe(labelled.claims.length);
    // Each paragraph's notes follow it, numbered as the marks are.
    const after = await page.$$eval('ol.notes', (lists) =>
      lists.map((l) => [l.parentElement!.tagName === 'LI' ? 'end of LI' : `after ${l.previousElementSibling?.tagName}`, [...l.children].map((li) => (li as HTMLLIElement).value)]),
    );
    expect(after).toEqual([
      ['after P', [1, 2]],
      ['after P', [3, 4, 5]],
      ['after TABLE', [6, 7]],
      ['end of LI', [8]],
      ['end of LI', [9, 10]],
    ]);
    expect(await page.$eval('#claim-3 .ref', (r) => getComputedStyle(r).display)).not.toBe('none');
    expect(await page.locator('.note-close:visible').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'check-report-print.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs nothing of a hostile draft and fact base: the canary stays unset and no element is added', async () => {
    const { page, errors } = await open(hostile);
    expect(await page.evaluate(() => 'canary' in window)).toBe(false);
    // Open every note, hover and focus everything that could carry a handler.
    for (const [i] of hostile.claims.entries()) {
      await page.click(`#claim-${i + 1}`);
      await page.hover(`#note-${i + 1}`);
    }
    for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => 'canary' in window)).toBe(false);
    const found = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].sort(),
        // The page's script places an open note level with its figure (a style on the note): nothing else has one.
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || (a.name === 'style' && !e.matches('li.note')) || a.name === 'src' || a.name === 'autofocus').map((a) => `${e.tagName} ${a.name}`)),
        hrefs: [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')!).filter((h) => !/^(https?:\/\/|#claim-)/.test(h)),
        scripts: document.scripts.length,
        styles: document.querySelectorAll('style').length,
        marks: document.querySelectorAll('mark.claim').length,
        dir: [...document.querySelectorAll('[dir]')].length,
      };
    });
    const PAGE = 'a b blockquote body button code div h1 h2 h3 head html i li main mark meta ol p q section span strong style sup time title ul dl dt dd h4 em script header'.split(' ');
    expect(found.tags.filter((t) => !PAGE.includes(t))).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.hrefs).toEqual([]);
    expect({ scripts: found.scripts, styles: found.styles, marks: found.marks, dir: found.dir }).toEqual({ scripts: 1, styles: 1, marks: hostile.claims.length, dir: 0 });
    // Bidirectional overrides are shown, not obeyed.
    expect(await page.locator('body').innerText()).toContain('\\u202ereversed\\u202c');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('made no network request', () => {
    expect(requests).toEqual([]);
  });
});
