/**
 * What a query written in Chinese says besides its words: the words that
 * only make it a question (多少, 几个, 哪一年), the measure word after a
 * question word and what it says is asked (几年 a number of years, 第几 a
 * rank, 几家 a count), the general words that say only that a figure is asked
 * (数量, 规模, 来自), relative periods (去年), and periods written in Chinese
 * (2025年3月, 2024年四季度, 上半年). General Chinese only, never a subject's
 * words: what a facts directory calls its own things lives in its
 * vocabulary.yaml and its facts' aliases. Run only on queries holding Han
 * characters.
 */
import { COUNTERS, HAN } from './han.js';
import { tokenize } from './normalize.js';

/** Words that only make a query a question or glue it together (single characters are words of their own: 年, 的, 是). */
export const ZH_QUESTION_WORDS = new Set(
  (
    '多少 什么 哪个 哪些 哪里 哪儿 哪年 哪一年 哪天 哪一天 哪家 哪位 几个 几 哪 何时 何地 何处 为何 为什么 什么时候 如何 怎么 怎样 多大 多久 多长 多高 ' +
    '是否 是不是 有没有 有多少 共有 一共 总共 共计 合计 分别 请问 查询 查 请 告诉 我 我们 你 您 ' +
    '年 月 日 号 的 是 了 吗 呢 吧 啊 在 和 与 及 以及 或 有 为 共 约 大约 左右 其 该 这 那 这个 那个 之 从 到 至 于 对 由 被 把 将 已 已经 还 都 也 又 就 才 曾 ' +
    '第 第几 位列 位居 排在 居 达 达到 成为 属于 处于'
  ).split(' '),
);

/**
 * Words that say only that a figure is asked, or glue a question together
 * (数量, 规模, 来自, 进入): matched where a fact holds them, left out where
 * none does, as a question word is. A word no fact holds otherwise counts
 * against every fact, as an unknown subject should.
 */
export const ZH_LIGHT_WORDS = new Set(
  (
    '数量 数目 数字 数据 数值 总数 总量 总额 金额 数额 人数 个数 次数 家数 规模 情况 多少钱 具体 ' +
    '来自 进入 完成 实现 获得 拥有 包括 包含 涉及 参与 参加 来到 出自 出现 发布 公布 披露 统计 显示 表明 ' +
    '目前 现在 当前 如今 最近 全年 年度 年份 时候 期间 方面 相关 有关 关于 主要 全部 所有 整体 总体'
  ).split(' '),
);

/** "比上年", "较去年同期": growth over the year before, what any rate of growth is; said of no period. */
export const ZH_FILLER = /[比较](?:上年|去年|上一年)(?:同期)?/gu;

/** Relative periods ("去年", "今年"): zgc cannot place them without a date to count from. 上年 is left: "比上年" is year on year. */
export const ZH_RELATIVE = /去年|今年|明年|前年|本年度?|本月|上个?月|下个?月|今天|昨天|近年来?|近几年|近些年/gu;

/**
 * Words of general Chinese that ask the same thing, with the English words
 * facts write for it ("日期" finds a fact titled "Dates", or aliased 时间).
 */
export const ZH_SYNONYMS: readonly (readonly string[])[] = [
  ['日期', '时间', '日子', 'date', 'dates'],
  ['地点', '地方', '场地', '举办地', 'venue', 'location'],
];

/** What a question asks for, as a fact's unit says it: a rank (第几, 第二), a number of years (几年), a count (几个, 多少家). */
export interface QueryAsks {
  unit: 'rank' | 'year' | 'count';
  /** The rank the query names ("全球第一" 1), when it names one. */
  value?: number;
}

/** Measure words a question word may take ("几艘", "多少家"): han.ts's counters and more that count things, not amounts. */
const MEASURES = COUNTERS + '艘架辆只头匹张本册篇栋间棵株颗粒块片根把套双对户回趟遍轮类枚';

