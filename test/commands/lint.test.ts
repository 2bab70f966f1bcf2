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
      'misquote/facts.yaml:11:16 error quote for "expo-visitors" does not occur in harbor.txt (source "harbor")',
      'misquote/facts.yaml:12:5 warning fact "expo-budget" has no aliases: add the ways people ask for it',
      'misquote/facts.yaml:12:5 warning fact "expo-budget" has a number but no unit',
      'misquote/facts.yaml:12:5 warning fact "expo-budget" has a number but no period',
      'misquote/sources.yaml:8:5 error archive "valley.txt" of source "valley": no such file in ' + path.join(LINT, 'archive'),
      'misquote/sources.yaml:8:5 warning source "valley" is not cited by any fact',
    ]);
    expect(quoteRun.code).toBe(1);
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
