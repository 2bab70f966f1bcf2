/**
 * Rows of records in every format zgc offers: a bordered table for people,
 * tab-separated lines for pipes (plain has no header, tsv has one), CSV, JSON
 * and NDJSON. Cells are made safe for the terminal here, once.
 */
import type { Format } from '../commands/options.js';
import { visibleInline } from './sanitize.js';
import { jsonDocument, jsonLines } from './json.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';
import { DEFAULT_WIDTH } from './layout.js';

export interface Column<T> {
  header: string;
  cell(row: T): string | number | null | undefined;
  /** In a table, never narrower than this (ids stay whole when the terminal allows). */
  min?: number;
  /** In a table, never narrower than this share of the width. */
  minShare?: number;
  /** In a table, the cell as a person reads it, when it differs from the pipe formats' (a period as prose). */
  tableCell?(row: T): string | number | null | undefined;
  /** In a table, the share of the room it takes when columns must shrink (1 by default). */
  weight?: number;
  /** In a table, cut to one line with "…" rather than wrapped. */
  truncate?: boolean;
  /** In a table, how the cell is coloured. */
  paint?: (style: Style) => (s: string) => string;
}

export interface RecordSet<T> {
  rows: T[];
  columns: Column<T>[];
  /** The documented JSON object of one row. */
  json(row: T): object;
  /** One field for `--field`, when it is not simply the JSON object's. */
  field?(row: T, name: string): string;
}

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** TSV fields cannot hold tabs or newlines: they are escaped as \t and \n, like every control character. */
function tsvField(v: string | number | null | undefined): string {
  return visibleInline(text(v));
}

/** RFC 4180 quoting (fields with a comma, quote or line break are quoted, quotes doubled), with LF line ends: zgc writes no raw CR. */
function csvField(v: string | number | null | undefined): string {
  const s = visibleInline(text(v));
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders rows in a format; a table is laid out for `width` columns (the terminal's). */
export async function renderRecords<T>(set: RecordSet<T>, format: Format, style: Style, width: number = DEFAULT_WIDTH): Promise<string> {
  const { rows, columns } = set;
  switch (format) {
    case 'json':
      return jsonDocument(rows.map(set.json));
    case 'ndjson':
      return jsonLines(rows.map(set.json));
    case 'csv':
      return [columns.map((c) => csvField(c.header)), ...rows.map((r) => columns.map((c) => csvField(c.cell(r))))].map((l) => l.join(',') + '\n').join('');
    case 'tsv':
      return [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => tsvField(c.cell(r))))].map((l) => l.join('\t') + '\n').join('');
    case 'plain':
      return rows.map((r) => columns.map((c) => tsvField(c.cell(r))).join('\t') + '\n').join('');
    case 'table': {
      if (!rows.length) return '';
      const cells = rows.map((r) => columns.map((c) => ({ text: visibleInline(text((c.tableCell ?? c.cell)(r))), paint: c.paint?.(style) })));
      return await renderTable(
        columns.map((c) => ({ header: c.header, min: c.min, minShare: c.minShare, weight: c.weight, truncate: c.truncate })),
        cells,
        width,
        style.heading,
      );
    }
  }
}

/** `--field NAME`: that field's raw value from each row's JSON, one per line, for `$(...)`. */
export function renderField<T>(set: RecordSet<T>, field: string): string {
  return set.rows.map((r) => (set.field ? set.field(r, field) : fieldValue(set.json(r), field)) + '\n').join('');
}

export function fieldValue(obj: object, field: string): string {
  if (!Object.prototype.hasOwnProperty.call(obj, field)) return '';
  const v = (obj as Record<string, unknown>)[field];
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return visibleInline(v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(','));
  if (typeof v === 'object') return visibleInline(JSON.stringify(v));
  return visibleInline(String(v));
}
