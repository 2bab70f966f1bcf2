/**
 * A fact as the stat command shows it: a card for people (value first, then the
 * statement, then every source with its quote), tab-separated key/value lines
 * for pipes, and the documented JSON object for scripts.
 */
import type { Fact, FactBase, Source } from '../facts/types.js';
import { isDisputed, versionsOf, citedFigure } from '../facts/versions.js';
import { bySource, disputedText, versionGroups, type SourceGroup } from './citations.js';
import { periodText } from './dates.js';
import { DEFAULT_WIDTH, hanging, visibleWidth } from './layout.js';
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

function sourceLine(s: Source | undefined, id: string): { text: string; caveat: string | null } {
  if (!s) return { text: `unknown source ${visibleInline(id)}`, caveat: null };
  return { text: visibleInline(shortCitation(s, { longDates: true })), caveat: sourceCaveat(s) };
}

/**
 * The card a person reads in a terminal, wrapped to `width` columns with a
 * hanging indent. Each source is listed once, numbered, with every quote it
 * gives for the fact (each citation its own).
 */
export function renderFactCard(result: Lookup & { fact: Fact }, base: FactBase, style: Style, width: number = DEFAULT_WIDTH): string {
  const { fact } = result;
  const out: string[] = [];
  const push = (first: string, rest: string, text: string, paint?: (s: string) => string) => out.push(...hanging(first, rest, text, width, paint));
  const idText = visibleInline(fact.id);
  const titleLines = hanging('', '', visibleInline(fact.title), width - visibleWidth(idText) - 2);
  out.push(`${style.id(idText)}  ${style.heading(titleLines[0]!)}`);
  for (const l of titleLines.slice(1)) out.push(`${' '.repeat(visibleWidth(idText) + 2)}${style.heading(l)}`);
  const groups = versionGroups(fact);
  const period = fact.period ? periodText(visibleInline(fact.period)) : null;
  const numbers = new Map<string, number>();
  const cite = (g: SourceGroup, indent: string) => {
    let n = numbers.get(g.source);
    const again = n !== undefined;
    if (n === undefined) numbers.set(g.source, (n = numbers.size + 1));
    const mark = `[${n}] `;
    const body = indent + ' '.repeat(mark.length);
    const line = sourceLine(base.sourceById.get(g.source), g.source);
    if (again) {
      out.push(`${indent}${mark}${style.dim('(as above)')}`);
    } else {
      const caveat = line.caveat ? `[${visibleInline(line.caveat)}]` : '';
      const lines = hanging(indent + mark, body, line.text + (caveat ? ' ' + caveat : ''), width);
      if (!base.sourceById.has(g.source)) lines[0] = indent + mark + style.bad(lines[0]!.slice(indent.length + mark.length));
      // The caveat, a warning the reader must see, is coloured where it ends the last line.
      const last = lines.length - 1;
      if (caveat && lines[last]!.endsWith(caveat)) lines[last] = lines[last]!.slice(0, -caveat.length) + style.warn(caveat);
      out.push(...lines);
    }
    for (const c of g.citations) {
      push(body, body + ' ', '“' + visibleInline(c.quote) + '”', style.dim);
      if (c.notes) push(body, body + '      ', 'note: ' + visibleInline(c.notes), style.dim);
    }
  };
  const valueLine = (figure: string) => {
    const lines = hanging('  ', '  ', figure + (period ? ` (${period})` : ''), width);
    // The figure is coloured as a value, the period dimmed.
    out.push(...lines.map((l) => (period && l.endsWith(`(${period})`) ? style.value(l.slice(0, l.length - period.length - 2)) + style.dim(`(${period})`) : style.value(l))));
  };
  if (groups.length > 1) {
    push('  ', '  ', visibleInline(fact.statement));
    out.push('');
    out.push('  ' + style.warn(`⚠ sources disagree (${groups.length} versions)`));
    for (const g of groups) {
      valueLine(visibleInline(describeFigure(g.version) ?? '(no figure)'));
      for (const sg of g.sources) cite(sg, '    ');
    }
  } else {
    const figure = describeFigure(groups[0]?.version ?? fact);
    if (figure) valueLine(visibleInline(figure));
    else if (period) push('  ', '  ', period, style.dim);
    push('  ', '  ', visibleInline(fact.statement));
    out.push('');
    const sources = bySource(fact.sources);
    out.push(`  ${style.heading(sources.length === 1 ? 'Source' : 'Sources')}`);
    for (const g of sources) cite(g, '  ');
  }
  if (fact.notes) {
    out.push('');
    push('  ', '        ', 'Note: ' + visibleInline(fact.notes), style.dim);
  }
  if (result.alternatives.length) {
    out.push('');
    push('  ', '              ', 'Also close: ' + result.alternatives.map((a) => `${visibleInline(a.fact.id)} (${visibleInline(a.fact.title)})`).join(', '), style.dim);
  }
  return out.join('\n') + '\n';
}

/** A disputed fact has no one value: every version is given with its sources. */
function plainValue(fact: Fact): string {
  const versions = versionsOf(fact);
  if (versions.length <= 1) return describeFigure(versions[0] ?? fact) ?? '';
  return disputedText(fact);
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

