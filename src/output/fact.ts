/**
 * A fact as the stat command shows it: a card for people (value first, then the
 * statement, then every source with its quote), tab-separated key/value lines
 * for pipes, and the documented JSON object for scripts.
 */
import type { Fact, FactBase, Source } from '../facts/types.js';
import { isDisputed, versionsOf, citedFigure } from '../facts/versions.js';
import type { Lookup, Missed, Scored } from '../search/find.js';
import { shortCitation, sourceCaveat } from '../cite/short.js';
import { describeFigure } from './figure.js';
import { visibleInline } from './sanitize.js';
import type { Style } from './style.js';

export interface SourceJson {
  id: string;
  title: string | null;
  publisher: string | null;
  author: string[];
  published: string | null;
  kind: string | null;
  url: string | null;
  quote: string;
  value: number | null;
  unit: string | null;
  display: string | null;
  bound: string | null;
}

export interface FactJson {
  id: string;
  title: string;
  statement: string;
  value: number | null;
  unit: string | null;
  display: string | null;
  bound: string | null;
  period: string | null;
  subject: string | null;
  aliases: string[];
  tags: string[];
  notes: string | null;
  disputed: boolean;
  sources: SourceJson[];
}

export function factJson(fact: Fact, base: FactBase): FactJson {
  return {
    id: fact.id,
    title: fact.title,
    statement: fact.statement,
    value: fact.value ?? null,
    unit: fact.unit ?? null,
    display: fact.display ?? null,
    bound: fact.bound ?? null,
    period: fact.period ?? null,
    subject: fact.subject ?? null,
    aliases: fact.aliases,
    tags: fact.tags,
    notes: fact.notes ?? null,
    disputed: isDisputed(fact),
    sources: fact.sources.map((c) => {
      const s = base.sourceById.get(c.source);
      const fig = citedFigure(fact, c);
      return {
        id: c.source,
        title: s?.title ?? null,
        publisher: s?.publisher ?? null,
        author: s?.author ?? [],
        published: s?.published ?? null,
        kind: s?.kind ?? null,
        url: s?.url ?? null,
        quote: c.quote,
        value: fig.value ?? null,
        unit: fig.unit ?? null,
        display: fig.display ?? null,
        bound: fig.bound ?? null,
      };
    }),
  };
}

const scoredJson = (r: Scored) => ({ id: r.fact.id, title: r.fact.title, period: r.fact.period ?? null, score: r.score });

export function lookupJson(result: Lookup, base: FactBase): object {
  if (result.fact === null) {
    return {
      query: result.query,
      fact: null,
      reason: result.reason,
      ambiguous: result.reason === 'ambiguous',
      period: result.period ?? null,
      subject: result.subject ?? null,
      suggestions: result.suggestions.map(scoredJson),
    };
  }
  return {
    query: result.query,
    match: result.match,
    score: result.score,
    fact: factJson(result.fact, base),
    alternatives: result.alternatives.map(scoredJson),
  };
}

function sourceLine(s: Source | undefined, id: string, style: Style): string {
  if (!s) return style.bad(`unknown source ${visibleInline(id)}`);
  const caveat = sourceCaveat(s);
  return visibleInline(shortCitation(s)) + (caveat ? ' ' + style.warn(`[${caveat}]`) : '');
}

