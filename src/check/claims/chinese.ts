/**
 * Claims in Chinese: figures in Arabic or Chinese numerals ("3.6", "一百二十八"),
 * with the scales 万, 亿, 万亿 and 千, units and measure words after them (元,
 * 美元, 场, 名, 家 ...), percentages ("8.3%", "百分之八点三") and percentage
 * points (个百分点), ranks (第11位), "top ten" (十大), years and dates
 * (2025年3月27日至31日), qualifiers read as bounds (余, 多, 近, 约, 左右, 超过, 逾,
 * 不到) and ranges (10至12). Read straight from the text, which has no spaces
 * to lean on; the claims are the same records as English ones (claim.ts).
 * Chinese numerals are read by nzh.
 */
import Nzh from 'nzh/cn';
import { HAN } from '../../search/han.js';
import type { Claim, ClaimBound, DayDate } from './claim.js';
import { readNumeral, significant } from './numbers.js';
import type { Token } from '../draft/tokens.js';

const HAN_NUM = '[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿点]*';
const ARABIC = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALES: Record<string, number> = { 万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 千: 1e3, 百: 1e2 };
const SCALE = Object.keys(SCALES).join('|');
const CURRENCIES: Record<string, string> = { 元人民币: 'CNY', 元: 'CNY', 人民币: 'CNY', 美元: 'USD', 欧元: 'EUR', 日元: 'JPY', 港元: 'HKD', 港币: 'HKD', 英镑: 'GBP' };
const CURRENCY = Object.keys(CURRENCIES).join('|');
/** Measure words: what follows them is what is counted. */
const COUNTER = '[场名个家台项位人件款次所座届批条种国部辆只支份款]';
/** Spans of time counted ("5年", "连续十五年", "三个月"), with the English word they are matched by, as "five years" is. */
const DURATIONS: Record<string, string> = { 个季度: 'quarters', 个月: 'months', 年: 'years', 天: 'days', 周: 'weeks', 小时: 'hours' };
const DURATION = Object.keys(DURATIONS).join('|');
const BEFORE: Record<string, ClaimBound> = {
  超过: 'more-than', 超: 'more-than', 逾: 'more-than', 突破: 'more-than', 多于: 'more-than', 高于: 'more-than', 大于: 'more-than',
  将近: 'nearly', 接近: 'nearly', 近: 'nearly', 大约: 'about', 约为: 'about', 约: 'about', 大概: 'about',
  不到: 'less-than', 不足: 'less-than', 少于: 'less-than', 低于: 'less-than', 不少于: 'at-least', 不低于: 'at-least', 至少: 'at-least',
  最多: 'at-most', 至多: 'at-most', 多达: 'at-most', 不超过: 'at-most', 最高: 'at-most', 高达: 'at-most',
};
const BEFORE_WORDS = Object.keys(BEFORE).sort((a, b) => b.length - a.length).join('|');
const AFTER: Record<string, ClaimBound> = { 左右: 'about', 上下: 'about', 以上: 'more-than', 以下: 'at-most', 以内: 'at-most' };

const NUM = `(?:${ARABIC})(?:${SCALE})?|${HAN_NUM}`;
/**
 * One figure: qualifier, number, a range's second number, 余/多, then a
 * currency, a percentage sign, percentage points or a measure word, then a
 * qualifier after it. Dates, ranks and "百分之" have patterns of their own.
 */
