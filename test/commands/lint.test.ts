import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { tempDir } from '../helpers/tmp.js';
import { normalizeQuoteText } from '../../src/facts/lint.js';

const LINT = path.resolve(__dirname, '../fixtures/lint');
const at = (dir: string) => ['--facts', path.join(LINT, dir), '--archive', path.join(LINT, 'archive')];

describe('zgc lint', () => {
  it('is clean (exit 0) when every quote occurs in its article, up to white space, quotes and dashes', async () => {
    const r = await runZgc(['lint', ...at('clean')], { cwd: LINT });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('no problems found\n');
    expect(r.code).toBe(0);
  });

  it('reports a duplicate id and a dangling source before anything else, exit 1', async () => {
    const r = await runZgc(['lint', ...at('broken')], { cwd: LINT });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('broken/facts.yaml:17:9: error: fact "expo-budget" cites unknown source "harbour"');
    expect(lines).toContain('broken/more.yaml:2:5: error: duplicate fact id "expo-visitors" (first at broken/facts.yaml:2:5)');
    expect(lines.at(-1)).toBe('2 errors, 0 warnings in 2 files');
  });

  it('finds a misquote at the quote, a missing archive file, and warnings', async () => {
    // The same broken facts without the two loader errors, so quotes and warnings are checked.
    const r = await runZgc(['lint', '--facts', path.join(LINT, 'broken'), '--archive', path.join(LINT, 'archive'), '--format', 'json'], { cwd: LINT });
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.errors).toBe(2);
    const quoteRun = await runZgc(['lint', '--facts', path.join(LINT, 'misquote'), '--archive', path.join(LINT, 'archive'), '--format', 'json'], { cwd: LINT });
    const found = JSON.parse(quoteRun.stdout).problems.map((p: { file: string; line: number; col: number; severity: string; message: string }) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.message}`);
    expect(found).toEqual([
      'misquote/facts.yaml:11:31 error quote for "expo-visitors" does not occur in harbor.txt (source "harbor"): it departs at its character 15 ("25,000 visitors…" where the article has "52,000 visitors…")',
      'misquote/facts.yaml:12:5 warning fact "expo-budget" has no aliases: add the ways people ask for it',
      'misquote/facts.yaml:12:5 warning fact "expo-budget" has a number but no unit',
      'misquote/facts.yaml:12:5 warning fact "expo-budget" has a number but no period',
      'misquote/sources.yaml:8:5 error archive "valley.txt" of source "valley": no such file in ' + path.join(LINT, 'archive'),
      'misquote/sources.yaml:8:5 warning source "valley" is not cited by any fact',
    ]);
    expect(quoteRun.code).toBe(1);
  });

  it('puts a misquote where it departs from the article, in every kind of YAML string', async () => {
    const r = await runZgc(['lint', ...at('departs'), '--no-warnings'], { cwd: LINT });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // A folded block: the "5" of "9,500" on its second line, past ten spaces of indentation.
    expect(lines[0]).toBe(
      'departs/facts.yaml:18:27: error: quote for "green-pavilion" does not occur in harbor.txt (source "harbor"): it departs at its character 76 ("500 people a day…" where the article has "000 people a day…")',
    );
    // Single quotes: the first of the doubled '' that stands for one quote mark.
    expect(lines[1]).toMatch(/^departs\/facts\.yaml:25:37: error: quote for "most-popular" .*: it departs at its character 21 \("'green' pavilion/);
    // Double quotes: the comma after the six characters of the escape \u2013.
    expect(lines[2]).toBe(
      'departs/facts.yaml:32:62: error: quote for "pavilion-record" does not occur in harbor.txt (source "harbor"): it departs at its character 41 (", or since" where the article has ". Comments (0)")',
    );
    // A plain string over two lines: "six" on the second.
    expect(lines[3]).toMatch(/^departs\/facts\.yaml:40:16: error: quote for "expo-crowds" .*: it departs at its character 36 \("six days\." where the article has "five days\. Organ…"\)$/);
    expect(lines[4]).toBe('4 errors, 0 warnings in 1 file');
  });

  it('reports every mistake of a file at once: unknown fields with the field meant, and a citation of an unknown source', async () => {
    const r = await runZgc(['lint', '--facts', path.join(LINT, 'typos')], { cwd: LINT });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'typos/facts.yaml:3:5: error: a source needs "title"',
        'typos/facts.yaml:4:5: error: unknown field "titel"; did you mean "title"?',
        'typos/facts.yaml:19:9: error: unknown field "vlaue"; did you mean "value"?',
        'typos/facts.yaml:24:9: error: fact "expo-budget" cites unknown source "harbour"',
        'typos/facts.yaml:26:5: error: unknown field "colour"',
        '5 errors, 0 warnings in 1 file',
      ].join('\n') + '\n',
    );
  });

  it('is exit 2 for a missing archive folder or facts directory', async () => {
    const noArchive = await runZgc(['lint', '--facts', path.join(LINT, 'clean'), '--archive', path.join(LINT, 'nope')]);
    expect(noArchive.code).toBe(2);
    expect(noArchive.stderr).toContain('no such archive directory');
    const noFacts = await runZgc(['lint', '--facts', path.join(LINT, 'nope')]);
    expect(noFacts.code).toBe(2);
  });

  it('normalises only white space, typographic quotes and dashes', () => {
    expect(normalizeQuoteText('“It’s  here” –\n now')).toBe('"It\'s here" - now');
    expect(normalizeQuoteText('Its here')).not.toBe(normalizeQuoteText('It’s here'));
    expect(normalizeQuoteText('52,000')).not.toBe(normalizeQuoteText('52000'));
  });
});

describe('zgc lint on nothing', () => {
  it('finds an empty directory (exit 1, naming it), and its help offers only the formats it takes', async () => {
    const empty = tempDir();
    const r = await runZgc(['lint', '--facts', '.'], { cwd: empty });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('.: error: no facts files (*.yaml) here: nothing was checked');
    const help = await runZgc(['lint', '--help']);
    expect(help.stdout).toContain('output format (default: plain)');
    expect(help.stdout).not.toContain('default: table');
  });
});
