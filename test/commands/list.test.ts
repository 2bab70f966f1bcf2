import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { parseCsv } from '../helpers/csv.js';

const ALL = ['expo-budget-2024', 'expo-dates-2024', 'expo-visitors-2024', 'robot-growth-2024', 'robot-guides-2024'];

describe('zgc list', () => {
  it('lists every fact sorted by id, one tab-separated line each when piped', async () => {
    const r = await runZgc(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows.map((c) => c[0])).toEqual(ALL);
    expect(rows[2]).toEqual(['expo-visitors-2024', 'Visitors to the Lakeside Expo in 2024', '52,000 visitors', '2024', 'harbor-daily-expo']);
  });

  it('never shows one version of a disputed value alone', async () => {
    const r = await runZgc(['list', '--field', 'id', '--disputed']);
    expect(r.stdout).toBe('expo-budget-2024\n');
    const plain = await runZgc(['list', '--disputed']);
    expect(plain.stdout).toContain('disputed: about 1.2 billion dollars (harbor-daily-expo) | about 1.5 billion dollars (valley-wire-expo)');
  });

  it('filters by tag (all must match), source, period, subject and agreement', async () => {
    const ids = async (...args: string[]) => (await runZgc(['list', '--field', 'id', ...args])).stdout.trim().split('\n').filter(Boolean);
    expect(await ids('--tag', 'robots')).toEqual(['robot-growth-2024', 'robot-guides-2024']);
    expect(await ids('--tag', 'robots', '--tag', 'growth')).toEqual(['robot-growth-2024']);
    expect(await ids('--source', 'bot-digest')).toEqual(['robot-guides-2024']);
    // Periods match when they share a day: the year 2024 and the expo's dates both hold 2024-05-01.
    expect(await ids('--period', '2024-05-01')).toEqual(ALL);
    expect(await ids('--period', '2024-04-01/2024-04-27')).toEqual(ALL.filter((id) => id !== 'expo-dates-2024'));
    expect(await ids('--period', '2024')).toEqual(ALL);
    expect(await ids('--period', '2023')).toEqual([]);
    expect(await ids('--subject', 'lakeside')).toEqual(['expo-visitors-2024']);
    expect(await ids('--no-disputed')).toEqual(ALL.filter((id) => id !== 'expo-budget-2024'));
  });

  it('writes CSV that parses back to the same cells', async () => {
    const r = await runZgc(['list', '--format', 'csv']);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['id', 'title', 'value', 'period', 'sources']);
    expect(rows.slice(1).map((c) => c[0])).toEqual(ALL);
    expect(rows.find((c) => c[0] === 'expo-dates-2024')).toEqual(['expo-dates-2024', 'Dates of the Lakeside Expo in 2024', 'April 28 to May 2, 2024', '2024-04-28/2024-05-02', 'harbor-daily-expo']);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout).not.toContain('\r');
  });

  it('writes TSV with a header, JSON and NDJSON with the documented fact objects', async () => {
    const tsv = (await runZgc(['list', '--format', 'tsv'])).stdout.trimEnd().split('\n');
    expect(tsv[0]).toBe('id\ttitle\tvalue\tperiod\tsources');
    expect(tsv).toHaveLength(ALL.length + 1);
    const json = JSON.parse((await runZgc(['list', '--json'])).stdout);
    expect(json.map((f: { id: string }) => f.id)).toEqual(ALL);
    expect(Object.keys(json[0]).sort()).toEqual(['aliases', 'bound', 'display', 'disputed', 'id', 'notes', 'period', 'sources', 'statement', 'subject', 'tags', 'title', 'unit', 'value']);
    const nd = (await runZgc(['list', '--format', 'ndjson'])).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(nd).toEqual(json);
  });

  it('draws a table on a terminal and plain lines in a pipe', async () => {
    const tty = await runZgc(['list'], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(tty.stdout).toMatch(/^┌/);
    expect(tty.stdout).toContain('│ expo-visitors-2024');
    const pipe = await runZgc(['list']);
    expect(pipe.stdout).not.toMatch(/[┌│─]/);
  });

  it('refuses an unknown --field and a conflicting --json/--format', async () => {
    const bad = await runZgc(['list', '--field', 'colour']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--field: unknown value "colour" (one of id, title');
    const both = await runZgc(['list', '--json', '--format', 'csv']);
    expect(both.code).toBe(2);
  });
});

describe('zgc list refuses impossible filters', () => {
  it('is a usage error (exit 2, one line) for a period not in the calendar', async () => {
    for (const p of ['20x4', '2024-13', '2024-02-30', '2025-03-31/2025-03-27', 'last year']) {
      const r = await runZgc(['list', '--period', p]);
      expect({ p, code: r.code, stdout: r.stdout }).toEqual({ p, code: 2, stdout: '' });
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect((await runZgc(['list', '--period', '2024-02-29'])).code).toBe(0);
  });

  it('is a usage error for a source that names nothing, with a suggestion', async () => {
    const r = await runZgc(['list', '--source', 'harbor-daily-exp']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no source "harbor-daily-exp"');
    expect(r.stderr).toContain('harbor-daily-expo');
  });

  it('says "no facts match" on a terminal, and prints nothing to a pipe', async () => {
    const tty = await runZgc(['list', '--tag', 'no-such-tag'], { stdoutIsTTY: true });
    expect(tty.stderr).toBe('zgc: no facts match\n');
    const pipe = await runZgc(['list', '--tag', 'no-such-tag']);
    expect({ out: pipe.stdout, err: pipe.stderr, code: pipe.code }).toEqual({ out: '', err: '', code: 0 });
  });
});
