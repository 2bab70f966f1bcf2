/**
 * Tables and cards fit the terminal: run on a pseudo-terminal (util-linux's
 * script) of 80 and 120 columns, what a person sees: every line fits, the
 * headers and every cell's text are there (wrapped, or cut with "…" in a
 * column that is cut), a rule under the header and none between rows, and
 * wrapped card text keeps its indent. Not the exact characters: cli-table3
 * draws the tables.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, shell } from '../helpers/spawn.js';
import { FIXTURE_FACTS } from '../helpers/io.js';
import { breakLongWords, fitColumns, wrapText, hanging, visibleWidth } from '../../src/output/layout.js';

const SHIPPED = path.resolve(__dirname, '../../facts');
const TWICE = path.resolve(__dirname, '../fixtures/twice');

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** zgc's output on a pseudo-terminal `cols` wide, as lines (CRs from the terminal removed; colour codes too, when `colour`). */
function onTerminal(cols: number, args: string, colour = false): string[] {
  const r = shell(`script -qec 'stty cols ${cols} rows 40; "${process.execPath}" "${BIN}" ${args}${colour ? '' : ' --no-color'}' /dev/null`, { COLUMNS: undefined });
  return plain(r.stdout.replace(/\r/g, '')).trimEnd().split('\n');
}

/** The same table with room for every cell on one line: what each cell holds. */
function unwrapped(args: string): string[] {
  return shell(`"${process.execPath}" "${BIN}" ${args} --format table --no-color`, { COLUMNS: '1000' }).stdout.trimEnd().split('\n');
}

const widest = (lines: string[]) => Math.max(...lines.map(visibleWidth));

interface Drawn {
  /** Each column's header, its wrapped lines joined. */
  headers: string[];
  /** Each column's lines under the header, top to bottom. */
  columns: string[][];
  /** Rules inside the table (lines starting ├). */
  rules: number;
}

/** Reads a bordered table as a person would: the text between the │s, column by column. */
function readTable(lines: string[]): Drawn {
  const top = lines.findIndex((l) => l.startsWith('┌'));
  const bottom = lines.findIndex((l) => l.startsWith('└'));
  expect(top, 'a table is drawn').toBeGreaterThanOrEqual(0);
  expect(bottom).toBeGreaterThan(top);
  const inner = lines.slice(top + 1, bottom);
  const rule = inner.findIndex((l) => l.startsWith('├'));
  const cells = (l: string) => l.split('│').slice(1, -1).map((c) => c.trim());
  const headLines = inner.slice(0, rule).map(cells);
  const body = inner.slice(rule + 1).map(cells);
  const n = headLines[0]!.length;
  return {
    headers: Array.from({ length: n }, (_, i) => headLines.map((h) => h[i]).filter(Boolean).join(' ')),
    columns: Array.from({ length: n }, (_, i) => body.map((r) => r[i] ?? '')),
    rules: inner.filter((l) => l.startsWith('├')).length,
  };
}

/** A column's text with the line breaks and spaces gone: wrapping changes where lines break, never the characters. */
const letters = (lines: string[]) => lines.join('').replace(/\s+/g, '');

/** Every cell's text is in the drawn table: a wrapped column holds the same characters; in a cut column each cell is whole or its start and "…". */
function expectSameCells(drawn: Drawn, full: Drawn, cut: string[], what: string) {
  expect(drawn.headers, what).toEqual(full.headers);
  full.headers.forEach((header, i) => {
    if (!cut.includes(header)) {
      expect(letters(drawn.columns[i]!), `${what}: ${header}`).toBe(letters(full.columns[i]!));
      return;
    }
    const shown = drawn.columns[i]!.filter(Boolean);
    const whole = full.columns[i]!.filter(Boolean);
    expect(shown.length, `${what}: ${header}`).toBe(whole.length);
    shown.forEach((s, k) => expect(s === whole[k] || (s.endsWith('…') && whole[k]!.startsWith(s.slice(0, -1))), `${what}: ${header} ${s} / ${whole[k]}`).toBe(true));
  });
}