const FIGURE = new RegExp(
  `(?<before>${BEFORE_WORDS})?(?<sign>[-−+](?=\\d))?(?<num>${NUM})(?:%?(?<to>至|到|-|—|–|~)(?<high>${NUM}))?(?<approx>余|多)?(?<approxScale>万亿|亿|万)?` +
    `(?<unit>${CURRENCY}|%|个百分点|百分点|${DURATION}|${COUNTER})?(?<after>左右|上下|以上|以下|以内)?(?<plus>\\+(?!\\d))?`,
  'uy',
);
const PERCENT_WORDS = new RegExp(`(?<before>${BEFORE_WORDS})?百分之(?<num>${ARABIC}|${HAN_NUM})(?<after>左右|以上|以下)?`, 'uy');
const RANK = new RegExp(`第(?<num>\\d{1,4}|${HAN_NUM})(?<unit>位|名)?`, 'uy');
/** "十大" (top ten), "百强" (top hundred). */
const TOP = new RegExp(`(?<num>\\d{1,3}|${HAN_NUM}|百|千)(?:大|强)(?=\\p{Script=Han})`, 'uy');
/** "四分之一": a fraction, read as a percentage of something ("超过四分之一" of output). */
const FRACTION = new RegExp(`(?<before>${BEFORE_WORDS})?(?<whole>\\d{1,3}|${HAN_NUM})分之(?<part>\\d{1,3}|${HAN_NUM})`, 'uy');
/** "四成" (four tenths, 40%): 成 after a numeral, unless it starts a word (成为, 成功 ...). */
const TENTHS = new RegExp(`(?<before>${BEFORE_WORDS})?(?<num>[一二两三四五六七八九]|\\d(?:\\.\\d)?)成(?![为功本果立熟交员长就绩都品分效型])`, 'uy');
/** "3.27-3.31": days of one month as a post writes them, month and day joined by a point. */
const POINT_DATES = /(?<m1>\d{1,2})\.(?<d1>\d{1,2})[-–—~](?<m2>\d{1,2})\.(?<d2>\d{1,2})(?![\d.])/uy;
const DATE = /(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?:(?<day>\d{1,2})[日号])?(?:(?:至|到|-|—|–|~)(?:(?<month2>\d{1,2})月)?(?<day2>\d{1,2})[日号])?/uy;
const YEAR = /(?<year>\d{4})年(?!代)/uy;
const NUMERAL_RUN = /[\d.,〇零一二两三四五六七八九十百千万亿点]+/uy;

const UP = /(增长|增加|提高|上升|上涨|提升|增速|增幅|涨幅|扩大|攀升|增)[^，,、；;。]*$/u;
const DOWN = /(下降|减少|降低|下滑|回落|下跌|缩小|降幅|跌幅|减|降)[^，,、；;。]*$/u;
/** "第一次", "第一时间": 第一 as a word, not a rank. */
const NOT_RANK_AFTER = /^(次|时间|步|批|线|手|个|天|期|集|页|版|章|号|卷|条|节|季|轮|课|部分)/u;

/** The value of a numeral in Chinese characters, or null. */
export function hanNumeral(s: string): number | null {
  const text = s.replace(/两/g, '二').replace(/〇/g, '零');
  // "二零二四": digits read one by one, as years are.
  if (!/[十百千万亿点]/u.test(text)) {
    if (text.length === 1) return '零一二三四五六七八九'.indexOf(text);
    return Number([...text].map((c) => '零一二三四五六七八九'.indexOf(c)).join(''));
  }
  // "三点六万亿": a decimal before a scale, which nzh does not read: the decimal, then the scale.
  const scaled = /^(.+点.+?)(万亿|亿|万)$/u.exec(text);
  if (scaled) {
    const mantissa = hanNumeral(scaled[1]!);
    return mantissa === null ? null : Number(`${mantissa}e${Math.round(Math.log10(SCALES[scaled[2]!]!))}`);
  }
  const v = Number(Nzh.decodeS(text));
  return Number.isFinite(v) && v > 0 ? v : null;
}

interface Read {
  value: number | null;
  place: number;
  sigPlace: number;
  digits: number;
  scale: number;
  problem: string | null;
}

function readNum(text: string): Read {
  if (/^\d/.test(text)) {
    const m = /^([\d.,]+)(.*)$/u.exec(text)!;
    const n = readNumeral(m[1]!);
    const scale = m[2] ? SCALES[m[2]]! : 1;
    const value = n.value === null ? null : Number(`${n.value}e${Math.round(Math.log10(scale))}`);
    return { value, place: n.place * scale, sigPlace: n.sigPlace * scale, digits: n.digits, scale, problem: n.problem };
  }
  const value = hanNumeral(text);
  if (value === null) return { value: null, place: 1, sigPlace: 1, digits: 1, scale: 1, problem: `"${text}" is no numeral zgc reads` };
  const [int, dec = ''] = String(value).split('.');
  const sig = significant(int!, dec);
  // "三万亿" is written to the trillion: its last place is its rounding.
  return { value, place: sig.sigPlace, sigPlace: sig.sigPlace, digits: sig.digits, scale: 1, problem: null };
}

