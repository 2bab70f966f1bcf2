import { describe, expect, it } from 'vitest';
import { hanNumeral } from '../../../src/check/claims/chinese.js';
import type { Claim } from '../../../src/check/claims/claim.js';
import { extractClaims } from '../../../src/check/claims/extract.js';
import { hanWords, spaceHan } from '../../../src/search/han.js';

const claims = (text: string): Claim[] => extractClaims(text).claims;
const one = (text: string): Claim => {
  const found = claims(text);
  expect(found.map((c) => c.text), `claims in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
};

describe('Chinese numerals', () => {
  it('reads numerals in characters, 两 and digit-by-digit years included', () => {
    expect(hanNumeral('一百二十八')).toBe(128);
    expect(hanNumeral('三万亿')).toBe(3e12);
    expect(hanNumeral('八点三')).toBe(8.3);
    expect(hanNumeral('三点六万亿')).toBe(3.6e12);
    expect(hanNumeral('两千')).toBe(2000);
    expect(hanNumeral('十一')).toBe(11);
    expect(hanNumeral('二〇二四')).toBe(2024);
  });
});

describe('figures in Chinese copy', () => {
  it('reads scales, currencies and measure words at full scale', () => {
    const money = one('全市港口吞吐量收入达4.2万亿元。');
    expect([money.value, money.unit, money.dimension, money.text]).toEqual([4.2e12, 'CNY', 'money', '4.2万亿元']);
    expect(one('去年出口额为1.5亿美元。').value).toBe(1.5e8);
    expect(one('去年出口额为1.5亿美元。').unit).toBe('USD');
    const count = one('港区共有一百二十八个泊位。');
    expect([count.value, count.unit, count.dimension, count.noun]).toEqual([128, null, 'quantity', ['泊位']]);
    expect(one('港区新增2.97万家物流企业。').value).toBe(29700);
  });

  it('reads percentages, percentage points and changes', () => {
    const up = one('集装箱吞吐量比上年增长8.3%。');
    expect([up.value, up.unit, up.change]).toEqual([8.3, 'percent', 'up']);
    expect(one('货运量同比下降2.1%。').change).toBe('down');
    const words = one('货运量增长百分之八点三。');
    expect([words.value, words.unit, words.change]).toEqual([8.3, 'percent', 'up']);
    expect(one('自动化率比上年提高0.1个百分点。').unit).toBe('percentage-point');
    expect(one('外贸货物占全部货物的35%。').share).toBe(true);
  });

  it('reads qualifiers before and after a figure as bounds', () => {
    expect(one('港区共有1万余名员工。').bound).toBe('more-than');
    expect(one('港区共有50多家企业。').bound).toBe('more-than');
    expect([one('港区有六千多万名员工。').value, one('港区有300余万名员工。').value]).toEqual([6e7, 3e6]);
    expect(one('港区共有近三千家企业。').bound).toBe('nearly');
    expect(one('港区共有约300家企业。').bound).toBe('about');
    expect(one('港区共有300家左右企业。').bound).toBe('about');
    expect(one('港区共有超过300家企业。').bound).toBe('more-than');
    expect(one('港区共有逾300家企业。').bound).toBe('more-than');
    expect(one('港区共有不到300家企业。').bound).toBe('less-than');
  });

  it('reads ranks, top tens, ranges, years and dates', () => {
    const rank = one('该港排名第11位。');
    expect([rank.dimension, rank.value]).toEqual(['rank', 11]);
    expect(one('该港排名第三。').value).toBe(3);
    const top = one('评出十大港口。');
    expect([top.value, top.before]).toEqual([10, 'top']);
    const range = one('每天到港10至12艘船。'.replace('艘', '条'));
    expect([range.value, range.high]).toEqual([10, 12]);
    const date = claims('博览会于2025年3月27日至31日举行。').find((c) => c.dimension === 'date')!;
    expect(date.date).toEqual({ from: { year: 2025, month: 3, day: 27 }, to: { year: 2025, month: 3, day: 31 } });
    expect(claims('博览会于3月27日—31日举行。')[0]!.date).toEqual({ from: { year: null, month: 3, day: 27 }, to: { year: null, month: 3, day: 31 } });
    const year = claims('2024年港口吞吐量增长。')[0]!;
    expect([year.dimension, year.value]).toEqual(['year', 2024]);
  });

  it('reads signs, ranges of percentages, tenths, ceilings and spans of recent time', () => {
    const fall = one('港口投资-10.6%。');
    expect([fall.value, fall.change]).toEqual([-10.6, 'down']);
    expect(one('出口+7.1%。').change).toBe('up');
    const range = one('预计增长4.7%至5%。');
    expect([range.value, range.high, range.unit]).toEqual([4.7, 5, 'percent']);
    expect(one('关税最高60%。').bound).toBe('at-most');
    const tenths = one('外贸贡献约四成。');
    expect([tenths.value, tenths.bound, tenths.unit]).toEqual([40, 'about', 'percent']);
    const recent = one('增速为近6个季度最快。');
    expect([recent.text, recent.value, recent.bound, recent.noun[0]]).toEqual(['6个季度', 6, 'exact', 'quarters']);
    expect(claims('港口成为第一大港，成功转型。').map((c) => c.text)).toEqual(['第一']);
  });

  it('reads round numbers said loosely as ranges or floors', () => {
    const dozen = one('论坛已经办了十几届。');
    expect([dozen.value, dozen.high]).toEqual([11, 19]);
    const tens = one('来自几十个国家。');
    expect([tens.value, tens.high]).toEqual([20, 90]);
    const hundreds = one('吸引上百家企业。');
    expect([hundreds.value, hundreds.high, hundreds.bound]).toEqual([100, null, 'at-least']);
    expect(one('投资几十万元。').value).toBe(2e5);
  });

  it('makes no claim of words that hold numerals, months or ordinals of sequence', () => {
    expect(claims('这一点十分重要，一带一路是一个统一的平台。第一次会议在3月召开，1-11月数据尚未发布。')).toEqual([]);
  });

  it('reads a Chinese figure in English copy, and English figures beside Chinese words', () => {
    const mixed = claims('Port revenue reached 4.2万亿元 in 2024, up 8.3 percent.');
    expect(mixed.map((c) => [c.text, c.value])).toEqual([
      ['4.2万亿元', 4.2e12],
      ['2024', 2024],
      ['8.3 percent', 8.3],
    ]);
  });

  it('ends sentences at Chinese stops with no space after them', () => {
    const ex = extractClaims('港区共有300家企业。员工1万余名！收入增长5%？');
    expect(ex.claims.map((c) => c.sentence)).toEqual([0, 1, 2]);
  });
});

describe('Chinese words', () => {
  it('splits a run of characters into words, numerals whole, unknown names joined', () => {
    expect(hanWords('本届论坛共举办一百二十八场活动').map((w) => w.text)).toEqual(['本届', '论坛', '共', '举办', '一百二十八', '场', '活动']);
    // A name the dictionary lacks splits the same way alone and inside a sentence.
    const alone = hanWords('洋山港').map((w) => w.text);
    expect(hanWords('洋山港吞吐量').map((w) => w.text).slice(0, alone.length)).toEqual(alone);
  });

  it('keeps a prefix with the word after it, and a lone character that ends a word apart from the next', () => {
    expect(hanWords('其中高技能人才').map((w) => w.text)).toContain('高技能');
    expect(hanWords('制造业规模连续多年世界第一').map((w) => w.text).filter((w) => /^业./u.test(w))).toEqual([]);
  });

  it('writes Chinese as words between spaces for matching, and leaves other text as it is', () => {
    expect(spaceHan('2024年港口吞吐量').trim().split(/\s+/)).toContain('吞吐量');
    expect(spaceHan('port throughput')).toBe('port throughput');
  });
});
