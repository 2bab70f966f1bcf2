/**
 * The bordered table zgc prints for people, sized to the terminal. zgc works
 * out the column widths (natural widths when the row fits, else the widest
 * for its weight shrinks first: fitColumns); cli-table3 draws the table at
 * them: it pads, wraps cells at word boundaries, carries colour codes across
 * wrapped lines, cuts a `truncate` column with "…", and (style.compact) draws a
 * rule under the header and none between rows. The one thing done here before
 * it: a word wider than its column (a long id) is cut into pieces, after a
 * hyphen where one is near, since cli-table3 would cut it with "…" and lose
 * the rest. Cell text arrives sanitised (visibleInline) and unpainted; `paint`
 * colours it when colour is on.
 */
import { breakLongWords, fitColumns, visibleWidth } from './layout.js';

export interface TableCell {
  text: string;
  paint?: (s: string) => string;
}

export interface TableColumn {
  header: string;
  /** Never narrower than this (or its natural width, if less): ids stay whole. */
  min?: number | undefined;
  /** Never narrower than this share of the width (or its natural width, if less). */
  minShare?: number | undefined;
  /** How much of the room it takes when columns must shrink (1 by default). */
  weight?: number | undefined;
  /** Cut to one line with "…" instead of wrapping. */
  truncate?: boolean | undefined;
}

const same = (s: string) => s;

/** The content widths of the columns (without padding or borders) for a table `width` columns wide. */
export function tableWidths(columns: TableColumn[], rows: TableCell[][], width: number): number[] {
  const n = columns.length;
  const natural = columns.map((c, i) => Math.max(visibleWidth(c.header), ...rows.map((r) => Math.max(...(r[i]?.text ?? '').split('\n').map(visibleWidth)))));
  const minimum = columns.map((c, i) => Math.min(natural[i]!, Math.max(c.min ?? 6, Math.floor((c.minShare ?? 0) * width), Math.min(visibleWidth(c.header), 12))));
  // Each column has a space either side, and there is a border before each column and after the last.
  const room = width - (3 * n + 1);
  return fitColumns(natural, minimum, room, columns.map((c) => c.weight ?? 1));
}

/** The table `width` columns wide, drawn by cli-table3 (loaded here, only when a table is drawn). */
export async function renderTable(columns: TableColumn[], rows: TableCell[][], width: number, heading: (s: string) => string = same): Promise<string> {
  const widths = tableWidths(columns, rows, width);
  const { default: Table } = await import('cli-table3');
  const table = new Table({
    head: columns.map((c, i) => heading(breakLongWords(c.header, widths[i]!))),
    colWidths: widths.map((w) => w + 2),
    wordWrap: true,
    wrapOnWordBoundary: true,
    // cli-table3's box-drawing border; compact: a rule under the header only, none between rows. No colour of its own.
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
  for (const r of rows) {
    table.push(
      columns.map((c, i) => {
        const cell = r[i];
        const text = cell?.text ?? '';
        const paint = cell?.paint ?? same;
        if (c.truncate) return { content: text ? paint(text.replace(/\n/g, ' ')) : '', wordWrap: false };
        return text ? paint(breakLongWords(text, widths[i]!)) : '';
      }),
    );
  }
  return table.toString() + '\n';
}
