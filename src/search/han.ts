/**
 * Words in Chinese text, which puts no spaces between them. A run of Han
 * characters is split by Intl.Segmenter's Chinese dictionary (Node's ICU),
 * after numerals written in characters ("一百二十八") are taken out whole,
 * since the dictionary cuts them anywhere ("一百|二十|八场"). Names it does
 * not know come out a character at a time ("洋|山|港"): neighbouring single
 * characters are joined again, so that a name splits the same way in a draft,
 * a query and a fact, except characters that are words of their own (的, 在,
 * 年 ...). Both sides of every match go through here.
 */

export const HAN = /\p{Script=Han}/u;
export const HAN_RUN = /\p{Script=Han}+/gu;

/** Characters of numerals written in Chinese: digits, then place values. */
export const HAN_DIGITS = '〇零一二两三四五六七八九';
export const HAN_PLACES = '十百千万亿';
const NUMERAL = new RegExp(`[${HAN_DIGITS}十][${HAN_DIGITS}${HAN_PLACES}点]*`, 'gu');
/** Measure words and units that make a lone numeral character a number ("三场", "五家"). */
export const COUNTERS = '场名个家台项位人件款次所座届批条种倍元亿万千百年月日天周国座部只辆支份季';

/** Characters that modify the word after them (high, new, big, small, chief, vice, super, all, non-, low, strong, main, quasi-, sub-, semi-, double, micro-). */
const PREFIXES = '高新大小总副超全非低强主准次亚半双微';

/** Characters that are words of their own: never joined to a neighbour. */
const FUNCTION_CHARACTERS = new Set([...'的了在和与及或是为于由对从把被向将已也都并而其该此这那之共约近超逾余多第年月日时以至到每各等']);

let segmenter: Intl.Segmenter | undefined;
/** Characters given to the dictionary at once: far above a sentence, far below where its cost turns quadratic. */
const PIECE = 256;
/** Longest name rejoined from single characters. */
const MAX_JOINED = 8;

export interface HanWord {
  text: string;
  /** Offsets in the run. */
  start: number;
  end: number;
  numeral: boolean;
}

/** The words of a run of Han characters, in order, with offsets. */
export function hanWords(run: string): HanWord[] {
  const out: HanWord[] = [];
  let last = 0;
  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(run); m !== null; m = NUMERAL.exec(run)) {
    const text = m[0];
    // A lone "一" or "十" is mostly part of a word ("统一", "十分"); with a measure word after it, it counts.
    const after = run[m.index + 1];
    if (text.length === 1 && !(after !== undefined && COUNTERS.includes(after))) continue;
    dictionaryWords(run, last, m.index, out);
    out.push({ text, start: m.index, end: m.index + text.length, numeral: true });
    last = m.index + text.length;
  }
  dictionaryWords(run, last, run.length, out);
  return out;
}

function dictionaryWords(run: string, from: number, to: number, out: HanWord[]): void {
  if (from >= to) return;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let joined: HanWord | null = null;
  // The dictionary's cost grows faster than the text it is given (80,000 characters at once: 4 s): it is given a
  // run in pieces, at the price of a word cut where one piece ends, in runs longer than any sentence.
  for (let piece = from; piece < to; piece += PIECE) {
    for (const s of segmenter.segment(run.slice(piece, Math.min(to, piece + PIECE)))) {
      const start = piece + s.index;
      const text = s.segment;
      if (text.length > 1 || FUNCTION_CHARACTERS.has(text)) {
        // A prefix standing alone before a word modifies it ("高|技能" is 高技能, high-skilled; "大|模型"): one word,
        // or what tells 高技能人才 from 技能人才 would be lost. Other lone characters end the word before them more often
        // than they start the next ("制造|业" before "世界"), and stay apart.
        const last = out[out.length - 1];
        if (joined && last === joined && joined.text.length === 1 && text.length > 1 && PREFIXES.includes(joined.text)) {
          last.text += text;
          last.end = start + text.length;
        } else out.push({ text, start, end: start + text.length, numeral: false });
        joined = null;
      } else if (joined && joined.text.length < MAX_JOINED) {
        joined.text += text;
        joined.end = start + 1;
      } else out.push((joined = { text, start, end: start + 1, numeral: false }));
    }
  }
}

/** Text with every run of Han characters written as words between spaces. */
export function spaceHan(s: string): string {
  if (!HAN.test(s)) return s;
  return s.replace(HAN_RUN, (run) => ` ${hanWords(run).map((w) => w.text).join(' ')} `);
}
