import { describe, expect, it } from 'vitest';
import { loadFacts, loadFactsWithProblems } from '../../src/facts/load.js';
import { FactsError, formatProblem } from '../../src/errors.js';
import { factsDirWith, SOURCE_YAML } from '../helpers/tmp.js';
import { FIXTURE_FACTS } from '../helpers/io.js';

async function problemsOf(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const dir = factsDirWith(files);
  const { problems } = await loadFactsWithProblems(dir, { cwd: dir });
  return problems.map(formatProblem);
}

const FACT = (extra = '') => `facts:
  - id: fact-a
    title: A fact
    statement: Something happened.
    value: 12
    unit: count
    sources:
      - source: src-a
        quote: "Twelve things happened."
${extra}`;

describe('loadFacts', () => {
  it('loads the fixture directory recursively, sorted by id, with positions', async () => {
    const base = await loadFacts(FIXTURE_FACTS, { cwd: FIXTURE_FACTS });
    expect(base.facts.map((f) => f.id)).toEqual(['expo-budget-2024', 'expo-dates-2024', 'expo-visitors-2024', 'robot-growth-2024', 'robot-guides-2024']);
    expect(base.sources.map((s) => s.id)).toEqual(['bot-digest', 'harbor-daily-expo', 'valley-wire-expo']);
    const robots = base.factById.get('robot-guides-2024')!;
    expect(robots.loc).toEqual({ file: 'nested/robots.yaml', line: 2, col: 5 });
    expect(robots.sources[0]!.quoteLoc).toEqual({ file: 'nested/robots.yaml', line: 14, col: 16 });
    expect(base.factById.get('expo-dates-2024')!.period).toBe('2024-04-28/2024-05-02');
    expect(base.sourceById.get('bot-digest')!.published).toBeNull();
    expect(base.sourceById.get('valley-wire-expo')!.author).toEqual([]);
  });

  it('accepts a file holding only sources and another holding only facts', async () => {
    expect(await problemsOf({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT() })).toEqual([]);
  });

  it('reports a YAML syntax error at its position', async () => {
    const problems = await problemsOf({ 's.yaml': SOURCE_YAML + '  - id: [unclosed\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^s\.yaml:\d+:\d+: /);
  });

  it('reports an unknown field at the key', async () => {
    const problems = await problemsOf({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT('    colour: blue\n') });
    expect(problems).toEqual(['f.yaml:10:5: unknown field "colour"']);
  });

  it('reports a missing field at the entry', async () => {
    const problems = await problemsOf({ 's.yaml': SOURCE_YAML.replace('    publisher: Example Post\n', '') });
    expect(problems).toEqual(['s.yaml:2:5: a source needs "publisher"']);
  });

  it('reports a wrong type at the value', async () => {
    const problems = await problemsOf({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT().replace('value: 12', 'value: twelve') });
    expect(problems).toEqual(['f.yaml:5:12: "value" must be a number']);
  });

  it('reports a bad enum, id, date and period with what is allowed', async () => {
    const problems = await problemsOf({
      's.yaml': SOURCE_YAML.replace('kind: news', 'kind: blog').replace('2024-01-02', '2024-13-02').replace('id: src-a', 'id: Src_A'),
      'f.yaml': FACT('    period: last year\n').replace('src-a', 'Src_A'),
    });
    expect(problems).toContain('s.yaml:2:9: "id" must be kebab-case identifier: lower-case letters and digits joined by single hyphens');
    expect(problems).toContain('s.yaml:5:16: "published" must be publication date (YYYY, YYYY-MM or YYYY-MM-DD); null when unknown');
    expect(problems).toContain('s.yaml:6:11: "kind" must be one of: news, commentary, press-release, official-data, republication, ai-generated, other');
    expect(problems).toContain('f.yaml:10:13: "period" must be the time the fact is about: a year, a date, or a from/to interval');
  });

  it('rejects a date that is not in the calendar', async () => {
    const problems = await problemsOf({ 's.yaml': SOURCE_YAML.replace('2024-01-02', '2025-02-30') });
    expect(problems).toEqual(['s.yaml:5:16: "published": 2025-02-30 is not a date in the calendar']);
  });

  it('rejects a fact without a source', async () => {
    const problems = await problemsOf({
      'f.yaml': 'facts:\n  - id: lonely\n    title: Lonely\n    statement: No one said it.\n    sources: []\n',
    });
    expect(problems).toEqual(['f.yaml:5:14: a fact needs at least one source: a fact without a source does not exist']);
  });

  it('rejects duplicate ids across files, naming the first', async () => {
    const problems = await problemsOf({ 'a.yaml': SOURCE_YAML + FACT(), 'b.yaml': FACT() });
    expect(problems).toEqual(['b.yaml:2:5: duplicate fact id "fact-a" (first at a.yaml:8:5)']);
  });

  it('rejects a reference to a source that does not exist', async () => {
    const problems = await problemsOf({ 'f.yaml': FACT() });
    expect(problems).toEqual(['f.yaml:8:9: fact "fact-a" cites unknown source "src-a"']);
  });

  it('reports every problem in every file, not just the first', async () => {
    const problems = await problemsOf({
      'a.yaml': SOURCE_YAML.replace('kind: news', 'kind: blog') + '    extra: 1\n',
      'b.yaml': FACT().replace('value: 12', 'value: "12"').replace('unit: count', 'unit: Count'),
    });
    expect(problems.filter((p) => p.startsWith('a.yaml'))).toHaveLength(2);
    expect(problems.filter((p) => p.startsWith('b.yaml'))).toHaveLength(2);
  });

  it('throws a FactsError carrying every error for a broken directory', async () => {
    const dir = factsDirWith({ 'f.yaml': FACT() });
    await expect(loadFacts(dir, { cwd: dir })).rejects.toBeInstanceOf(FactsError);
  });
});