function scaleRead(r: Read, scale: number): void {
  if (r.value !== null) r.value = Number(`${r.value}e${Math.round(Math.log10(scale))}`);
  r.place *= scale;
  r.sigPlace *= scale;
  r.scale *= scale;
}

function blank(start: number, end: number, text: string): Claim {
  return {
    start, end, line: 0, col: 0, text, dimension: 'quantity', value: null, high: null, place: 1, sigPlace: 1, digits: 1, scale: 1, unit: null, bound: 'exact', change: null,
    share: false, date: null, noun: [], before: null, tokenStart: 0, tokenEnd: 0, sentence: 0, problem: null,
  };
}

/** The clause before an offset, back to the last clause mark. */
function clauseBefore(text: string, at: number): string {
  const from = Math.max(0, at - 60);
  const before = text.slice(from, at);
  const cut = Math.max(...['，', ',', '、', '；', ';', '。', '\n', '：', ':'].map((p) => before.lastIndexOf(p)));
  return before.slice(cut + 1);
}

function changeBefore(text: string, at: number): 'up' | 'down' | null {
  const clause = clauseBefore(text, at);
  const up = UP.exec(clause);
  const down = DOWN.exec(clause);
  if (up && (!down || up.index > down.index)) return 'up';
  if (down) return 'down';
  return /同比|比上年|较上年|环比/u.test(clause) ? 'up' : null;
}

/** Whether a figure starting or ending here stands in Chinese: a Han character beside it, or beyond a bracket. */
function besideHan(text: string, start: number, end: number): boolean {
  const before = BRACKETS.includes(text[start - 1] ?? '') ? text[start - 2] : text[start - 1];
  const after = BRACKETS.includes(text[end] ?? '') ? text[end + 1] : text[end];
  return HAN.test(before ?? '') || HAN.test(after ?? '');
}
const BRACKETS = '()（）[]【】「」《》';

/** Digit i continues a number: a digit before it, or a point or comma between digits. */
function insideNumber(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  return /\d/.test(prev) || ((prev === '.' || prev === ',') && /\d/.test(text[i - 2] ?? ''));
}

/**
 * Every claim written the Chinese way in a text (already made comparable by
 * normalizeChars), in order. A figure with nothing Chinese beside it is left
 * to the English reading.
 */
export function findChineseClaims(text: string, draft: string): Claim[] {
  const claims: Claim[] = [];
  if (!HAN.test(text)) return claims;
  const at = (re: RegExp, i: number) => {
    re.lastIndex = i;
    return re.exec(text);
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    // A figure starts at a digit, a numeral, 第, 百分之 or a qualifier; anything else moves on by one.
    // A sign starts one after Chinese: "房地产开发投资-10.6%".
    const sign = (text[i] === '-' || text[i] === '+' || text[i] === '−') && /\d/.test(text[i + 1] ?? '') && HAN.test(text[i - 1] ?? '');
    const startsFigure = (c >= 48 && c <= 57) || sign || HAN.test(text[i]!);
    if (!startsFigure || (c >= 48 && c <= 57 && insideNumber(text, i))) {
      i++;
      continue;
    }
    const claim = readDate(text, draft, i, at) ?? readPointDates(text, draft, i, at) ?? readFraction(text, draft, i, at) ?? readTenths(text, draft, i, at) ?? readVague(text, draft, i, at) ?? readRank(text, draft, i, at) ?? readPercentWords(text, draft, i, at) ?? readTop(text, draft, i, at) ?? readFigure(text, draft, i, at);
    if (claim) {
      claims.push(claim);
      i = claim.end;
    } else {
      // A numeral that makes no claim is passed whole: trying again inside it would make a long one cost its square.
      NUMERAL_RUN.lastIndex = i;
      i = NUMERAL_RUN.test(text) ? Math.max(i + 1, NUMERAL_RUN.lastIndex) : i + 1;
    }
  }
  return claims;
}

