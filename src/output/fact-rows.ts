/** Facts as rows: the columns of `zgc list` and `zgc search`, and their JSON. */
import type { Fact, FactBase } from '../facts/types.js';
import { isDisputed, versionsOf, type Version } from '../facts/versions.js';
import { disputedText, sourceIds } from './citations.js';
import { visibleInline } from './sanitize.js';
import { periodText } from './dates.js';
import { fieldValue } from './records.js';
import type { Lookup, Scored } from '../search/find.js';
import { describeFigure } from './figure.js';
import { factJson, lookupJson, type FactJson } from './fact.js';
import type { Column, RecordSet } from './records.js';

/** The fields `--field` accepts: those of the documented fact object. */
export const FACT_FIELDS: (keyof FactJson)[] = ['id', 'title', 'statement', 'value', 'unit', 'display', 'bound', 'period', 'subject', 'aliases', 'tags', 'notes', 'disputed', 'sources'];

/** A disputed fact's value cell names every version with its sources, never one alone. */
export function valueCell(fact: Fact): string {
  const versions = versionsOf(fact);
  if (versions.length > 1) return disputedText(fact);
  return describeFigure(versions[0] ?? fact) ?? '';
}

/** In a table the sources have their own column: a disputed value names its versions alone. */
function valueTableCell(fact: Fact): string {
  const versions = versionsOf(fact);
  if (versions.length > 1) return `disputed: ${versions.map((v) => describeFigure(v) ?? '(no figure)').join(' | ')}`;
  return describeFigure(versions[0] ?? fact) ?? '';
}

const FIGURE_FIELDS: Partial<Record<keyof FactJson, (v: Version) => string>> = {
  value: (v) => (v.value === undefined ? '' : String(v.value)),
  unit: (v) => v.unit ?? '',
  display: (v) => describeFigure(v) ?? '',
  bound: (v) => v.bound ?? '',
};

/**
 * One field of a fact for `--field`: the JSON object's value, except that
 * `sources` is the sources' ids, and a disputed fact's figure fields name
 * every version with its sources, as the value column does.
 */
export function factField(fact: Fact, base: FactBase, field: string): string {
  if (field === 'sources') return visibleInline(sourceIds(fact).join(','));
  const part = FIGURE_FIELDS[field as keyof FactJson];
  if (part && isDisputed(fact)) return visibleInline(disputedText(fact, part));
  return fieldValue(factJson(fact, base), field);
}

const factColumns: Column<Fact>[] = [
  { header: 'id', cell: (f) => f.id, minShare: 0.25, paint: (s) => s.id },
  { header: 'title', cell: (f) => f.title, weight: 2 },
  { header: 'value', cell: valueCell, tableCell: valueTableCell, weight: 2, paint: (s) => s.value },
  { header: 'period', cell: (f) => f.period, min: 9, tableCell: (f) => (f.period ? periodText(f.period) : '') },
];

export function factRows(facts: Fact[], base: FactBase): RecordSet<Fact> {
  return {
    rows: facts,
    columns: [...factColumns, { header: 'sources', cell: (f) => sourceIds(f).join(' '), truncate: true, weight: 0.8 }],
    json: (f) => factJson(f, base),
    field: (f, name) => factField(f, base, name),
  };
}

export function scoredRows(results: Scored[], base: FactBase): RecordSet<Scored> {
  return {
    rows: results,
    columns: [
      ...factColumns.map((c): Column<Scored> => ({ ...c, cell: (r: Scored) => c.cell(r.fact), tableCell: c.tableCell ? (r: Scored) => c.tableCell!(r.fact) : undefined })),
      // Relevance reads higher-is-better (1 is a perfect match); JSON keeps the score, where 0 is perfect.
      { header: 'relevance', cell: (r) => relevance(r.score) },
    ],
    json: (r) => ({ score: r.score, ...factJson(r.fact, base) }),
    field: (r, name) => factField(r.fact, base, name),
  };
}

/** One row per query of a stat batch, misses included (with an empty id). */
export function lookupRows(results: Lookup[], base: FactBase): RecordSet<Lookup> {
  return {
    rows: results,
    columns: [
      { header: 'query', cell: (r) => r.query },
      { header: 'match', cell: (r) => (r.fact ? r.match : 'none') },
      { header: 'id', cell: (r) => r.fact?.id },
      { header: 'title', cell: (r) => r.fact?.title },
      { header: 'value', cell: (r) => (r.fact ? valueCell(r.fact) : ''), tableCell: (r) => (r.fact ? valueTableCell(r.fact) : '') },
      { header: 'period', cell: (r) => r.fact?.period, tableCell: (r) => (r.fact?.period ? periodText(r.fact.period) : '') },
      { header: 'sources', cell: (r) => (r.fact ? sourceIds(r.fact).join(' ') : '') },
    ],
    json: (r) => lookupJson(r, base),
  };
}

/** A score (0 perfect, 1 nothing in common) as a relevance where higher is better: "1.00", "0.87". */
export function relevance(score: number): string {
  return Math.max(0, 1 - score).toFixed(2);
}
