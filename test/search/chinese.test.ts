/**
 * A Chinese query read for its question words, measure words, periods and
 * what it asks (src/search/chinese.ts, through parseQuery), with the made-up
 * Yunhu vocabulary (test/fixtures/lookup-zh).
 */
import { describe, expect, it } from 'vitest';
import { readChinese, smallNumber } from '../../src/search/chinese.js';
import { parseQuery, queryPeriod } from '../../src/search/query.js';
import type { Vocabulary } from '../../src/facts/vocabulary.js';

const vocabulary: Vocabulary = {
  key: 'test',
  groups: [
    { phrases: ['visitor', 'visitors', '游客', '游人'], names: false },
    { phrases: ['workshop', 'workshops', '作坊'], names: false },
    { phrases: ['YLF', 'Yunhu Lantern Festival'], names: false },
    { phrases: ['Yunhu', '云湖', '云湖镇'], names: true },
  ],
};
const words = (q: string) => parseQuery(q, vocabulary).terms.map((t) => t.word);

describe('Chinese question words and measure words', () => {
  it('drops the words that only make a question, with the measure word after 几 or 多少', () => {
    const q = parseQuery('花灯作坊有几家', vocabulary);
    expect(q.terms.map((t) => t.word)).toEqual(['花灯', '作坊']);
    expect(q.questionWords.join('')).toContain('几');
    expect(words('渔船有多少艘')).toEqual(['渔船']);
    expect(words('灯会共有多少名游客')).toEqual(['灯会', '游客']);
    expect(words('灯会在哪里举办')).toEqual(['灯会', '举办']);
  });

  it('reads what a question asks: a count, a number of years, a rank, or none', () => {
    expect(parseQuery('花灯作坊有几家', vocabulary).asks).toEqual({ unit: 'count' });
    expect(parseQuery('渔船有多少艘', vocabulary).asks).toEqual({ unit: 'count' });
    expect(parseQuery('花灯作坊经营了几年', vocabulary).asks).toEqual({ unit: 'year' });
    expect(parseQuery('茶叶出口排第几', vocabulary).asks).toEqual({ unit: 'rank' });
    expect(parseQuery('茶叶出口全省第三', vocabulary).asks).toEqual({ unit: 'rank', value: 3 });
    // An amount, a span of months, an edition: no unit says them.
    expect(parseQuery('茶叶出口多少元', vocabulary).asks).toBeNull();
    expect(parseQuery('灯会持续几个月', vocabulary).asks).toBeNull();
    expect(parseQuery('灯会是第几届', vocabulary).asks).toBeNull();
    // An ordinal counting quarters is a period, not a rank.
    expect(parseQuery('2024年第三季度茶叶出口', vocabulary).asks).toBeNull();
    expect(parseQuery('tea exports 2024', vocabulary).asks).toBeNull();
  });

  it('marks general words that only say a figure is asked as optional, and keeps the rest', () => {
    const q = parseQuery('灯会游客数量', vocabulary);
    expect(q.terms.find((t) => t.word === '数量')?.optional).toBe(true);
    expect(q.terms.find((t) => t.word === '游客')?.optional).toBeUndefined();
    expect(q.terms.find((t) => t.word === '游客')?.alternatives.map((a) => a.words.join(' '))).toEqual(expect.arrayContaining(['visitor', 'visitors', '游人']));
  });

  it('gives a general word asking a date its other words, in Chinese and English', () => {
    const alt = parseQuery('灯会日期', vocabulary).terms.find((t) => t.word === '日期')!.alternatives.map((a) => a.words.join(' '));
    expect(alt).toEqual(expect.arrayContaining(['时间', 'date', 'dates']));
  });

  it('keeps each Han word with the words written in a row with it, across spaces but not across other script', () => {
    const r = readChinese('灯会 游客 2024 花灯');
    expect(r.runs.map((x) => x && x.run.join('|'))).toEqual(['灯会|游客', '灯会|游客', null, '花灯']);
    expect(r.runs[1]).toMatchObject({ at: 1 });
  });

  it('reads words as the parts it is told facts hold', () => {
    expect(readChinese('大研发投入', new Map([['大研发', ['大', '研发']]])).tokens).not.toContain('大研发');
  });

  it('reads small numbers written in Chinese or digits', () => {
    expect([smallNumber('三'), smallNumber('十'), smallNumber('十一'), smallNumber('二十'), smallNumber('二十五'), smallNumber('11')]).toEqual([3, 10, 11, 20, 25, 11]);
    expect(smallNumber('几')).toBeNull();
    expect(smallNumber('')).toBeNull();
  });
});

describe('Chinese periods', () => {
  it('reads a date, a month, a quarter, a half and the first three quarters beside a year', () => {
    expect(queryPeriod('2025年3月27日灯会')).toMatchObject({ text: '2025-03-27' });
    expect(queryPeriod('2024年11月茶叶出口')).toMatchObject({ text: '2024-11', to: '2024-11-30' });
    expect(queryPeriod('2024年四季度茶叶出口')).toMatchObject({ from: '2024-10-01', to: '2024-12-31' });
    expect(queryPeriod('2024年第一季度茶叶出口')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(queryPeriod('2024年上半年茶叶出口')).toMatchObject({ from: '2024-01-01', to: '2024-06-30' });
    expect(queryPeriod('2024年前三季度茶叶出口')).toMatchObject({ from: '2024-01-01', to: '2024-09-30' });
    expect(queryPeriod('2024年茶叶出口')).toMatchObject({ text: '2024' });
  });

  it('leaves a relative period (去年, 今年) unresolved and out of the words', () => {
    const q = parseQuery('去年灯会游客', vocabulary);
    expect(q).toMatchObject({ relative: true, period: null });
    expect(q.terms.map((t) => t.word)).toEqual(['灯会', '游客']);
    // "比上年", "比去年": growth over the year before, as any growth rate is; no period, and not matched.
    for (const q of ['茶叶出口比上年增长', '茶叶出口比去年增长']) {
      expect(parseQuery(q, vocabulary).relative).toBe(false);
      expect(words(q)).toEqual(['茶叶', '出口', '增长']);
    }
  });
});

describe('names in a query holding Chinese', () => {
  it('reads letters written against Han characters as words of their own ("YLF游客")', () => {
    const q = parseQuery('YLF游客 2024', vocabulary);
    expect(q.names.map((n) => n.text)).toEqual(['YLF']);
    expect(q.terms.map((t) => t.word)).toEqual(['ylf', '游客', '2024']);
  });

  it("takes a names group's Chinese member as a name, and Han words as no capitalised name", () => {
    expect(parseQuery('云湖的灯会游客', vocabulary).names.map((n) => n.text)).toEqual(['云湖']);
    expect(parseQuery('花灯作坊', vocabulary).names).toEqual([]);
  });

  it('writes a Chinese name the dictionary splits as it was written ("茶叶村", not "茶叶 村")', () => {
    const village: Vocabulary = { key: 'village', groups: [{ phrases: ['Chaye Village', '茶叶村'], names: true }] };
    expect(parseQuery('茶叶村的灯会', village).names).toEqual([{ text: '茶叶村', forms: [['茶叶', '村'], ['chaye', 'village']] }]);
  });
});