/** Measure words of time, whose count is the figure asked ("几年" a number of years). */
const TIME_COUNTERS: Record<string, QueryAsks['unit']> = { 年: 'year' };

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A small number written in Chinese or in digits ("三", "十一", "二十", "11"), else null. */
export function smallNumber(s: string): number | null {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? DIGIT[m[1]]! : null;
  return (m[1] ? DIGIT[m[1]]! : 1) * 10 + (m[3] ? DIGIT[m[3]]! : 0);
}

/** How a query's Chinese word is read. */
export type ZhKind = 'word' | 'question' | 'light';

export interface ChineseTokens {
  tokens: string[];
  kinds: ZhKind[];
  /** For each word written in Han characters, its run (the Han words written in a row, with at most spaces between them) and its place in it. */
  runs: ({ run: string[]; at: number } | null)[];
  asks: QueryAsks | null;
}

/** A question word with a measure word after it ("几个", "几家", "多少年"), read as one question: what it asks, or null. */
function questionCounter(question: string, counter: string): QueryAsks | null {
  if (!MEASURES.includes(counter) || counter.length !== 1) return null;
  // "第几位": a rank; "第几届", "第几天": which one, which no unit says.
  if (question === '第几') return '位名'.includes(counter) ? { unit: 'rank' } : null;
  const time = TIME_COUNTERS[counter];
  if (time) return { unit: time };
  // "多少元", "多少亿", "几倍", "几个月": an amount, a ratio or a span, not a count of things.
  return NOT_COUNTED.includes(counter) ? null : { unit: 'count' };
}

/** Units of time after a counted measure word ("几个月", "多少个小时"): a span is asked, not a count. */
const SPAN = /^(?:月|小时|钟头|星期|礼拜|季度|分钟)/u;

/** Measure words after which a question asks an amount, a ratio or a span of time rather than a count. */
const NOT_COUNTED = '元亿万千百倍月日天周季';

/** "第几", "第二", "第11": a rank asked or named, else null. */
function rankWord(w: string, next: string | undefined): QueryAsks | null {
  if (w === '第几') return { unit: 'rank' };
  const m = /^第(.+)$/u.exec(w);
  if (m) {
    const n = smallNumber(m[1]!);
    return n === null ? null : { unit: 'rank', value: n };
  }
  if (w === '第' && next !== undefined) {
    const n = smallNumber(next);
    return n === null ? null : { unit: 'rank', value: n };
  }
  return null;
}

/** "第三季度", "第12届", "第二天": an ordinal counting periods or editions, not a rank. */
const ORDINAL_OF = /^(?:季度|季|届|期|次|天|日|周|年|月|批|轮|阶段|部分|章|条|款|项)/u;

/** A question word, alone or with its measure word ("几", "几个", "第几", "多少家"). */
const QUESTION_AT_END = new RegExp(`^(?:第几|几|多少)[${MEASURES}]?$`, 'u');

/** A word with a question word at its end that the dictionary wrote as one ("有几个", "分几年", "排第几"): the two parts. */
function splitQuestion(w: string): string[] {
  if (w.length < 3 || ZH_QUESTION_WORDS.has(w)) return [w];
  for (let at = 1; at < w.length; at++) {
    const rest = w.slice(at);
    if (QUESTION_AT_END.test(rest) || (rest.length >= 2 && ZH_QUESTION_WORDS.has(rest))) return [w.slice(0, at), rest];
  }
  return [w];
}

