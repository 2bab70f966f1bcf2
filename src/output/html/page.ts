/**
 * `zgc check --format html`: one self-contained page. Its stylesheet and
 * script are inline, allowed by hash in a Content-Security-Policy that lets
 * the page load nothing else (no network, no image, no frame, no form). A
 * summary panel counts the verdicts, lists the contradicted and disputed
 * claims in order with a link to each, names the facts directory, how many
 * facts it holds and when the check ran; a legend says what each mark means.
 * Then each draft in a section of its own, rendered as its readers see it
 * (draft.ts), every claim marked where it stands.
 */
import type { Verdict } from '../../check/verdict/verdicts.js';
import { VERDICTS } from '../../check/verdict/verdicts.js';
import { STYLE_TITLES } from '../../cite/styles.js';
import type { Counts } from '../check.js';
import { escapeHtml, pageInline } from './escape.js';
import { renderDraft } from './draft.js';
import { badgeHtml, markClose, markOpen, notesListHtml, VERDICT_SIGNS, whereText } from './notes.js';
import type { Report, ReportClaim, ReportDraft } from './report.js';

export { buildReport, type Report, type ReportFile } from './report.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function countsText(counts: Counts): string {
  return `${plural(counts.claims, 'claim')}: ${VERDICTS.map((v) => `${counts[v]} ${v}`).join(', ')}`;
}

/** "2025-03-21 10:22 UTC", with the exact time for machines. */
function timeHtml(at: Date): string {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC</time>`;
}

/** What the summary says of a claim it lists: the right figure, or the versions. */
function shortSays(c: ReportClaim): string {
  if (c.verdict === 'contradicted' && c.versions.length === 1) return `the facts say ${pageInline(c.versions[0]!.text)}`;
  if (c.versions.length) return `the sources say ${c.versions.map((v) => pageInline(v.text)).join('; ')}`;
  return '';
}

function summaryHtml(report: Report): string {
  const counts = VERDICTS.map((v) => `<li>${badgeHtml(v)} <strong>${report.counts[v]}</strong></li>`).join('');
  const listed = report.drafts.flatMap((d) => d.claims).filter((c) => c.verdict === 'contradicted' || c.verdict === 'disputed');
  const problems = listed.length
    ? `<ol class="problems">${listed
        .map((c) => {
          const says = shortSays(c);
          // With one draft, its name is in the heading: the line and column say enough.
          const where = report.drafts.length === 1 ? `line ${c.line}` : `${c.file}, line ${c.line}`;
          return `<li>${badgeHtml(c.verdict)} <a class="jump" href="#claim-${c.id}">“${pageInline(c.text)}”</a> <span class="where">${pageInline(where)}</span>${says ? `: ${says}` : ''}</li>`;
        })
        .join('')}</ol>`
    : '<p>None.</p>';
  const legend = VERDICTS.map((v: Verdict) => {
    const s = VERDICT_SIGNS[v];
    return `<dt><span class="sample v-${v}">128<span class="sign" aria-hidden="true">${s.sign}</span></span></dt><dd><strong>${s.name}</strong>: ${escapeHtml(s.meaning)}</dd>`;
  }).join('');
  const shown = report.drafts.reduce((n, d) => n + d.claims.length, 0);
  return (
    '<section class="summary" aria-labelledby="summary-title"><div class="summary-main">' +
    '<h2 id="summary-title">Summary</h2>' +
    `<p>${escapeHtml(countsText(report.counts))}${report.counts.files > 1 ? ` in ${report.counts.files} drafts` : ''}.${shown < report.counts.claims ? ` ${plural(shown, 'claim')} shown.` : ''}</p>` +
    `<ul class="counts" aria-label="Claims by verdict">${counts}</ul>` +
    `<h3>Contradicted and disputed claims</h3>${problems}</div>` +
    `<div class="summary-legend"><h3>Legend</h3><dl class="legend">${legend}</dl>` +
    '<p class="hint">Click a marked figure, or reach it with the Tab key, to open its note: what the facts say, the fact, and its sources.</p>' +
    '</div></section>'
  );
}

async function draftHtml(draft: ReportDraft, index: number, report: Report): Promise<string> {
  const { html, unplaced } = await renderDraft(draft, report);
  const id = `draft-${index + 1}`;
  // A claim whose text could not be found where zgc check says it stands is still shown, with its note, below the draft.
  const apart = unplaced.length
    ? `<div class="unplaced"><h3>Claims not marked in the text above</h3><p>${unplaced.map((c) => `${markOpen(c)}${pageInline(c.text)}${markClose(c, true)} <span class="where">${pageInline(whereText(c))}</span>`).join('<br>\n')}</p>${notesListHtml(unplaced, report)}</div>`
    : '';
  return `<section class="draft" id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${pageInline(draft.file)}</h2><p class="draft-counts">${escapeHtml(countsText(draft.counts))}</p><div class="body">\n${html}</div>${apart}</section>\n`;
}

export async function renderCheckHtml(report: Report): Promise<string> {
  const [{ STYLE, SCRIPT }, { createHash }] = await Promise.all([import('./assets.js'), import('node:crypto')]);
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  const sections: string[] = [];
  for (const [i, d] of report.drafts.entries()) sections.push(await draftHtml(d, i, report));
  const names = report.drafts.map((d) => d.file).join(', ');
  const drafts = report.drafts.length === 1 ? `<code>${pageInline(report.drafts[0]!.file)}</code>` : plural(report.drafts.length, 'draft');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n' +
    `<meta name="generator" content="zgc ${escapeHtml(report.version)}">\n` +
    `<title>Fact-check: ${pageInline(names)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<div class="page">\n` +
    `<header class="report-head"><h1>Fact-check report</h1><p class="meta">${drafts} checked against the facts in <code>${pageInline(report.factsDir)}</code> (${plural(report.factCount, 'fact')}) at ${timeHtml(report.checkedAt)}. Citations: ${escapeHtml(STYLE_TITLES[report.style])}.</p></header>\n` +
    summaryHtml(report) +
    '\n<main>\n' +
    sections.join('') +
    `</main>\n<p class="footer">Made by zgc ${escapeHtml(report.version)} (zgc check --format html).</p>\n</div>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
