import { describe, expect, it } from 'vitest';
import { runZgc, FIXTURE_FACTS } from '../helpers/io.js';

describe('zgc stat', () => {
  it('answers an exact id with the value, statement and citation', async () => {
    const r = await runZgc(['stat', 'expo-visitors-2024', '--format', 'table'], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('52,000 visitors');
    expect(r.stdout).toContain('The 2024 Lakeside Expo drew 52,000 visitors.');
    expect(r.stdout).toContain('Mira Tan and Joel Okafor, “Lakeside Expo opens with record crowds”, Harbor Daily, May 2, 2024');
    expect(r.stdout).toContain('“The expo drew 52,000 visitors over five days.”');
  });

  it('finds a fact despite typos in the query', async () => {
    const r = await runZgc(['stat', 'expo vistors 2O24', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.match).toBe('fuzzy');
    expect(out.fact.id).toBe('expo-visitors-2024');
    expect(out.score).toBeGreaterThan(0);
  });

  it('answers an alias', async () => {
    const r = await runZgc(['stat', 'How many robots?', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.match).toBe('alias');
    expect(out.fact.id).toBe('robot-guides-2024');
  });

  it('misses with exit 1, a message and suggestions on stderr, nothing on stdout', async () => {
    const r = await runZgc(['stat', 'quantum tunnelling in eels']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^zgc: no fact matches "quantum tunnelling in eels"/);
  });

  it('prints the documented JSON object for a miss', async () => {
    const r = await runZgc(['stat', 'quantum tunnelling in eels', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ query: 'quantum tunnelling in eels', fact: null });
    expect(Array.isArray(out.suggestions)).toBe(true);
  });

  it('shows both versions of a disputed fact under a "sources disagree" mark', async () => {
    const r = await runZgc(['stat', 'expo-budget-2024', '--format', 'table']);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain('sources disagree');
    const first = text.indexOf('about 1.2 billion dollars');
    const second = text.indexOf('1.5 billion dollars');
    expect(first).toBeGreaterThan(text.indexOf('sources disagree'));
    expect(second).toBeGreaterThan(first);
    // Each version stands beside its own source.
    expect(text.indexOf('Harbor Daily')).toBeGreaterThan(first);
    expect(text.indexOf('Harbor Daily')).toBeLessThan(second);
    expect(text.indexOf('Valley Wire')).toBeGreaterThan(second);
  });

  it('gives every source its own figure in JSON and marks the fact disputed', async () => {
    const r = await runZgc(['stat', 'expo-budget-2024', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.fact.disputed).toBe(true);
    expect(out.fact.sources.map((s: { id: string; value: number }) => [s.id, s.value])).toEqual([
      ['harbor-daily-expo', 1200000000],
      ['valley-wire-expo', 1500000000],
    ]);
  });

  it('labels AI-generated and republished sources', async () => {
    const robots = await runZgc(['stat', 'robot-guides-2024', '--format', 'table']);
    expect(robots.stdout).toContain('[AI-generated]');
    const growth = await runZgc(['stat', 'robot-growth-2024', '--format', 'table'], { env: { COLUMNS: '200' } });
    expect(growth.stdout).toContain('[republication, via Valley Wire aggregator page]');
  });

  it('reads --facts before ZGC_FACTS', async () => {
    const r = await runZgc(['stat', 'expo-visitors-2024', '--facts', FIXTURE_FACTS], { env: { ZGC_FACTS: '/nonexistent' } });
    expect(r.code).toBe(0);
    const missing = await runZgc(['stat', 'expo-visitors-2024'], { env: { ZGC_FACTS: '/nonexistent/facts' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('zgc: /nonexistent/facts: no such facts directory\n');
  });

  it('is a usage error (exit 2) to give no query or an empty one', async () => {
    expect((await runZgc(['stat'])).code).toBe(2);
    const empty = await runZgc(['stat', '  ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty');
  });

  it('prints tab-separated lines without colour when piped', async () => {
    const r = await runZgc(['stat', 'expo-budget-2024'], { env: { FORCE_COLOR: undefined } });
    expect(r.stdout).not.toContain('\x1b');
    const lines = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines[0]).toEqual(['id', 'expo-budget-2024']);
    expect(lines.find((l) => l[0] === 'disputed')).toEqual(['disputed', 'yes']);
    // Every version with its sources, written as list's value column and --field write it.
    expect(lines.find((l) => l[0] === 'value')?.[1]).toBe('disputed: about 1.2 billion dollars (harbor-daily-expo) | about 1.5 billion dollars (valley-wire-expo)');
  });
});