type At = (re: RegExp, i: number) => RegExpExecArray | null;

function readDate(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(DATE, i);
  if (m && (m.groups!.year || m.groups!.day)) {
    const g = m.groups!;
    const year = g.year ? Number(g.year) : null;
    const from: DayDate = { year, month: Number(g.month), day: g.day ? Number(g.day) : null };
    const to: DayDate | null = g.day2 ? { year, month: g.month2 ? Number(g.month2) : from.month, day: Number(g.day2) } : null;
    if (from.month < 1 || from.month > 12 || (from.day !== null && (from.day < 1 || from.day > 31))) return null;
    const end = i + m[0].length;
    return { ...blank(i, end, draft.slice(i, end)), dimension: 'date', date: { from, to } };
  }
  const y = at(YEAR, i);
  if (y) {
    const year = Number(y.groups!.year);
    if (year < 1800 || year > 2199) return null;
    // The claim is the year; "年" stays in the text, as the label writes it.
    const end = i + y[0].length;
    return { ...blank(i, end, draft.slice(i, end)), dimension: 'year', value: year, digits: 4, before: null };
  }
  return null;
}

function readPointDates(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(POINT_DATES, i);
  if (!m) return null;
  const [m1, d1, m2, d2] = ['m1', 'd1', 'm2', 'd2'].map((k) => Number(m.groups![k]));
  const end = i + m[0].length;
  // Only as a span of days within one month, beside Chinese: "3.5-3.8" is a range of figures anywhere else.
  if (m1 !== m2 || m1! < 1 || m1! > 12 || !(d1! < d2!) || d2! > 31 || !besideHan(text, i, end)) return null;
  return { ...blank(i, end, draft.slice(i, end)), dimension: 'date', date: { from: { year: null, month: m1!, day: d1! }, to: { year: null, month: m1!, day: d2! } } };
}

function readFraction(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(FRACTION, i);
  if (!m) return null;
  const whole = readNum(m.groups!.whole!).value;
  const part = readNum(m.groups!.part!).value;
  if (!whole || part === null || part >= whole) return null;
  const end = i + m[0].length;
  const bound = m.groups!.before ? BEFORE[m.groups!.before]! : 'exact';
  return { ...blank(i, end, draft.slice(i, end)), dimension: 'percent', unit: 'percent', value: (100 * part) / whole, place: 0.1, sigPlace: 0.1, bound, share: true };
}

/**
 * Round numbers said loosely, as ranges or floors: "十几" (11 to 19), "几十" and "数十" (20 to 90), "几百" (200 to
 * 900), "上百" (a hundred or more); a scale may follow ("几十万").
 */
const VAGUE = new RegExp(`(?<word>十几|几十|几百|几千|几万|数十|数百|数千|数万|上百|上千|上万)(?<scale>万亿|亿|万)?(?<unit>${CURRENCY}|${COUNTER})?`, 'uy');
const VAGUE_SPANS: Record<string, [number, number | null]> = {
  十几: [11, 19], 几十: [20, 90], 数十: [20, 90], 几百: [200, 900], 数百: [200, 900], 几千: [2000, 9000], 数千: [2000, 9000],
  几万: [2e4, 9e4], 数万: [2e4, 9e4], 上百: [100, null], 上千: [1000, null], 上万: [1e4, null],
};

function readVague(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(VAGUE, i);
  if (!m) return null;
  const g = m.groups!;
  const scale = g.scale ? SCALES[g.scale]! : 1;
  const [lo, hi] = VAGUE_SPANS[g.word!]!;
  const end = i + m[0].length;
  const unit = g.unit && CURRENCIES[g.unit] !== undefined ? CURRENCIES[g.unit]! : null;
  return {
    ...blank(i, end, draft.slice(i, end)), dimension: unit ? 'money' : 'quantity', unit, value: lo * scale, high: hi === null ? null : hi * scale,
    bound: hi === null ? 'at-least' : 'exact', place: (lo / 10) * scale, sigPlace: lo * scale, digits: 1,
  };
}

