import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';

describe('zgc sources', () => {
  it('lists id, publisher, date, kind and the number of facts citing each', async () => {
    const r = await runZgc(['sources', '--format', 'tsv']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split('\t'))).toEqual([
      ['id', 'publisher', 'published', 'kind', 'facts'],
      ['bot-digest', 'Bot Digest', 'unknown', 'ai-generated', '1'],
      ['harbor-daily-expo', 'Harbor Daily', '2024-05-02', 'news', '3'],
      ['valley-wire-expo', 'Valley Wire', '2024-05', 'republication', '2'],
    ]);
  });

  it('gives ids for completion and scripts', async () => {
    expect((await runZgc(['sources', '--field', 'id'])).stdout).toBe('bot-digest\nharbor-daily-expo\nvalley-wire-expo\n');
  });
});

describe('zgc source', () => {
  it("prints one source's citation, fields, notes and facts", async () => {
    const r = await runZgc(['source', 'bot-digest', '--format', 'plain']);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text.split('\n')[0]).toBe('bot-digest  “Expo in numbers”, Bot Digest, date unknown [AI-generated]');
    expect(text).toContain('published  unknown');
    expect(text).toContain('author     not given');
    expect(text).toContain('The page says it was written by a language model.');
    expect(text).toContain('robot-guides-2024  Robot guides at the Lakeside Expo: more than 40 robots');
  });

  it('prints the source object with the ids of its facts as JSON', async () => {
    const out = JSON.parse((await runZgc(['source', 'valley-wire-expo', '--json'])).stdout);
    expect(out).toMatchObject({ id: 'valley-wire-expo', publisher: 'Valley Wire', author: [], published: '2024-05', kind: 'republication', url: null, facts: ['expo-budget-2024', 'robot-growth-2024'] });
  });

  it('exits 1 for an unknown source', async () => {
    const r = await runZgc(['source', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('zgc: no source "nope" (see zgc sources)\n');
  });
});

describe('misses in JSON', () => {
  it('zgc source <unknown> --json prints the documented miss object, exit 1', async () => {
    const r = await runZgc(['source', 'harbor-daily-expp', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ query: 'harbor-daily-expp', source: null });
    expect(out.suggestions[0]).toEqual({ id: 'harbor-daily-expo', title: 'Lakeside Expo opens with record crowds' });
    expect(r.stderr).toMatch(/^zgc: no source "harbor-daily-expp"/);
  });

  it('search and list print an empty array for no result, and stat a null fact', async () => {
    const search = await runZgc(['search', 'zzzzqqqq', '--json']);
    expect({ code: search.code, out: JSON.parse(search.stdout) }).toEqual({ code: 1, out: [] });
    const list = await runZgc(['list', '--tag', 'no-such-tag', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
    const stat = await runZgc(['stat', 'quantum eels', '--json']);
    expect(JSON.parse(stat.stdout)).toMatchObject({ fact: null });
  });
});
