/**
 * Tables and cards fit the terminal: run on a pseudo-terminal (util-linux's
 * script) of 80 and 120 columns, every line fits, no rule separates rows, and
 * wrapped card text keeps its indent.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, shell } from '../helpers/spawn.js';
import { FIXTURE_FACTS } from '../helpers/io.js';
import { fitColumns, wrapText, hanging, visibleWidth } from '../../src/output/layout.js';

const SHIPPED = path.resolve(__dirname, '../../facts');
const TWICE = path.resolve(__dirname, '../fixtures/twice');

/** zgc's output on a pseudo-terminal `cols` wide, without colour, as lines (CRs from the terminal removed). */
function onTerminal(cols: number, args: string): string[] {
  const r = shell(`script -qec 'stty cols ${cols} rows 40; "${process.execPath}" "${BIN}" ${args} --no-color' /dev/null`, { COLUMNS: undefined });
  return r.stdout.replace(/\r/g, '').trimEnd().split('\n');
}

const widest = (lines: string[]) => Math.max(...lines.map(visibleWidth));

describe('layout on a terminal', () => {
  for (const cols of [80, 120]) {
    it(`sizes list, search and sources tables to ${cols} columns, with no rule between rows`, () => {
      for (const args of [`list --facts "${SHIPPED}"`, `search forum robots --facts "${SHIPPED}"`, `sources --facts "${SHIPPED}"`, `list --facts "${FIXTURE_FACTS}"`]) {
        const lines = onTerminal(cols, args);
        expect(lines[0], args).toMatch(/^┌/);
        expect({ args, width: widest(lines) }).toEqual({ args, width: Math.min(widest(lines), cols) });
        // Exactly one inner rule: the one under the header.
        expect(lines.filter((l) => l.startsWith('├')), args).toHaveLength(1);
        expect(lines[2]).toMatch(/^├/);
      }
    });

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

    it(`sizes zgc check --format table to ${cols} columns`, () => {
      const draft = path.join(TWICE, 'regatta.yaml');
      const lines = onTerminal(cols, `check "${draft}" --facts "${TWICE}" --format table`);
      expect(lines[0]).toMatch(/^┌/);
      expect(widest(lines)).toBeLessThanOrEqual(cols);
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

  it('keeps natural widths that fit, and shrinks the widest for its weight first', () => {
    expect(fitColumns([5, 10], [1, 1], 20)).toEqual([5, 10]);
    expect(fitColumns([10, 40, 40], [10, 5, 5], 50)).toEqual([10, 20, 20]);
    expect(fitColumns([10, 40, 40], [10, 5, 5], 50, [1, 1, 3])).toEqual([10, 10, 30]);
  });
});
