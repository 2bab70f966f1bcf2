/**
 * A claim's note in the report: its verdict, what the facts say (the right
 * figure, or every version of a disputed one), the fact's id and title, the
 * words that tied the figure to it, and each source's citation with the kind
 * of source where it matters and the sentences it gives. Also the marks' own
 * pieces: the verdict's sign and the focusable element that opens a note.
 */
import type { Verdict } from '../../check/verdict/verdicts.js';
import type { VersionJson } from '../check.js';
import { pageInline, pageText } from './escape.js';
import type { Report, ReportClaim } from './report.js';

/** Each verdict's sign (shown beside the figure, so colour is never the only cue), name and meaning. */
export const VERDICT_SIGNS: Record<Verdict, { sign: string; name: string; meaning: string }> = {
  supported: { sign: '\u2713', name: 'Supported', meaning: 'a fact gives this figure and every source agrees' },
  contradicted: { sign: '\u2717', name: 'Contradicted', meaning: 'the facts rule the figure out; the note gives the right one' },
  disputed: { sign: '!', name: 'Disputed', meaning: 'the sources disagree and some give this figure; the note shows every version' },
  unsupported: { sign: '?', name: 'Unsupported', meaning: 'no fact is surely about it, or the facts neither confirm nor rule it out' },
};

const OUTCOMES: Record<VersionJson['outcome'], string> = {
  supported: 'agrees with the draft',
  contradicted: 'rules the draft’s figure out',
  unsupported: 'neither confirms nor rules it out',
};

export function signHtml(verdict: Verdict): string {
  return `<span class="sign" aria-hidden="true">${VERDICT_SIGNS[verdict].sign}</span>`;
}

/** The verdict as a badge: its sign and its name. */
export function badgeHtml(verdict: Verdict): string {
  return `<span class="badge v-${verdict}">${signHtml(verdict)} ${VERDICT_SIGNS[verdict].name}</span>`;
}

/** Where a claim stands in its draft: "draft.md:4:30". */
export function whereText(c: ReportClaim): string {
  return `${c.file}:${c.line}:${c.column}`;
}

/** The accessible name of a claim's mark: what it says and its verdict. */
export function claimLabel(c: ReportClaim): string {
  return `“${c.text}”, ${c.verdict}; note ${c.id}`;
}

/** The first piece of a claim's mark, focusable, which opens its note. */
export function markOpen(c: ReportClaim): string {
  return `<mark class="claim v-${c.verdict}" id="claim-${c.id}" data-claim="${c.id}" tabindex="0" role="button" aria-expanded="false" aria-controls="note-${c.id}" aria-label="${pageInline(claimLabel(c))}">`;
}

export function markResume(c: ReportClaim): string {
  return `<mark class="claim-more v-${c.verdict}" data-claim="${c.id}">`;
}

export function markClose(c: ReportClaim, last: boolean): string {
  return last ? `${signHtml(c.verdict)}<sup class="ref" aria-hidden="true">${c.id}</sup></mark>` : '</mark>';
}

function sourceNames(ids: readonly string[], report: Report): string {
  return ids.map((id) => pageInline(report.sources.get(id)?.label ?? id)).join('; ');
}

/** What the facts say, as the note states it. */
function saysHtml(c: ReportClaim, report: Report): string {
  const parts: string[] = [];
  const note = c.note === null ? '' : `<p class="reason">${pageText(c.note.charAt(0).toUpperCase() + c.note.slice(1))}.</p>`;
  if (c.verdict === 'unsupported') parts.push(note || `<p class="reason">${c.fact ? 'The facts neither confirm nor rule it out.' : 'No fact covers it.'}</p>`);
  else parts.push(note);
  if (c.versions.length === 1) {
    const lead = c.verdict === 'unsupported' ? 'They say' : 'The facts say';
    parts.push(`<p class="says">${lead} <strong class="figure">${pageInline(c.versions[0]!.text)}</strong>.</p>`);
  } else if (c.versions.length > 1) {
    const lead = c.verdict === 'disputed' ? 'The sources disagree:' : 'The sources say:';
    const items = c.versions.map((v) => `<li><strong class="figure">${pageInline(v.text)}</strong> (${sourceNames(v.sources, report)}): ${OUTCOMES[v.outcome]}</li>`);
    parts.push(`<p class="says">${lead}</p><ul class="versions">${items.join('')}</ul>`);
  }
  return parts.join('');
}

function factHtml(c: ReportClaim, report: Report): string {
  if (c.fact === null) return '';
  const title = report.factTitles.get(c.fact);
  const why = c.words.length ? `<p class="why">Tied to it by the words ${c.words.map((w) => `<q>${pageInline(w)}</q>`).join(', ')}.</p>` : '';
  return `<p class="fact">Fact <code>${pageInline(c.fact)}</code>${title === undefined ? '' : `: ${pageInline(title)}`}</p>${why}`;
}

function sourcesHtml(c: ReportClaim, report: Report): string {
  if (!c.sources.length) return '';
  const items = c.sources.map((s) => {
    const known = report.sources.get(s.id);
    const caveat = known?.caveat ?? null;
    const quotes = s.quotes.map((q) => `<blockquote class="quote">${pageText(q)}</blockquote>`).join('');
    const citation = known?.citation || `<div class="csl-entry">${pageInline(s.title ?? s.id)}</div>`;
    return `<li class="source">${citation}${caveat ? `<p class="caveat">${pageInline(caveat.charAt(0).toUpperCase() + caveat.slice(1))}</p>` : ''}${quotes}</li>`;
  });
  return `<p class="sources-head">${c.sources.length === 1 ? 'Source' : 'Sources'}</p><ul class="sources">${items.join('')}</ul>`;
}

/** A claim's note: hidden on screen until its mark is clicked or focused; printed as a footnote. */
export function noteHtml(c: ReportClaim, report: Report): string {
  return (
    `<li class="note v-${c.verdict}" id="note-${c.id}" value="${c.id}" aria-label="Note ${c.id}">` +
    `<div class="note-head">${badgeHtml(c.verdict)} <q class="claim-text">${pageInline(c.text)}</q> <span class="where">${pageInline(whereText(c))}</span>` +
    `<button type="button" class="note-close" aria-label="Close note ${c.id}">\u00d7</button></div>` +
    saysHtml(c, report) +
    factHtml(c, report) +
    sourcesHtml(c, report) +
    '</li>'
  );
}

/** The notes of some claims, as a list standing after the block that holds them. */
export function notesListHtml(claims: readonly ReportClaim[], report: Report): string {
  if (!claims.length) return '';
  return `<ol class="notes">${claims.map((c) => noteHtml(c, report)).join('')}</ol>\n`;
}
