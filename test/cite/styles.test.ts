/**
 * Full renderings of three made-up sources in each style: one with two authors,
 * a full date, a URL and an access date; one without an author (published to the
 * month); one without a date. Each expected string was written from the style's
 * rules for a newspaper article (APA 7 §10.2, MLA 9 §5, CMOS 17 §14.191 and
 * §15.47, Cite Them Right 11, Citing Medicine ch. 5) and compared with the output.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import type { FactBase, Source } from '../../src/facts/types.js';
import { selectSources } from '../../src/cite/select.js';
import { renderCitations, renderNotes } from '../../src/cite/render.js';
import type { CiteFormat, CiteStyle } from '../../src/cite/styles.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/cite');
let base: FactBase;
beforeAll(async () => {
  base = await loadFacts(FIXTURE);
});

const IDS = ['ledger-mill', 'coastline-ferry', 'orchard-harvest'];
const cite = (style: CiteStyle, format: CiteFormat = 'text', ids = IDS) => renderCitations(selectSources(base, ids).sources, style, format);

describe('citation styles, text', () => {
  it('APA 7: author, (date), title, italic newspaper, URL; title first without an author; n.d. without a date', async () => {
    expect(await cite('apa')).toBe(
      [
        'Ferry crossings double as bridge stays shut. (2024, November). Coastline Times. https://coastline.example/ferry',
        'Ortiz, A., & Howard, B. (2025, March 21). Mill town reopens its riverside ledger hall. The Riverside Ledger. https://ledger.example/mill',
        'Zhou, L. (n.d.). Orchard growers count a record harvest. Orchard Daily.',
      ].join('\n') + '\n',
    );
  });

  it('MLA 9: title in quotes and title case, day month year with abbreviated months, no date left out', async () => {
    expect(await cite('mla')).toBe(
      [
        '“Ferry Crossings Double as Bridge Stays Shut.” Coastline Times, Nov. 2024, https://coastline.example/ferry.',
        'Ortiz, Ana, and Ben Howard. “Mill Town Reopens Its Riverside Ledger Hall.” The Riverside Ledger, 21 Mar. 2025, https://ledger.example/mill.',
        'Zhou, Lanfang. “Orchard Growers Count a Record Harvest.” Orchard Daily.',
      ].join('\n') + '\n',
    );
  });

  it('Chicago author-date: the newspaper stands for a missing author, n.d. for a missing date', async () => {
    // An anonymous article: a period after its title (CMOS 15.47), and the month without the year given before it.
    expect(await cite('chicago-author-date')).toBe(
      [
        'Coastline Times. 2024. “Ferry Crossings Double as Bridge Stays Shut.” November. https://coastline.example/ferry.',
        'Ortiz, Ana, and Ben Howard. 2025. “Mill Town Reopens Its Riverside Ledger Hall.” The Riverside Ledger, March 21, 2025. https://ledger.example/mill.',
        'Zhou, Lanfang. n.d. “Orchard Growers Count a Record Harvest.” Orchard Daily.',
      ].join('\n') + '\n',
    );
  });

  it('Chicago author-date: an article with no author gives its year once', async () => {
    // Published to the year only: nothing follows the title.
    expect(await cite('chicago-author-date', 'text', ['ai-summary'])).toBe('Summary Bot. 2025. “Harbour Facts at a Glance.”\n');
    // Neither author nor newspaper: the title leads, then the year, then the month.
    const anonymous: Source = { ...base.sourceById.get('coastline-ferry')!, id: 'anonymous', publisher: null, url: undefined, published: '2025-03' };
    expect(await renderCitations([anonymous], 'chicago-author-date', 'text')).toBe('“Ferry Crossings Double as Bridge Stays Shut.” 2025. March.\n');
    expect(await renderCitations([anonymous], 'chicago-author-date', 'html')).toBe(
      '<div class="csl-bib-body">\n  <div class="csl-entry">“Ferry Crossings Double as Bridge Stays Shut.” 2025. March.</div>\n</div>\n',
    );
  });

  it('Chicago notes, --note: the full note of a first citation, one per source in the order given', async () => {
    const notes = await renderNotes(selectSources(base, ['orchard-harvest', 'ledger-mill', 'coastline-ferry']).sources, 'chicago-notes', 'text');
    expect(notes).toBe(
      [
        'Lanfang Zhou, “Orchard Growers Count a Record Harvest,” Orchard Daily, n.d.',
        'Ana Ortiz and Ben Howard, “Mill Town Reopens Its Riverside Ledger Hall,” The Riverside Ledger, March 21, 2025, https://ledger.example/mill.',
        '“Ferry Crossings Double as Bridge Stays Shut,” Coastline Times, November 2024, https://coastline.example/ferry.',
      ].join('\n') + '\n',
    );
    expect(await renderNotes(selectSources(base, ['ledger-mill']).sources, 'chicago-notes', 'markdown')).toBe(
      'Ana Ortiz and Ben Howard, “Mill Town Reopens Its Riverside Ledger Hall,” *The Riverside Ledger*, March 21, 2025, <https://ledger.example/mill>.\n',
    );
    expect(await renderNotes(selectSources(base, ['orchard-harvest']).sources, 'chicago-notes', 'html')).toBe(
      '<ol class="zgc-notes">\n  <li>Lanfang Zhou, “Orchard Growers Count a Record Harvest,” <i>Orchard Daily</i>, n.d.</li>\n</ol>\n',
    );
  });

  it('Chicago notes-bibliography: bibliography entries, n.d. after the newspaper', async () => {
    expect(await cite('chicago-notes')).toBe(
      [
        'Coastline Times. “Ferry Crossings Double as Bridge Stays Shut.” November 2024. https://coastline.example/ferry.',
        'Ortiz, Ana, and Ben Howard. “Mill Town Reopens Its Riverside Ledger Hall.” The Riverside Ledger, March 21, 2025. https://ledger.example/mill.',
        'Zhou, Lanfang. “Orchard Growers Count a Record Harvest.” Orchard Daily, n.d.',
      ].join('\n') + '\n',
    );
  });

  it('Harvard (Cite Them Right): British quotes and dates, "Available at" and "Accessed", "no date"', async () => {
    expect(await cite('harvard')).toBe(
      [
        'Coastline Times (2024) ‘Ferry crossings double as bridge stays shut’, November. Available at: https://coastline.example/ferry.',
        'Ortiz, A. and Howard, B. (2025) ‘Mill town reopens its riverside ledger hall’, The Riverside Ledger, 21 March. Available at: https://ledger.example/mill (Accessed: 2 April 2025).',
        'Zhou, L. (no date) ‘Orchard growers count a record harvest’, Orchard Daily.',
      ].join('\n') + '\n',
    );
  });

  it('Vancouver: numbered in the order cited, [Internet] and [cited] for online copies', async () => {
    expect(await cite('vancouver')).toBe(
      [
        '1. Ortiz A, Howard B. Mill town reopens its riverside ledger hall. The Riverside Ledger [Internet]. 2025 Mar 21 [cited 2025 Apr 2]; Available from: https://ledger.example/mill',
        // The style sets ";" before a page number; with none, the entry ends at the date.
        '2. Ferry crossings double as bridge stays shut. Coastline Times [Internet]. 2024 Nov; Available from: https://coastline.example/ferry',
        '3. Zhou L. Orchard growers count a record harvest. Orchard Daily.',
      ].join('\n') + '\n',
    );
    expect(await cite('vancouver', 'text', ['orchard-harvest', 'ledger-mill'])).toMatch(/^1\. Zhou L\..*\n2\. Ortiz A, Howard B\./);
  });

  it('attribution: "the" where the name takes it, the date at its precision, none when unknown', async () => {
    expect(await cite('attribution')).toBe(
      ['according to the Coastline Times (November 2024)', 'according to the Riverside Ledger (March 21, 2025)', 'according to Orchard Daily'].join('\n') + '\n',
    );
  });
});

describe('citation formats', () => {
  it('HTML: the processor’s own markup, italics and links, & escaped', async () => {
    expect(await cite('apa', 'html')).toBe(
      [
        '<div class="csl-bib-body">',
        '  <div class="csl-entry">Ferry crossings double as bridge stays shut. (2024, November). <i>Coastline Times</i>. <a href="https://coastline.example/ferry">https://coastline.example/ferry</a></div>',
        '  <div class="csl-entry">Ortiz, A., &#38; Howard, B. (2025, March 21). Mill town reopens its riverside ledger hall. <i>The Riverside Ledger</i>. <a href="https://ledger.example/mill">https://ledger.example/mill</a></div>',
        '  <div class="csl-entry">Zhou, L. (n.d.). Orchard growers count a record harvest. <i>Orchard Daily</i>.</div>',
        '</div>',
      ].join('\n') + '\n',
    );
  });

  it('Markdown: *italics* where the style wants them, <links>, a paragraph per entry', async () => {
    expect(await cite('mla', 'markdown')).toBe(
      [
        '“Ferry Crossings Double as Bridge Stays Shut.” *Coastline Times*, Nov. 2024, <https://coastline.example/ferry>.',
        'Ortiz, Ana, and Ben Howard. “Mill Town Reopens Its Riverside Ledger Hall.” *The Riverside Ledger*, 21 Mar. 2025, <https://ledger.example/mill>.',
        'Zhou, Lanfang. “Orchard Growers Count a Record Harvest.” *Orchard Daily*.',
      ].join('\n\n') + '\n',
    );
  });

  it('Markdown escapes characters Markdown would read as markup', async () => {
    expect(await cite('vancouver', 'markdown', ['ledger-mill'])).toBe(
      '1. Ortiz A, Howard B. Mill town reopens its riverside ledger hall. The Riverside Ledger \\[Internet\\]. 2025 Mar 21 \\[cited 2025 Apr 2\\]; Available from: <https://ledger.example/mill>\n',
    );
  });

  it('HTML and Markdown attributions are escaped for their format', async () => {
    expect(await cite('attribution', 'html', ['ledger-mill'])).toBe('<ul class="zgc-attributions">\n  <li>according to the Riverside Ledger (March 21, 2025)</li>\n</ul>\n');
    expect(await cite('attribution', 'markdown', ['orchard-harvest', 'ledger-mill'])).toBe('according to the Riverside Ledger (March 21, 2025)\n\naccording to Orchard Daily\n');
  });
});
