/**
 * The HTML report's page, read as text (the browser tests open it): one
 * self-contained document whose policy allows its own stylesheet and script
 * only, every claim of the JSON result marked once, the notes' content, and
 * every piece of draft and fact text escaped.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../../helpers/io.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures/html');
const FACTS = path.join(FIXTURES, 'facts');
const HOSTILE_FACTS = path.join(FIXTURES, 'hostile-facts');

async function report(args: string[], facts = FACTS) {
  const r = await runZgc(['check', ...args, '--facts', facts, '--format', 'html'], { cwd: FIXTURES, env: { SOURCE_DATE_EPOCH: '1717416000' } });
  return r;
}

async function json(args: string[], facts = FACTS) {
  const r = await runZgc(['check', ...args, '--facts', facts, '--json'], { cwd: FIXTURES });
  return JSON.parse(r.stdout) as { claims: Array<{ line: number; column: number; text: string; verdict: string }> };
}

const between = (html: string, open: string, close: string) => {
  const start = html.indexOf(open);
  return html.slice(start + open.length, html.indexOf(close, start));
};

describe('zgc check --format html', () => {
  it('writes one self-contained page whose policy allows its own inline stylesheet and script and nothing else', async () => {
    const { stdout: html, code } = await report(['draft.md']);
    expect(code).toBe(1); // the draft holds a contradicted figure: the exit code is the check's
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${sha(between(html, '<style>', '</style>'))};`);
    expect(csp).toContain(`script-src ${sha(between(html, '<script>', '</script>'))};`);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    // Nothing to load: no link, image, frame, or address outside the page but the sources' own.
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/);
    expect(html).not.toMatch(/\sstyle="/);
    expect([...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]).filter((h) => !h!.startsWith('#'))).toEqual(expect.arrayContaining(['https://courier.example/kites']));
  });

  it('marks every claim of the JSON result once, at its place, in order', async () => {
    const { stdout: html } = await report(['draft.md']);
    const { claims } = await json(['draft.md']);
    expect(claims).toHaveLength(10);
    const marks = [...html.matchAll(/<mark class="claim v-(\w+)" id="claim-(\d+)"[^>]*>([^<]*)/g)].map((m) => ({ verdict: m[1], id: Number(m[2]), text: m[3] }));
    expect(marks).toEqual(claims.map((c, i) => ({ verdict: c.verdict, id: i + 1, text: c.text })));
    for (const m of marks) expect(html.match(new RegExp(`id="note-${m.id}"`, 'g'))).toHaveLength(1);
  });

  it('says in a contradicted claim\'s note the right figure, the fact, the words that tied it and the source in APA', async () => {
    const { stdout: html } = await report(['draft.md']);
    const note = between(html, 'id="note-3"', '</li></ul></li>');
    expect(note).toContain('The facts say <strong class="figure">1,800</strong>');
    expect(note).toContain('<code>kite-festival-kites-2024</code>: Kites flown at the 2024 Millbrook Kite Festival');
    expect(note).toMatch(/Tied to it by the words .*<q>kites<\/q>/);
    expect(note).toContain('Okoye, A. (2024, June 3). Kites fill the sky over Millbrook. <i>Millbrook Courier</i>. <a href="https://courier.example/kites"');
    expect(note).toContain('<blockquote class="quote">A total of 1,800 kites were flown over the three days.</blockquote>');
  });

  it('shows every version of a disputed figure, and the kind of source where it matters', async () => {
    const { stdout: html } = await report(['draft.md']);
    const disputed = between(html, 'id="note-5"', '</li></ul></li>');
    expect(disputed).toContain('The sources disagree:');
    expect(disputed).toMatch(/about 2\.5 million US dollars<\/strong> \(Millbrook Courier, 2024-06-03\): agrees with the draft/);
    expect(disputed).toMatch(/about 3 million US dollars<\/strong> \(Ridge Wire, 2024-06\): rules the draft’s figure out/);
    expect(disputed).toContain('<p class="caveat">Republication, via a regional aggregator</p>');
    const founded = between(html, 'id="note-8"', '</li></ul></li>');
    expect(founded).toContain('<p class="caveat">AI-generated</p>');
  });

  it('sums the verdicts and lists the contradicted and disputed claims in order, each linking to its mark', async () => {
    const { stdout: html } = await report(['draft.md']);
    const summary = between(html, '<section class="summary"', '</section>');
    expect(summary).toContain('10 claims: 4 supported, 2 contradicted, 1 disputed, 3 unsupported.');
    expect([...summary.matchAll(/href="#claim-(\d+)"/g)].map((m) => m[1])).toEqual(['3', '5', '8']);
    expect(summary).toMatch(/Contradicted<\/span> <a class="jump" href="#claim-3">“2,400 kites”<\/a> <span class="where">line 5<\/span>: the facts say 1,800/);
    const head = between(html, '<header class="report-head">', '</header>');
    expect(head).toContain('the facts in <code>facts</code> (5 facts)');
    expect(head).toContain('<time datetime="2024-06-03T12:00:00Z">2024-06-03 12:00 UTC</time>');
  });

  it('gives several drafts a section each, plain text by paragraph, numbering claims across the page', async () => {
    const { stdout: html } = await report(['draft.md', 'draft.txt']);
    expect(html.match(/<section class="draft"/g)).toHaveLength(2);
    const txt = between(html, '<h2 id="draft-2-title">draft.txt</h2>', '</section>');
    expect(txt).toMatch(/^<p class="draft-counts">3 claims: 2 supported, 0 contradicted, 1 disputed, 0 unsupported<\/p>/);
    expect(txt).toContain('<p>Millbrook notes</p>');
    expect(txt).toMatch(/<p>The Millbrook Kite Festival drew <mark class="claim v-supported" id="claim-11"[^>]*>40,000 visitors.*<\/mark>\.<br>\nIts festival budget was <mark class="claim v-disputed" id="claim-12"/);
    // A plain-text draft's Markdown signs are text: nothing is made emphasis.
    expect(txt).not.toContain('<em>');
  });

  it('marks only the verdicts asked for with --only, counting all', async () => {
    const { stdout: html } = await report(['draft.md', '--only', 'contradicted']);
    expect([...html.matchAll(/<mark class="claim v-(\w+)"/g)].map((m) => m[1])).toEqual(['contradicted', 'contradicted']);
    expect(html).toContain('10 claims: 4 supported, 2 contradicted, 1 disputed, 3 unsupported. 2 claims shown.');
  });

  it('renders citations in the style asked for, as zgc cite does', async () => {
    const { stdout: html } = await report(['draft.md', '--style', 'mla']);
    const cite = await runZgc(['cite', 'courier-kites', '--style', 'mla', '--format', 'html', '--facts', FACTS]);
    const entry = /<div class="csl-entry">(.*)<\/div>/.exec(cite.stdout)![1]!;
    expect(entry).toMatch(/^Okoye, Ada\. “Kites Fill the Sky over Millbrook\.” <i>Millbrook Courier<\/i>, 3 June 2024/);
    expect(html).toContain(entry.replace(/<a href="([^"]+)">/, '<a href="$1" rel="noopener noreferrer">'));
    expect(html).toContain('Citations: MLA 9th edition.');
    const wrong = await runZgc(['check', 'draft.md', '--style', 'bibtex', '--format', 'html', '--facts', FACTS], { cwd: FIXTURES });
    expect(wrong.code).toBe(2);
  });
});

describe('a hostile draft and a hostile fact base', () => {
  it('leave no element, attribute or address of their own in the page', async () => {
    const { stdout: html } = await report(['hostile.md'], HOSTILE_FACTS);
    // Every "<" of their text is escaped, so each tag left is the page's own: its names and attributes are zgc's.
    const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s[^>]*)?)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: [...m[2]!.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? '']) }));
    const PAGE = 'html head meta title style body div header h1 h2 h3 h4 h5 h6 p code time section ul ol li span strong q a dl dt dd main mark sup button blockquote i b em table thead tbody tr th td br pre script'.split(' ');
    expect(tags.map((t) => t.name).filter((n) => !PAGE.includes(n))).toEqual([]);
    const attributes = new Set(tags.flatMap((t) => t.attrs.map(([a]) => a)));
    expect([...attributes].filter((a) => /^on|^(src|style|autofocus|srcdoc|formaction|action)$/i.test(a!))).toEqual([]);
    const hrefs = tags.flatMap((t) => t.attrs.filter(([a]) => a === 'href').map(([, v]) => v));
    expect(hrefs.filter((h) => !/^(https?:\/\/|#claim-)/.test(h!))).toEqual([]);
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html.match(/<style\b/gi)).toHaveLength(1);
    // Their text is there, escaped.
    expect(html).toContain('&lt;script&gt;window.canary = \'heading\'&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;window.canary=&#39;quote&#39;&lt;/script&gt;');
    expect(html).toContain('Republication, via &lt;iframe src=&quot;javascript:window.canary=&#39;via&#39;&quot;&gt;&lt;/iframe&gt;');
  });

  it('neutralise bidirectional overrides and forged markers, written or as entities', async () => {
    const { stdout: html } = await report(['hostile.md'], HOSTILE_FACTS);
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069\ue000-\ue01f]/);
    expect(html).toContain('\\u202e<mark class="claim v-contradicted"');
    expect(html).toContain('\\u202ereversed\\u202c');
    expect(html).toContain('Wire \\u202eerutaef\\u202c');
    expect(html).toContain('\\ue000\\ue011\\ue001forged\\ue002');
    const { claims } = await json(['hostile.md'], HOSTILE_FACTS);
    expect(html.match(/<mark class="claim /g)).toHaveLength(claims.length);
  });
});