function readTenths(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(TENTHS, i);
  if (!m) return null;
  const r = readNum(m.groups!.num!);
  if (r.value === null) return null;
  const end = i + m[0].length;
  const bound = m.groups!.before ? BEFORE[m.groups!.before]! : 'exact';
  return { ...blank(i, end, draft.slice(i, end)), dimension: 'percent', unit: 'percent', value: r.value * 10, place: 10 * r.place, sigPlace: 10 * r.sigPlace, bound, share: true };
}

function readRank(text: string, draft: string, i: number, at: At): Claim | null {
  if (text[i] !== '第') return null;
  const m = at(RANK, i);
  if (!m) return null;
  const end = i + m[0].length;
  if (NOT_RANK_AFTER.test(text.slice(end, end + 2))) return null;
  const r = readNum(m.groups!.num!);
  if (r.value === null || !Number.isInteger(r.value)) return null;
  return { ...blank(i, end, draft.slice(i, end)), dimension: 'rank', value: r.value, digits: r.digits };
}

function readPercentWords(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(PERCENT_WORDS, i);
  if (!m) return null;
  const r = readNum(m.groups!.num!);
  if (r.value === null) return null;
  const end = i + m[0].length;
  const bound = (m.groups!.before ? BEFORE[m.groups!.before] : undefined) ?? (m.groups!.after ? AFTER[m.groups!.after] : undefined) ?? 'exact';
  return {
    ...blank(i, end, draft.slice(i, end)), dimension: 'percent', unit: 'percent', value: r.value, place: r.place, sigPlace: r.sigPlace, digits: r.digits, bound, change: changeBefore(text, i),
    share: /占/u.test(clauseBefore(text, i)),
  };
}

function readTop(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(TOP, i);
  if (!m) return null;
  const r = readNum(m.groups!.num === '百' ? '一百' : m.groups!.num === '千' ? '一千' : m.groups!.num!);
  if (r.value === null || r.value < 2 || !Number.isInteger(r.value)) return null;
  const end = i + m[0].length;
  return { ...blank(i, end, draft.slice(i, end)), value: r.value, digits: r.digits, before: 'top' };
}

