import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { parseCsv } from '../helpers/csv.js';

describe('zgc stat - (batches from stdin)', () => {
  it('answers each query in order as NDJSON with --json, misses included, exit 1', async () => {
    const r = await runZgc(['stat', '-', '--json'], { stdin: 'expo budget\n\nno such thing at all\r\nrobot-guides-2024\n' });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.query, l.fact?.id ?? null])).toEqual([
      ['expo budget', 'expo-budget-2024'],
      ['no such thing at all', null],
      ['robot-guides-2024', 'robot-guides-2024'],
    ]);
    expect(r.stderr).toMatch(/no fact matches "no such thing at all"/);
  });

  it('exits 0 when every query is answered', async () => {
    const r = await runZgc(['stat', '-', '--field', 'display'], { stdin: 'expo-visitors-2024\nhow many robots\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('52,000 visitors\nmore than 40 robots\n');
  });

  it('keeps --field lines aligned with the queries: a miss is an empty line', async () => {
    const r = await runZgc(['stat', '-', '--field', 'id'], { stdin: 'expo-visitors-2024\nnothing like it qqq\nexpo-dates-2024\n' });
    expect(r.stdout).toBe('expo-visitors-2024\n\nexpo-dates-2024\n');
  });

  it('gives one CSV row per query', async () => {
    const r = await runZgc(['stat', '-', '--format', 'csv'], { stdin: 'expo-visitors-2024\nexpo-dates-2024\n' });
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['query', 'match', 'id', 'title', 'value', 'period', 'sources']);
    expect(rows.slice(1).map((c) => c[2])).toEqual(['expo-visitors-2024', 'expo-dates-2024']);
  });

  it('prints usage instead of waiting when stdin is a terminal', async () => {
    const r = await runZgc(['stat', '-'], { stdin: null });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin is a terminal');
  });

  it('says "no input" for empty stdin', async () => {
    const r = await runZgc(['stat', '-'], { stdin: '\n \n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no input');
  });
});

describe('zgc stat --field', () => {
  it("prints only that field's raw value", async () => {
    expect((await runZgc(['stat', 'expo-visitors-2024', '--field', 'display'])).stdout).toBe('52,000 visitors\n');
    expect((await runZgc(['stat', 'expo-visitors-2024', '--field', 'value'])).stdout).toBe('52000\n');
    expect((await runZgc(['stat', 'expo-dates-2024', '--field', 'period'])).stdout).toBe('2024-04-28/2024-05-02\n');
  });
});
