/**
 * The bordered table zgc prints for people, sized to the terminal: columns
 * take their natural width when the row fits, else the widest shrink first and
 * their cells wrap at word boundaries. There is a rule under the header and
 * none between rows. Cells are plain text; colour is painted after wrapping.
 */
import { fitColumns, truncate, visibleWidth, wrapText } from './layout.js';

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

export function renderTable(columns: TableColumn[], rows: TableCell[][], width: number, heading: (s: string) => string = same): string {
  const n = columns.length;
  const natural = columns.map((c, i) => Math.max(visibleWidth(c.header), ...rows.map((r) => Math.max(...(r[i]?.text ?? '').split('\n').map(visibleWidth)))));
  const minimum = columns.map((c, i) => Math.min(natural[i]!, Math.max(c.min ?? 6, Math.floor((c.minShare ?? 0) * width), Math.min(visibleWidth(c.header), 12))));
  // Each column has a space either side, and there is a border before each column and after the last.
  const room = width - (3 * n + 1);
  const widths = fitColumns(natural, minimum, room, columns.map((c) => c.weight ?? 1));
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const out: string[] = [line('┌', '┬', '┐')];
  const emit = (cells: TableCell[], paintAll?: (s: string) => string, header = false) => {
    const wrapped = widths.map((w, i) => (!header && columns[i]!.truncate ? [truncate((cells[i]?.text ?? '').replace(/\n/g, ' '), w)] : (cells[i]?.text ?? '').split('\n').flatMap((part) => wrapText(part, w))));
    const height = Math.max(...wrapped.map((l) => l.length));
    for (let k = 0; k < height; k++) {
      const parts = widths.map((w, i) => {
        const text = wrapped[i]![k] ?? '';
        const paint = paintAll ?? cells[i]?.paint ?? same;
        return ' ' + (text ? paint(text) : '') + ' '.repeat(Math.max(0, w - visibleWidth(text))) + ' ';
      });
      out.push('│' + parts.join('│') + '│');
    }
  };
  emit(columns.map((c) => ({ text: c.header })), heading, true);
  out.push(line('├', '┼', '┤'));
  for (const r of rows) emit(r);
  out.push(line('└', '┴', '┘'));
  return out.join('\n') + '\n';
}
