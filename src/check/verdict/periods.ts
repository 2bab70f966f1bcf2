/**
 * When a claim is dated: the years and months its sentence and headings give
 * it, the months a fact's period covers, and whether the two fit; and the
 * years that only date a figure, a founding or the base of a change.
 */
import { HAN } from '../../search/han.js';
import type { Claim } from '../claims/claim.js';
import type { Extraction } from '../claims/extract.js';
import { chineseMonthsAt } from '../claims/chinese.js';
import { monthOf, quarterMonthsAt } from '../claims/numbers.js';
import { cellAt, tokensWithin } from '../draft/tokens.js';
import type { FactProfile } from '../align/fact-index.js';
import { CONTEXT_TOKENS, nearbyClaims } from '../align/context.js';

const TEMPORAL = new Set(['in', 'since', 'during', 'by', 'for', 'until', 'till', 'through', 'throughout', 'of', 'as']);
/** "up 8.3 percent on 2023", "compared with 2023": the year a change is measured from, not the year it is about. */
const BASE_YEAR = new Set(['on', 'from', 'over', 'than', 'versus', 'vs', 'with']);
const FOUNDING = /^(founded|established|launched|created|inaugurated|formed|set)$/;

export function datesAFigure(ex: Extraction, year: Claim): boolean {
  if (year.dimension !== 'year' || year.problem !== null || foundingYear(ex, year)) return false;
  const clause = ex.tokens[year.tokenStart]!.clause;
  const sentence = ex.sentences[year.sentence]!;
  const firstClause = ex.tokens[sentence.tokenStart]!.clause;
  // "In 2024, retail sales ...": a year in the sentence's first clause, after a word that dates, frames the sentence.
  const framing = clause === firstClause && year.before !== null && TEMPORAL.has(year.before);
  // "Port cargo 2023: +4.9%", "a record 2023, when sales rose 35%": a label's year, or one a clause of "when"
  // goes on from, dates the figures of the clause after it.
  let end = year.tokenEnd;
  while (end < sentence.tokenEnd && ex.tokens[end]!.clause === clause) end++;
  const mark = ex.tokens[end];
  const next = mark && mark.sentence === year.sentence && (mark.text === ':') ? mark.clause : -1;
  return nearbyClaims(ex, year).some((c) => {
    if (c === year || c.dimension === 'year' || c.dimension === 'date') return false;
    const at = ex.tokens[c.tokenStart]!.clause;
    return framing || sentence.isTableRow || at === clause || at === next;
  });
}

type Years = Array<[number, number]>;

/** Years and dates of a heading read for the claims under it: a heading of thousands of figures dates nothing more. */
const MAX_HEADING_CLAIMS = 16;

/**
 * Years the sentence dates the claim with. Strong: in the claim's clause, or
 * brought in by "in", "since", "during" in the sentence's first clause ("In
 * 2024, ..."). Weak: any other year of the sentence or its heading ("the 2025
 * Harbor Fair" three clauses away, "established in 2007" between commas).
 */
export function sentenceYears(ex: Extraction, claim: Claim): { strong: Years; weak: Years } {
  const clause = ex.tokens[claim.tokenStart]!.clause;
  const headings = ex.sentences[claim.sentence]!.headings;
  const strong: Years = [];
  const weak: Years = [];
  const near = [...nearbyClaims(ex, claim), ...headings.flatMap((h) => ex.claimsBySentence[h]!.slice(0, MAX_HEADING_CLAIMS))];
  for (const o of near) {
    if (o === claim || o.problem !== null) continue;
    let span: [number, number] | null = null;
    if (o.dimension === 'year' && o.value !== null) span = [o.value, o.high ?? o.value];
    else if (o.dimension === 'date' && o.date?.from.year) span = [o.date.from.year, o.date.to?.year ?? o.date.from.year];
    if (!span || foundingYear(ex, o)) continue;
    const sameClause = o.sentence === claim.sentence && (ex.tokens[o.tokenStart]!.clause === clause || ex.sentences[claim.sentence]!.isTableRow);
    const base = isBaseYear(ex, o);
    const framing = ex.tokens[o.tokenStart]!.clause === ex.tokens[ex.sentences[claim.sentence]!.tokenStart]!.clause && o.before !== null && TEMPORAL.has(o.before);
    if (o.sentence === claim.sentence && !base && (sameClause || framing)) strong.push(span);
    else weak.push(span);
  }
  // A year heading the cell's column ("| Indicator | 2024 |") dates the cell.
  const cell = ex.sentences[claim.sentence]!.isTableRow ? cellAt(ex.tableCells, claim.start) : undefined;
  if (cell) {
    for (const tok of tokensWithin(ex.tokens, cell.headerStart, cell.headerEnd)) {
      const y = /^\d{4}$/.test(tok.text) ? Number(tok.text) : NaN;
      if (y >= 1800 && y <= 2199) strong.push([y, y]);
    }
  }
  return { strong, weak };
}