describe('layout on a terminal', () => {
  const tables: { args: string; cut?: string[] }[] = [
    { args: `list --facts "${SHIPPED}"`, cut: ['sources'] },
    { args: `search forum robots --facts "${SHIPPED}"` },
    { args: `sources --facts "${SHIPPED}"` },
    { args: `list --facts "${FIXTURE_FACTS}"`, cut: ['sources'] },
    { args: `check "${path.join(TWICE, 'regatta.yaml')}" --facts "${TWICE}" --format table` },
  ];

  for (const cols of [80, 120]) {
    it(`sizes list, search, sources and check tables to ${cols} columns, every header and cell's text shown, one rule under the header`, () => {
      for (const { args, cut = [] } of tables) {
        const lines = onTerminal(cols, args);
        expect({ args, width: widest(lines) }).toEqual({ args, width: Math.min(widest(lines), cols) });
        const drawn = readTable(lines);
        expect(drawn.rules, args).toBe(1);
        expectSameCells(drawn, readTable(unwrapped(args)), cut, `${args} at ${cols}`);
      }
    });
  }

  it('shows every fact id in list (from --json), however narrow the table, and in colour the same text', () => {
    const ids = (JSON.parse(shell(`"${process.execPath}" "${BIN}" list --facts "${SHIPPED}" --json`).stdout) as { id: string }[]).map((f) => f.id);
    expect(ids.length).toBeGreaterThan(10);
    for (const cols of [60, 80]) {
      const lines = onTerminal(cols, `list --facts "${SHIPPED}"`, true);
      expect(widest(lines)).toBeLessThanOrEqual(cols);
      const drawn = readTable(lines);
      expect(drawn.headers).toEqual(['id', 'title', 'value', 'period', 'sources']);
      expect(letters(drawn.columns[0]!)).toBe(ids.join(''));
    }
  });

  for (const cols of [80, 120]) {
    it(`wraps a card to ${cols} columns with a hanging indent`, () => {
      const lines = onTerminal(cols, `stat rnd-2024-usd --facts "${SHIPPED}"`);
      expect(widest(lines)).toBeLessThanOrEqual(cols);
      // No line of the card starts at column 0 but the heading, and a quote's continuation lines sit under its first word.
      expect(lines.slice(1).filter((l) => l !== '' && !l.startsWith('  '))).toEqual([]);
      const open = lines.findIndex((l) => l.trimStart().startsWith('“Official data'));
      const indent = lines[open]!.indexOf('“');
      expect(lines[open + 1]!.slice(0, indent + 1).trim()).toBe('');
      expect(lines[open + 1]![indent + 1]).not.toBe(' ');
    });
  }

  it('reads $COLUMNS before the terminal, and lays a table out for 80 columns in a file', () => {
    const wide = onTerminal(120, `list --facts "${SHIPPED}"`);
    const narrow = shell(`COLUMNS=60 script -qec '"${process.execPath}" "${BIN}" list --facts "${SHIPPED}" --no-color' /dev/null`).stdout.replace(/\r/g, '').trimEnd().split('\n');
    expect(widest(wide)).toBeGreaterThan(100);
    expect(widest(narrow)).toBeLessThanOrEqual(60);
    const file = shell(`"${process.execPath}" "${BIN}" list --facts "${SHIPPED}" --format table | cat`, { COLUMNS: undefined }).stdout.trimEnd().split('\n');
    expect(widest(file)).toBeLessThanOrEqual(80);
  });
});

describe('layout helpers', () => {
  it('wraps at spaces, cuts a long id after a hyphen, and hangs the indent', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('astrazeneca-beijing-investment', 16)).toEqual(['astrazeneca-', 'beijing-', 'investment']);
    expect(hanging('  [1] ', '      ', 'a b c d e f g h i j k l m n o p q r s t u v w x y z', 30)).toEqual([
      '  [1] a b c d e f g h i j k l',
      '      m n o p q r s t u v w x',
      '      y z',
    ]);
  });

  it('cuts only the words wider than a table column, after a hyphen where one is near', () => {
    expect(breakLongWords('funds astrazeneca-beijing-investment now', 16)).toBe('funds astrazeneca-\nbeijing-\ninvestment now');
    expect(breakLongWords('short words stay\nas given', 5)).toBe('short words stay\nas given');
  });

  it('keeps natural widths that fit, and shrinks the widest for its weight first', () => {
    expect(fitColumns([5, 10], [1, 1], 20)).toEqual([5, 10]);
    expect(fitColumns([10, 40, 40], [10, 5, 5], 50)).toEqual([10, 20, 20]);
    expect(fitColumns([10, 40, 40], [10, 5, 5], 50, [1, 1, 3])).toEqual([10, 10, 30]);
  });
});