function readFigure(text: string, draft: string, i: number, at: At): Claim | null {
  const m = at(FIGURE, i);
  if (!m) return null;
  const g = m.groups!;
  // "第12期": an issue's number, which readRank left alone.
  if (text[i - 1] === '第') return null;
  const numStart = i + (g.before?.length ?? 0) + (g.sign?.length ?? 0);
  const han = !/^\d/.test(g.num!);
  const unit = g.unit ?? '';
  const end = i + m[0].length;
  // A lone Chinese numeral is mostly a word ("一些", "十分", "一个"): it counts with a unit, a measure word or 余/多
  // after it, or as two characters or more with a place value ("三千"); "一" alone never does.
  if (han && !unit && !g.approx && !(g.num!.length > 1 && /[十百千万亿]/u.test(g.num!))) return null;
  if (g.num === '一' && !g.high) return null;
  // "3月", "1-11月", "3-5年": a month, a run of months, a duration.
  if (!unit && /^[年月日号时点分秒天周]/u.test(text[end] ?? '')) return null;
  // Digits with nothing Chinese about them are the English reading's.
  if (!han && !besideHan(text, numStart, numStart + g.num!.length) && !besideHan(text, numStart, end) && !besideHan(text, i, end) && !/\p{Script=Han}/u.test(m[0].slice(g.before?.length ?? 0))) return null;
  // A year is read by readDate; "2024年" never reaches here, but "2024-2025年" would.
  const r = readNum(g.num!);
  const high = g.high ? readNum(g.high) : null;
  // "六千多万", "300余万": a scale after 多 or 余 scales the figure before it.
  if (g.approxScale) scaleRead(r, SCALES[g.approxScale]!);
  let bound: ClaimBound = 'exact';
  if (g.before) bound = BEFORE[g.before]!;
  // "近6个季度", "近三年": the last six quarters, three years; 近 before a span of time says which, not how many.
  if (g.before === '近' && DURATIONS[unit] !== undefined) return readFigure(text, draft, i + g.before.length, at);
  if (g.approx) bound = 'more-than';
  if (g.after) bound = AFTER[g.after]!;
  // "1000+", "400万+": at least.
  if (g.plus) bound = 'at-least';
  let dimension: Claim['dimension'] = 'quantity';
  let claimUnit: string | null = null;
  if (unit === '%') claimUnit = 'percent';
  else if (unit === '个百分点' || unit === '百分点') claimUnit = 'percentage-point';
  else if (CURRENCIES[unit] !== undefined) claimUnit = CURRENCIES[unit]!;
  if (claimUnit === 'percent' || claimUnit === 'percentage-point') dimension = 'percent';
  else if (claimUnit !== null) dimension = 'money';
  const duration = DURATIONS[unit];
  if (duration !== undefined && unit === '年' && r.value !== null && r.value >= 1800) {
    // "2024-2025年": years, not a span of two thousand.
    return { ...blank(i, end, draft.slice(i, end)), dimension: 'year', value: r.value, high: high?.value ?? null, digits: 4 };
  }
  // A bare four-digit integer beside Chinese that no measure word follows is a year or a code: left alone.
  if (dimension === 'quantity' && !unit && !g.approx && !g.before && !g.plus && r.scale === 1 && /^\d{4}$/.test(g.num!)) return null;
  const negative = g.sign === '-' || g.sign === '−';
  const claim: Claim = {
    ...blank(i, end, draft.slice(i, end)),
    dimension,
    value: r.value === null ? null : negative ? -r.value : r.value,
    high: high?.value ?? null,
    place: high ? Math.min(r.place, high.place) : r.place,
    sigPlace: high ? Math.min(r.sigPlace, high.sigPlace) : r.sigPlace,
    digits: r.digits,
    scale: r.scale,
    unit: claimUnit,
    bound,
    problem: r.problem,
  };
  if (duration !== undefined) claim.noun = [duration];
  if (dimension === 'percent') {
    // "+8.3%", "-10.6%": a signed percentage is a change.
    claim.change = g.sign ? (negative ? 'down' : 'up') : changeBefore(text, i);
    claim.share = /占/u.test(clauseBefore(text, i));
  }
  return claim;
}

/**
 * The months a Chinese period at token k names: "3月", "1-11月" and "1至11月",
 * "一季度", "第四季度", "前三季度"; undefined when none starts there.
 */
export function chineseMonthsAt(tokens: readonly Token[], k: number): number[] | undefined {
  const tok = tokens[k]!;
  const next = tokens[k + 1];
  if (tok.kind === 'num' && /^\d{1,2}$/.test(tok.text) && (next?.text === '月' || next?.text === '月份') && !next.space) {
    const m = Number(tok.text);
    if (m < 1 || m > 12) return undefined;
    const j = tokens[k - 1];
    const from = tokens[k - 2];
    if (j && from && /^(-|至|到|–|—|~)$/.test(j.text) && from.kind === 'num' && /^\d{1,2}$/.test(from.text)) {
      const f = Number(from.text);
      if (f >= 1 && f < m) return Array.from({ length: m - f + 1 }, (_, n) => f + n);
    }
    return [m];
  }
  if (next?.text === '季度' && /^[一二三四1-4]$/.test(tok.text)) {
    const q = /\d/.test(tok.text) ? Number(tok.text) : '一二三四'.indexOf(tok.text) + 1;
    if (tokens[k - 1]?.text === '前') return Array.from({ length: 3 * q }, (_, n) => n + 1);
    return [3 * q - 2, 3 * q - 1, 3 * q];
  }
  return undefined;
}