/** Months the claim's clause names outside any date of its own ("rose 6.2% in December", "in the third quarter"): they date the figure. */
export function clauseMonths(ex: Extraction, claim: Claim): number[] {
  const clause = ex.tokens[claim.tokenStart]!.clause;
  const sentence = ex.sentences[claim.sentence]!;
  // "(Jan-Nov: +3.3%)": the label before a colon, back to a bracket or another colon, is the figure's clause too.
  let k0 = claim.tokenStart;
  while (k0 > sentence.tokenStart && ex.tokens[k0 - 1]!.start >= claim.start) k0--;
  let labelStart = k0;
  if (ex.tokens[k0 - 1]?.text === ':') {
    labelStart = k0 - 1;
    while (labelStart > Math.max(sentence.tokenStart, k0 - CONTEXT_TOKENS) && !/^[(\[:]$/.test(ex.tokens[labelStart - 1]!.text)) labelStart--;
  }
  const dates = nearbyClaims(ex, claim).filter((c) => c.dimension === 'date');
  const out: number[] = [];
  for (let k = Math.max(sentence.tokenStart, claim.tokenStart - CONTEXT_TOKENS); k < Math.min(sentence.tokenEnd, claim.tokenEnd + CONTEXT_TOKENS); k++) {
    const tok = ex.tokens[k]!;
    const inLabel = k >= labelStart && k < k0;
    if ((tok.clause !== clause && !inLabel) || dates.some((d) => tok.start >= d.start && tok.end <= d.end)) continue;
    const m = monthOf(ex.tokens, k);
    if (m !== undefined) {
      out.push(m);
      // "January to November", "Jan-Nov": every month between.
      const join = ex.tokens[k + 1];
      const to = join && (join.text === '-' || join.text === '–' || join.lower === 'to' || join.lower === 'through') ? monthOf(ex.tokens, k + 2) : undefined;
      for (let n = m + 1; to !== undefined && n < to; n++) out.push(n);
    }
    out.push(...(quarterMonthsAt(ex.tokens, k) ?? chineseMonthsAt(ex.tokens, k) ?? []));
  }
  return out;
}

/** Longest span a fact's period may have to be dated by a month (a quarter): a year's fact is dated by no month. */
const MONTH_SPAN_DAYS = 92;
/** What a fact about part of a year (a month, a quarter, January to November) keeps when the clause names no part. */
export const UNNAMED_SLICE = 0.8;

/** The months a period covers, or null for none (no period, or a whole year or more). */
function monthsOf(p: FactProfile): number[] | null {
  if (!p.period || p.period.precision === 'year') return null;
  const first = new Date(p.period.from * 86400000);
  const last = new Date(p.period.to * 86400000);
  const held: number[] = [];
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); (y < last.getUTCFullYear() || (y === last.getUTCFullYear() && m <= last.getUTCMonth())) && held.length < 12; ) {
    held.push(m + 1);
    if (++m === 12) {
      m = 0;
      y++;
    }
  }
  return held.length < 12 ? held : null;
}

/** A statistic's period of whole months within one year, short of it (a month, a quarter, January to November), not an event's days. */
export function slicesAYear(p: FactProfile): boolean {
  if (!p.period || p.period.precision === 'year' || !monthsOf(p)) return false;
  const from = new Date(p.period.from * 86400000);
  const to = new Date(p.period.to * 86400000);
  const after = new Date((p.period.to + 1) * 86400000);
  return from.getUTCDate() === 1 && after.getUTCDate() === 1 && from.getUTCFullYear() === to.getUTCFullYear();
}

