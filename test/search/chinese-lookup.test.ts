/**
 * Chinese queries read against the facts (src/search/chinese-lookup.ts,
 * through findFact and zgc stat), over made-up facts about Yunhu, a lake town
 * that does not exist (test/fixtures/lookup-zh), with Chinese aliases and a
 * vocabulary.yaml.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import type { FactBase } from '../../src/facts/types.js';
import { findFact, type Lookup } from '../../src/search/find.js';
import { runZgc } from '../helpers/io.js';

const YUNHU = path.resolve(__dirname, '../fixtures/lookup-zh');
let base: FactBase;
beforeAll(async () => {
  base = await loadFacts(YUNHU);
});
const find = (q: string) => findFact(base, q);
const answer = async (q: string) => (await find(q)).fact?.id ?? null;
const missOf = async (q: string) => {
  const r: Lookup = await find(q);
  if (r.fact !== null) throw new Error(`"${q}" was answered with ${r.fact.id}`);
  return r;
};

describe('Chinese questions', () => {
  it('answers questions written as people type them, question and measure words left out', async () => {
    expect(await answer('云湖灯会2024年有多少游客')).toBe('lantern-visitors-2024');
    expect(await answer('灯会有多少游客 2024')).toBe('lantern-visitors-2024');
    expect(await answer('渔船有多少艘')).toBe('fishing-boats');
    expect(await answer('灯会游客人数 2024')).toBe('lantern-visitors-2024');
  });

  it('answers with the fact giving what the question asks, of facts alike: years for 几年, a count for 几家, a rank for 第几', async () => {
    expect(await answer('花灯作坊经营了几年')).toBe('lantern-workshop-years');
    expect(await answer('花灯作坊有几家')).toBe('lantern-workshops');
    expect(await answer('云湖茶叶出口排第几')).toBe('tea-exports-rank-2024');
    expect(await answer('茶叶出口多少元')).toBe('tea-exports-2024');
  });

  it('reads a general word asking a date as the words facts write for it', async () => {
    expect(await answer('灯会日期 2024')).toBe('lantern-dates-2024');
  });

  it('reads a word the dictionary joined to a neighbour as the words facts hold ("云湖灯会")', async () => {
    expect(await answer('云湖灯会游客 2024')).toBe('lantern-visitors-2024');
  });

  it('reads an abbreviation written against Chinese as a word of its own', async () => {
    expect(await answer('YLF游客 2024')).toBe('lantern-visitors-2024');
  });

  it('lists facts a relative period leaves alike, and misses a year no fact is about', async () => {
    const r = await missOf('去年灯会游客');
    expect(r.reason).toBe('ambiguous');
    expect(r.suggestions.map((s) => s.fact.id).sort()).toEqual(['lantern-visitors-2023', 'lantern-visitors-2024']);
    expect(await missOf('茶叶出口 2022')).toMatchObject({ reason: 'period', period: '2022' });
  });
});

describe('one-character slips in Chinese', () => {
  it('forgives one wrong character in a word of three or more', async () => {
    expect(await answer('雾兰春产量')).toBe('wulanchun-output-2024');
  });

  it('forgives one in a two-character word only when its neighbour stands beside the corrected word in a fact', async () => {
    expect(await answer('花灯作仿')).toBe('lantern-workshops');
    // 作仿 alone, or beside a word no fact writes 作坊 next to: too little to tell a slip from another word.
    expect((await missOf('作仿')).reason).toBe('no match');
    expect((await missOf('茶叶作仿')).reason).toBe('no match');
  });
});

describe('Chinese queries about what the facts do not cover', () => {
  it('is a miss (reason "subject") for a place or country no fact holds', async () => {
    expect(await missOf('杭州灯会游客')).toMatchObject({ reason: 'subject', subject: '杭州' });
    expect(await missOf('日本茶叶出口 2024')).toMatchObject({ reason: 'subject', subject: '日本' });
    expect((await missOf('杭州灯会游客')).suggestions[0]!.fact.id).toMatch(/^lantern-/);
  });

  it('is a miss for a place some fact holds, when the facts that fit the rest do not hold it', async () => {
    expect(await missOf('苏州茶叶出口 2024')).toMatchObject({ reason: 'subject', subject: '苏州' });
    expect(await answer('苏州茶叶协议')).toBe('suzhou-tea-agreement');
  });

  it('is a miss for a word no fact holds written right after an alias: it asks something else of that fact', async () => {
    const r = await missOf('茶叶出口额增速');
    expect(r.reason).toBe('no match');
    expect(r.suggestions[0]!.fact.id).toBe('tea-exports-2024');
    expect((await missOf('灯会门票价格')).reason).toBe('no match');
    // A word that only says a figure is asked is no such word.
    expect(await answer('茶叶出口额数量')).toBe('tea-exports-2024');
  });

  it('exits 1 with the miss in Chinese as in English, naming the subject', async () => {
    const zh = await runZgc(['stat', '--no-cache', '--facts', YUNHU, '杭州灯会游客']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/^zgc: no fact about 杭州 matches "杭州灯会游客"; nearest: lantern-/);
    const en = await runZgc(['stat', '--no-cache', '--facts', YUNHU, 'Hangzhou lantern festival visitors']);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/^zgc: no fact about Hangzhou matches/);
    const json = await runZgc(['stat', '--no-cache', '--facts', YUNHU, '--json', '日本茶叶出口 2024']);
    expect(JSON.parse(json.stdout)).toMatchObject({ fact: null, reason: 'subject', subject: '日本' });
  });
});
