/**
 * What `zgc check` prints: one compiler-style line per claim
 * (`draft.md:4:24 contradicted: "138 events": the facts say 128 (zgc-2025-events;
 * Global Times, 2025-03-21)`) and a summary line; a table; or the documented
 * JSON object.
 */
import type { FactBase, Source } from '../facts/types.js';
import type { CheckedClaim, Expected, Verdict } from '../check/verdict/check.js';
import { VERDICTS } from '../check/verdict/verdicts.js';
import { jsonDocument, jsonLines } from './json.js';
import { visibleInline } from './sanitize.js';
import type { Style } from './style.js';
import { periodText } from './dates.js';
import { DEFAULT_WIDTH } from './layout.js';
import { renderTable, type TableCell } from './table.js';
import { bySource } from './citations.js';

export { periodText };

export interface CheckedFile {
  /** The name the user gave ("<stdin>" for standard input). */
  file: string;
  results: CheckedClaim[];
}

export type Counts = Record<Verdict, number> & { claims: number; files: number };

export function countVerdicts(files: CheckedFile[]): Counts {
  const counts: Counts = { files: files.length, claims: 0, supported: 0, contradicted: 0, disputed: 0, unsupported: 0 };
  for (const f of files) {
    for (const r of f.results) {
      counts.claims++;
      counts[r.verdict]++;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------
// Figures and citations as a person reads them

const BOUND_WORDS: Record<string, string> = { exact: '', about: 'about', 'more-than': 'more than', 'at-least': 'at least', nearly: 'nearly', 'at-most': 'at most', 'less-than': 'less than' };
const SCALE_NAMES: Record<number, string> = { 1e3: 'thousand', 1e6: 'million', 1e9: 'billion', 1e12: 'trillion' };
const CURRENCY_NAMES: Record<string, string> = { CNY: 'yuan', USD: 'US dollars', EUR: 'euros', GBP: 'pounds', JPY: 'yen', HKD: 'Hong Kong dollars' };

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

/** "29700.5" as "29,700.5": written by hand, since Intl's first use costs tens of milliseconds. */
function grouped(n: number, decimals: number): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  return (n < 0 ? '-' : '') + int!.replace(/\B(?=(\d{3})+$)/g, ',') + (frac ? `.${frac}` : '');
}

/** A number at the scale and precision the fact's own display uses: 3.6e12 in trillions is "3.6 trillion". */
function scaledNumber(value: number, scale: number, place: number): string {
  const scaled = value / scale;
  const decimals = Math.max(0, Math.min(10, Math.round(-Math.log10(place / scale))));
  const text = grouped(scaled, decimals);
  return SCALE_NAMES[scale] ? `${text} ${SCALE_NAMES[scale]}` : text;
}

/** The facts' figure, short: "128", "more than 1,000", "3.6 trillion yuan", "up 8.3 percent", "11th". */
export function figureText(e: Expected): string {
  if (e.period !== null && e.value === null) return periodText(e.period);
  if (e.value === null) return e.display ?? '(no figure)';
  const bound = e.bound ? BOUND_WORDS[e.bound] ?? '' : '';
  let text: string;
  if (e.unit === 'rank') text = ordinal(e.value);
  else if (e.unit === 'year' && e.value >= 1000) text = String(e.value);
  else {
    const n = scaledNumber(Math.abs(e.value), e.scale, e.place);
    const sign = e.value < 0 && !e.growth ? '-' : '';
    if (e.unit === 'percent') text = `${sign}${n} percent`;
    else if (e.unit === 'percentage-point') text = `${sign}${n} percentage points`;
    else if (e.unit && /^[A-Z]{3}$/.test(e.unit)) text = `${sign}${n} ${CURRENCY_NAMES[e.unit] ?? e.unit}`;
    else if (e.unit === 'year') text = `${sign}${n} ${e.value === 1 ? 'year' : 'years'}`;
    else text = `${sign}${n}`;
    if (e.growth) text = `${e.value < 0 ? 'down' : 'up'} ${text}`;
  }
  return bound ? `${bound} ${text}` : text;
}

/** "Global Times, 2025-03-21"; a source with no publisher is named by its title; AI-generated pages say so. */
export function sourceLabel(s: Source | undefined, id: string): string {
  if (!s) return id;
  const name = s.publisher ?? `“${s.title}”`;
  return `${name}, ${s.published ?? 'n.d.'}${s.kind === 'ai-generated' ? ' [AI-generated]' : ''}`;
}

function sourcesText(ids: string[], base: FactBase): string {
  return [...new Set(ids)].map((id) => visibleInline(sourceLabel(base.sourceById.get(id), id))).join('; ');
}

function versionsText(expected: Expected[], base: FactBase): string {
  return expected.map((e) => `${visibleInline(figureText(e))} (${sourcesText(e.sources, base)})`).join('; ');
}

/** What follows the verdict on a claim's line. */
function explanation(r: CheckedClaim, base: FactBase, style: Style): string {
  const id = r.fact ? style.id(visibleInline(r.fact.id)) : '';
  const allSources = r.expected.flatMap((e) => e.sources);
  const withFact = (inner: string) => (r.fact ? `${id}; ${inner}` : inner);
  switch (r.verdict) {
    case 'supported':
      return r.fact ? ` (${withFact(sourcesText(allSources.length ? allSources : r.fact.sources.map((c) => c.source), base))})` : '';
    case 'contradicted':
      if (r.expected.length === 1) return `: the facts say ${style.value(visibleInline(figureText(r.expected[0]!)))} (${withFact(sourcesText(allSources, base))})`;
      return `: the sources say ${versionsText(r.expected, base)} (${id})`;
    case 'disputed':
      return `: the sources disagree: ${versionsText(r.expected, base)} (${id})`;
    case 'unsupported': {
      const note = r.note ? visibleInline(r.note) : null;
      if (r.fact && r.expected.length) {
        const say = r.expected.length === 1 ? `they say ${visibleInline(figureText(r.expected[0]!))} (${withFact(sourcesText(allSources, base))})` : `the sources say ${versionsText(r.expected, base)} (${id})`;
        return `: ${note ?? 'the facts neither confirm nor rule it out'}; ${say}`;
      }
      return `: ${note ?? 'no fact covers it'}`;
    }
  }
}

function verdictWord(v: Verdict, style: Style): string {
  switch (v) {
    case 'supported':
      return style.good(v);
    case 'contradicted':
      return style.bad(v);
    case 'disputed':
      return style.warn(v);
    case 'unsupported':
      return style.dim(v);
  }
}

export function summaryLine(counts: Counts, style: Style): string {
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const where = counts.files === 1 ? '' : `${n(counts.files, 'file')}, `;
  const parts = VERDICTS.map((v) => {
    const text = `${counts[v]} ${v}`;
    return counts[v] > 0 ? verdictWord(v, style).replace(v, text) : text;
  });
  return `${where}${n(counts.claims, 'claim')}: ${parts.join(', ')}\n`;
}

/** One line per claim, like a compiler's diagnostics, then the summary. */
export function renderCheckLines(files: CheckedFile[], base: FactBase, style: Style, shown: (r: CheckedClaim) => boolean): string {
  const out: string[] = [];
  for (const f of files) {
    for (const r of f.results) {
      if (!shown(r)) continue;
      const c = r.claim;
      out.push(`${visibleInline(f.file)}:${c.line}:${c.col} ${verdictWord(r.verdict, style)}: "${visibleInline(c.text)}"${explanation(r, base, style)}\n`);
    }
  }
  out.push(summaryLine(countVerdicts(files), style));
  return out.join('');
}

/** The claims as a table sized to `width` columns, then the summary. */
export async function renderCheckTable(files: CheckedFile[], base: FactBase, style: Style, shown: (r: CheckedClaim) => boolean, width: number = DEFAULT_WIDTH): Promise<string> {
  const rows = files.flatMap((f) => f.results.filter(shown).map((r) => ({ f, r })));
  let table = '';
  if (rows.length) {
    const cells: TableCell[][] = rows.map(({ f, r }) => {
      const says = r.expected.length ? r.expected.map((e) => visibleInline(figureText(e))).join(' / ') : visibleInline(r.note ?? '');
      return [
        { text: `${visibleInline(f.file)}:${r.claim.line}:${r.claim.col}` },
        { text: r.verdict, paint: (s) => verdictWord(r.verdict, style).replace(r.verdict, s) },
        { text: visibleInline(r.claim.text) },
        { text: says },
        { text: r.fact ? visibleInline(r.fact.id) : '', paint: style.id },
        { text: sourcesText(r.expected.flatMap((e) => e.sources), base) },
      ];
    });
    const columns = [{ header: 'where', min: 12 }, { header: 'verdict', min: 12 }, { header: 'claim', weight: 1.5 }, { header: 'the facts say', weight: 1.5 }, { header: 'fact', minShare: 0.15 }, { header: 'sources', weight: 1.2 }];
    table = await renderTable(columns, cells, width, style.heading);
  }
  return table + summaryLine(countVerdicts(files), style);
}

// ---------------------------------------------------------------------------
// JSON

export interface FigureJson {
  value: number | null;
  unit: string | null;
  bound: string | null;
  display: string | null;
  period: string | null;
  /** The figure as zgc prints it: "more than 1,000", "3.6 trillion yuan". */
  text: string;
}

export interface VersionJson extends FigureJson {
  sources: string[];
  /** This version against the draft's figure. */
  outcome: 'supported' | 'contradicted' | 'unsupported';
}

export interface SourceJson {
  id: string;
  publisher: string | null;
  title: string | null;
  published: string | null;
  kind: string | null;
  url: string | null;
  /** The first of `quotes`, kept for scripts written before a source could give several. */
  quote: string | null;
  /** Every sentence this source gives for the fact, in the fact's order. */
  quotes: string[];
}

export interface ClaimJson {
  file: string;
  line: number;
  column: number;
  text: string;
  number: {
    kind: string;
    value: number | null;
    high: number | null;
    unit: string | null;
    bound: string;
    change: 'up' | 'down' | null;
    date: { from: string; to: string | null } | null;
  };
  verdict: Verdict;
  fact: string | null;
  expected: FigureJson | null;
  versions: VersionJson[];
  sources: SourceJson[];
  note: string | null;
}

function figureJson(e: Expected): FigureJson {
  return { value: e.value, unit: e.unit, bound: e.bound, display: e.display, period: e.period, text: figureText(e) };
}

function dayText(d: { year: number | null; month: number; day: number | null }): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = d.day === null ? '' : `-${String(d.day).padStart(2, '0')}`;
  return `${d.year === null ? '--' : d.year}-${mm}${dd}`;
}

export function claimJson(file: string, r: CheckedClaim, base: FactBase): ClaimJson {
  const c = r.claim;
  const ids = [...new Set(r.expected.flatMap((e) => e.sources))];
  // Each source once, with every quote it gives for the fact: a fact citing one article for two sentences has two.
  const groups = r.fact ? bySource(r.fact.sources) : [];
  const sources: SourceJson[] = ids.map((id) => {
    const s = base.sourceById.get(id);
    const quotes = groups.find((g) => g.source === id)?.citations.map((c) => c.quote) ?? [];
    return { id, publisher: s?.publisher ?? null, title: s?.title ?? null, published: s?.published ?? null, kind: s?.kind ?? null, url: s?.url ?? null, quote: quotes[0] ?? null, quotes };
  });
  return {
    file,
    line: c.line,
    column: c.col,
    text: c.text,
    number: {
      kind: c.dimension,
      value: c.value,
      high: c.high,
      unit: c.unit,
      bound: c.bound,
      change: c.change,
      date: c.date ? { from: dayText(c.date.from), to: c.date.to ? dayText(c.date.to) : null } : null,
    },
    verdict: r.verdict,
    fact: r.fact?.id ?? null,
    expected: r.expected.length === 1 ? figureJson(r.expected[0]!) : null,
    versions: r.expected.map((e) => ({ ...figureJson(e), sources: e.sources, outcome: e.outcome })),
    sources,
    note: r.note,
  };
}

export function renderCheckJson(files: CheckedFile[], base: FactBase, shown: (r: CheckedClaim) => boolean): string {
  const counts = countVerdicts(files);
  return jsonDocument({
    claims: files.flatMap((f) => f.results.filter(shown).map((r) => claimJson(f.file, r, base))),
    summary: counts,
  });
}

export function renderCheckNdjson(files: CheckedFile[], base: FactBase, shown: (r: CheckedClaim) => boolean): string {
  return jsonLines(files.flatMap((f) => f.results.filter(shown).map((r) => claimJson(f.file, r, base))));
}