/** A fact about a whole year or more: a month or quarter named beside a claim speaks of a part of it. */
export function spansYears(p: FactProfile): boolean {
  return p.period !== null && p.period !== undefined && monthsOf(p) === null;
}

/**
 * Whether months named beside a claim fit a fact's period: true when the fact is about one of them alone, false when
 * its period (a month or a quarter) holds none of them, undefined when months say nothing of it.
 */
export function monthsFit(p: FactProfile, months: readonly number[]): boolean | undefined {
  const held = months.length ? monthsOf(p) : null;
  if (!held) return undefined;
  // Months named whole ("January to November") fit a fact of just those months, whatever its length.
  if (held.length > 1 && held.length === months.length && held.every((m) => months.includes(m))) return true;
  if (p.period!.to - p.period!.from > MONTH_SPAN_DAYS) return undefined;
  if (!months.some((m) => held.includes(m))) return false;
  // About one of the months named, or about a quarter named whole.
  return held.length === 1 || held.every((m) => months.includes(m)) ? true : undefined;
}

export function conflicts(p: FactProfile, years: Years): boolean {
  if (!years.length || !p.periodYears) return false;
  const [a, b] = p.periodYears;
  return !years.some(([y0, y1]) => y0 <= b && y1 >= a);
}

/** "founded in 2007", "established in 2007": the year of a founding, which dates nothing else in the sentence. */
function foundingYear(ex: Extraction, year: Claim): boolean {
  let k = year.tokenStart - 1;
  while (k >= 0 && ex.tokens[k]!.end > year.start) k--;
  for (let j = k; j >= k - 2 && j >= 0; j--) if (FOUNDING.test(ex.tokens[j]!.lower)) return true;
  return false;
}

/** "on 2023", "from 2023", "than in 2023": the year a change is measured from. */
export function isBaseYear(ex: Extraction, year: Claim): boolean {
  // "1987年以来", "自1978年有统计数据以来": since a year, in Chinese, said after it, within its clause.
  if (year.dimension === 'year' && HAN.test(year.text) && sinceAfter(ex, year)) return true;
  if (year.before === null) return false;
  if (BASE_YEAR.has(year.before)) return true;
  let k = year.tokenStart - 1;
  while (k >= 0 && ex.tokens[k]!.end > year.start) k--;
  return year.before === 'in' && ex.tokens[k - 1]?.lower === 'than';
}

/** The year's clause says 以来 (since) after it, within a few words ("年以来" may be one of them). */
function sinceAfter(ex: Extraction, year: Claim): boolean {
  const clause = ex.tokens[year.tokenStart]!.clause;
  let words = '';
  for (let k = Math.max(year.tokenStart, year.tokenEnd - 1); k < Math.min(ex.tokens.length, year.tokenEnd + 8) && ex.tokens[k]!.clause === clause; k++) words += ex.tokens[k]!.text;
  return words.includes('以来');
}

/**
 * A wire story's dateline: "HARBOR CITY, March 31 (Harbor Wire) --", "新华社海港城3月31日电": a date after at most a place and an
 * agency's name at the start of a paragraph, followed by the agency in brackets, a dash or 电 (cabled).
 */
export function isDateline(ex: Extraction, date: Claim): boolean {
  const s = ex.sentences[date.sentence]!;
  let k = date.tokenStart;
  while (k > s.tokenStart && ex.tokens[k - 1]!.end > date.start) k--;
  if (k - s.tokenStart > 4) return false;
  for (let j = s.tokenStart; j < k; j++) {
    const t = ex.tokens[j]!;
    if (!(t.text === ',' || (t.kind === 'word' && (/^\p{Lu}[\p{Lu}\p{Ll}.-]*$/u.test(t.text) || HAN.test(t.text))))) return false;
  }
  const next = ex.tokens[date.tokenEnd];
  if (!next || next.sentence !== date.sentence) return false;
  return next.text === '(' || next.text === '—' || next.text === '–' || (next.text === '-' && ex.tokens[date.tokenEnd + 1]?.text === '-') || next.text.startsWith('电');
}

export function yearsText(years: Years): string {
  return years.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
}