/** The words of a query holding Han characters, read as above; `split` writes words as the parts given (facts hold the parts). */
export function readChinese(text: string, split?: ReadonlyMap<string, readonly string[]>): ChineseTokens {
  const tokens: string[] = [];
  const runs: ChineseTokens['runs'] = [];
  // A run: Han words written together, or with only spaces between them ("灯会 游客").
  for (const piece of text.normalize('NFKC').split(/(\p{Script=Han}+(?:\s+\p{Script=Han}+)*)/u)) {
    if (!piece) continue;
    if (!HAN.test(piece)) {
      for (const t of tokenize(piece)) {
        tokens.push(t);
        runs.push(null);
      }
      continue;
    }
    const run = tokenize(piece)
      .flatMap(splitQuestion)
      .flatMap((w) => split?.get(w) ?? [w]);
    run.forEach((t, at) => {
      tokens.push(t);
      runs.push({ run, at });
    });
  }
  const kinds: ZhKind[] = tokens.map((t) => (ZH_QUESTION_WORDS.has(t) ? 'question' : ZH_LIGHT_WORDS.has(t) ? 'light' : 'word'));
  let asks: QueryAsks | null = null;
  let named: QueryAsks | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    const next = tokens[i + 1];
    // "几个", "几年", "多少|家": the question with its measure word.
    // "第|几届": the ordinal written apart.
    const ordinal = tokens[i - 1] === '第';
    const joined = /^(几|多少|第几)(.)$/u.exec(w);
    if (joined && MEASURES.includes(joined[2]!)) {
      kinds[i] = 'question';
      if (!SPAN.test(next ?? '')) asks ??= questionCounter(ordinal ? '第几' : joined[1]!, joined[2]!);
      continue;
    }
    const asking = /(几|多少)$/u.exec(w);
    if (asking && kinds[i] === 'question' && next !== undefined && next.length === 1 && MEASURES.includes(next)) {
      kinds[i] = kinds[i + 1] = 'question';
      if (!SPAN.test(tokens[i + 2] ?? '')) asks ??= questionCounter(ordinal ? '第几' : asking[1]!, next);
      i++;
      continue;
    }
    const rank = rankWord(w, next);
    const following = w === '第' ? tokens[i + 2] : next;
    if (rank && !(following !== undefined && ORDINAL_OF.test(following))) {
      kinds[i] = 'question';
      if (w === '第') kinds[i + 1] = 'question';
      if (rank.value === undefined) asks ??= rank;
      else named ??= rank;
      // "第几大", "第二位": the measure after a rank is part of it.
      const after = w === '第' ? i + 2 : i + 1;
      if (tokens[after] !== undefined && /^[大小位名]$/u.test(tokens[after]!)) kinds[after] = 'question';
      continue;
    }
  }
  return { tokens, kinds, runs, asks: asks ?? named };
}

/** Quarters written in Chinese ("四季度", "第四季度", "一季度"), by the numeral before 季度. */
const QUARTER_WORD = '季度';

/**
 * The period a Chinese query names beside its year (its tokens, the year's
 * place among them): a date ("2025年3月27日"), a month ("2024年11月"), a
 * quarter ("2024年四季度"), a half ("2024年上半年") or the first three
 * quarters ("前三季度"). Null when it names only the year.
 */
export function chinesePeriod(tokens: readonly string[], yearAt: number): { months: [number, number] } | { month: number; day: number | null } | null {
  const near = tokens.slice(yearAt + 1, yearAt + 8);
  // "2025 年 3 月 27 日": tokens after the year.
  const at = near[0] === '年' ? 1 : 0;
  if (/^\d{1,2}$/.test(near[at] ?? '') && near[at + 1] === '月') {
    const month = Number(near[at]);
    const day = /^\d{1,2}$/.test(near[at + 2] ?? '') && (near[at + 3] === '日' || near[at + 3] === '号') ? Number(near[at + 2]) : null;
    return { month, day };
  }
  const window = tokens.slice(Math.max(0, yearAt - 4), yearAt + 6);
  const q = window.indexOf(QUARTER_WORD);
  if (q > 0) {
    const before = window[q - 1]!.replace(/^[第前]/u, '');
    const n = smallNumber(before);
    if (n !== null && n >= 1 && n <= 4) {
      // "前三季度": the first three quarters.
      if ((window[q - 2] ?? '').endsWith('前') || window[q - 1]!.startsWith('前')) return { months: [1, 3 * n] };
      return { months: [3 * n - 2, 3 * n] };
    }
  }
  if (window.includes('上半年')) return { months: [1, 6] };
  if (window.includes('下半年')) return { months: [7, 12] };
  return null;
}

/** Words that write a Chinese period beside its year: matched only where a fact holds them. */
export const ZH_PERIOD_WORDS = new Set(['季度', '上半年', '下半年', '年底', '年末', '年初', '全年', '年度', '一', '二', '三', '四', '前', '第']);