/** The card a person reads in a terminal. */
export function renderFactCard(result: Lookup & { fact: Fact }, base: FactBase, style: Style): string {
  const { fact } = result;
  const out: string[] = [];
  out.push(`${style.id(visibleInline(fact.id))}  ${style.heading(visibleInline(fact.title))}`);
  const versions = versionsOf(fact);
  const period = fact.period ? style.dim(` (${visibleInline(fact.period)})`) : '';
  let n = 0;
  const cite = (sourceId: string, indent: string) => {
    const c = fact.sources.find((x) => x.source === sourceId)!;
    n++;
    out.push(`${indent}[${n}] ${sourceLine(base.sourceById.get(sourceId), sourceId, style)}`);
    out.push(`${indent}    ${style.dim('“' + visibleInline(c.quote) + '”')}`);
    if (c.notes) out.push(`${indent}    ${style.dim('note: ' + visibleInline(c.notes))}`);
  };
  if (versions.length > 1) {
    out.push(`  ${visibleInline(fact.statement)}`);
    out.push('');
    out.push('  ' + style.warn(`⚠ sources disagree (${versions.length} versions)`));
    for (const v of versions) {
      out.push(`  ${style.value(visibleInline(describeFigure(v) ?? '(no figure)'))}${period}`);
      for (const id of v.sources) cite(id, '    ');
    }
  } else {
    const figure = describeFigure(versions[0] ?? fact);
    if (figure) out.push(`  ${style.value(visibleInline(figure))}${period}`);
    else if (fact.period) out.push(`  ${style.dim(visibleInline(fact.period))}`);
    out.push(`  ${visibleInline(fact.statement)}`);
    out.push('');
    out.push(`  ${style.heading(fact.sources.length === 1 ? 'Source' : 'Sources')}`);
    for (const c of fact.sources) cite(c.source, '  ');
  }
  if (fact.notes) {
    out.push('');
    out.push(`  ${style.dim('Note: ' + visibleInline(fact.notes))}`);
  }
  if (result.alternatives.length) {
    out.push('');
    out.push(`  ${style.dim('Also close: ' + result.alternatives.map((a) => `${visibleInline(a.fact.id)} (${visibleInline(a.fact.title)})`).join(', '))}`);
  }
  return out.join('\n') + '\n';
}

/** A disputed fact has no one value: every version is given with its sources. */
function plainValue(fact: Fact): string {
  const versions = versionsOf(fact);
  if (versions.length <= 1) return describeFigure(versions[0] ?? fact) ?? '';
  return 'sources disagree: ' + versions.map((v) => `${describeFigure(v) ?? '(no figure)'} (${v.sources.join(', ')})`).join('; ');
}

/** Key<TAB>value lines for pipes: `zgc stat x | grep ^value | cut -f2`. */
export function renderFactPlain(result: Lookup & { fact: Fact }, base: FactBase): string {
  const { fact } = result;
  const rows: string[][] = [
    ['id', fact.id],
    ['title', fact.title],
    ['value', plainValue(fact)],
    ['period', fact.period ?? ''],
    ['statement', fact.statement],
    ['disputed', isDisputed(fact) ? 'yes' : 'no'],
  ];
  for (const c of fact.sources) {
    const s = base.sourceById.get(c.source);
    rows.push(['source', c.source, describeFigure(citedFigure(fact, c)) ?? '', s ? shortCitation(s) : '', c.quote]);
  }
  for (const a of result.alternatives) rows.push(['alternative', a.fact.id, a.fact.title]);
  return rows.map((r) => r.map(visibleInline).join('\t')).join('\n') + '\n';
}

/** "; did you mean: a (title), b (title)?" for an unknown id, or nothing when no id is close. */
export function didYouMean(suggestions: readonly { id: string; title: string }[]): string {
  if (!suggestions.length) return '';
  return `; did you mean: ${suggestions.map((s) => `${visibleInline(s.id)} (${visibleInline(s.title)})`).join(', ')}?`;
}

/** A suggested fact as a miss names it: its id, title and period. */
function suggestion(s: Scored): string {
  const { id, title, period } = s.fact;
  return `${visibleInline(id)} (${visibleInline(title)}${period ? `, ${visibleInline(period)}` : ''})`;
}

/** The one line saying why a query has no answer, with the nearest facts (or the tied ones). */
export function renderMiss(miss: Pick<Missed, 'query' | 'suggestions'> & Partial<Pick<Missed, 'reason' | 'period' | 'subject'>>): string {
  const q = visibleInline(miss.query);
  const list = miss.suggestions.map(suggestion).join(', ');
  if (miss.reason === 'ambiguous') return `"${q}" fits several facts alike: ${list}; name one by id, or add a word or year that tells them apart\n`;
  const head =
    miss.reason === 'period' && miss.period
      ? `no fact for ${visibleInline(miss.period)} matches "${q}"`
      : miss.reason === 'subject' && miss.subject
        ? `no fact about ${visibleInline(miss.subject)} matches "${q}"`
        : `no fact matches "${q}"`;
  return list ? `${head}; nearest: ${list}\n` : `${head}\n`;
}

