/**
 * The bordered table zgc prints for people, sized to the terminal: columns
 * take their natural width when the row fits, else the widest shrink first and
 * their cells wrap at word boundaries. There is a rule under the header and
 * none between rows. Cells are plain text, wrapped here and painted line by line;
 * cli-table3 draws them.
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

/**
 * Draws the table with cli-table3 at the widths zgc works out for the terminal (fitColumns): cli-table3 pads, wraps
 * at word boundaries and measures colour codes; a border around the table and a rule under the header, none between
 * rows. cli-table3 is loaded only when a table is drawn.
 */
export async function renderTable(columns: TableColumn[], rows: TableCell[][], width: number, heading: (s: string) => string = same): Promise<string> {
  const n = columns.length;
  const natural = columns.map((c, i) => Math.max(visibleWidth(c.header), ...rows.map((r) => Math.max(...(r[i]?.text ?? '').split('\n').map(visibleWidth)))));
  const minimum = columns.map((c, i) => Math.min(natural[i]!, Math.max(c.min ?? 6, Math.floor((c.minShare ?? 0) * width), Math.min(visibleWidth(c.header), 12))));
  // Each column has a space either side, and there is a border before each column and after the last.
  const room = width - (3 * n + 1);
  const widths = fitColumns(natural, minimum, room, columns.map((c) => c.weight ?? 1));
  const { default: Table } = await import('cli-table3');
  const table = new Table({
    head: columns.map((c, i) => heading(wrapText(c.header, widths[i]!).join('\n'))),
    colWidths: widths.map((w) => w + 2),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) {
    table.push(
      widths.map((w, i) => {
        const cell = r[i];
        // Wrapped here, where widths are known exactly; cli-table3 then only lays the lines out.
        const lines = columns[i]!.truncate ? [truncate((cell?.text ?? '').replace(/\n/g, ' '), w)] : (cell?.text ?? '').split('\n').flatMap((part) => wrapText(part, w));
        const paint = cell?.paint ?? same;
        return lines.map((l) => (l ? paint(l) : l)).join('\n');
      }),
    );
  }
  // The rule under the header: cli-table3 draws the same rule between every row or none, so it is drawn here.
  const [top, head, ...body] = table.toString().split('\n');
  const headLines = [head!];
  while (body.length && headLines.length < columns.reduce((m, c, i) => Math.max(m, wrapText(c.header, widths[i]!).length), 1)) headLines.push(body.shift()!);
  const rule = '├' + widths.map((w) => '─'.repeat(w + 2)).join('┼') + '┤';
  return [top, ...headLines, rule, ...body].join('\n') + '\n';
}
