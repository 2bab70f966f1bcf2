/** Facts as rows: the columns of `zgc list` and `zgc search`, and their JSON. */
import type { Fact, FactBase } from '../facts/types.js';
import { versionsOf } from '../facts/versions.js';
import type { Lookup, Scored } from '../search/find.js';
import { describeFigure } from './figure.js';
import { factJson, lookupJson, type FactJson } from './fact.js';
import type { Column, RecordSet } from './records.js';

/** The fields `--field` accepts: those of the documented fact object. */
export const FACT_FIELDS: (keyof FactJson)[] = ['id', 'title', 'statement', 'value', 'unit', 'display', 'bound', 'period', 'subject', 'aliases', 'tags', 'notes', 'disputed', 'sources'];

/** A disputed fact's value cell names every version, never one alone. */
export function valueCell(fact: Fact): string {
  const versions = versionsOf(fact);
  if (versions.length > 1) return `disputed: ${versions.map((v) => describeFigure(v) ?? '?').join(' | ')}`;
  return describeFigure(versions[0] ?? fact) ?? '';
}

const factColumns: Column<Fact>[] = [
  { header: 'id', cell: (f) => f.id },
  { header: 'title', cell: (f) => f.title },
  { header: 'value', cell: valueCell },
  { header: 'period', cell: (f) => f.period },
];

export function factRows(facts: Fact[], base: FactBase): RecordSet<Fact> {
  return {
    rows: facts,
    columns: [...factColumns, { header: 'sources', cell: (f) => f.sources.map((c) => c.source).join(' ') }],
    json: (f) => factJson(f, base),
  };
}

export function scoredRows(results: Scored[], base: FactBase): RecordSet<Scored> {
  return {
    rows: results,
    columns: [...factColumns.map((c) => ({ header: c.header, cell: (r: Scored) => c.cell(r.fact) })), { header: 'score', cell: (r) => r.score.toFixed(3) }],
    json: (r) => ({ score: r.score, ...factJson(r.fact, base) }),
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
      { header: 'value', cell: (r) => (r.fact ? valueCell(r.fact) : '') },
      { header: 'period', cell: (r) => r.fact?.period },
      { header: 'sources', cell: (r) => r.fact?.sources.map((c) => c.source).join(' ') },
    ],
    json: (r) => lookupJson(r, base),
  };
}
