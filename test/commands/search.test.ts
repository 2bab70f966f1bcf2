import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';

describe('zgc search', () => {
  it('ranks matching facts best first with scores', async () => {
    const r = await runZgc(['search', 'robot', 'guides', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out[0].id).toBe('robot-guides-2024');
    const scores = out.map((x: { score: number }) => x.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('forgives typos', async () => {
    const r = await runZgc(['search', 'vistors', '--field', 'id', '--limit', '1']);
    expect(r.stdout).toBe('expo-visitors-2024\n');
  });

  it('honours --limit and refuses a bad one', async () => {
    const r = await runZgc(['search', 'expo', '--limit', '2', '--field', 'id']);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect((await runZgc(['search', 'expo', '--limit', 'lots'])).code).toBe(2);
    expect((await runZgc(['search', 'expo', '--limit', '0'])).code).toBe(2);
  });

  it('shows id, title, value, period and relevance (higher is better) in its table', async () => {
    const r = await runZgc(['search', 'budget', '--format', 'tsv', '--limit', '1']);
    const [head, row] = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(head).toEqual(['id', 'title', 'value', 'period', 'relevance']);
    expect(row!.slice(0, 4)).toEqual(['expo-budget-2024', 'Budget of the Lakeside Expo in 2024', 'disputed: about 1.2 billion dollars (harbor-daily-expo) | about 1.5 billion dollars (valley-wire-expo)', '2024']);
    // The best match of a one-word query is a perfect one: relevance 1.00, where JSON's score is 0.
    expect(row![4]).toBe('1.00');
  });

  it('exits 1 with a message when nothing matches', async () => {
    const r = await runZgc(['search', 'zzzzqqqq']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('zgc: no fact matches "zzzzqqqq"\n');
  });
});
