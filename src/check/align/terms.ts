/**
 * The words zgc check matches on: a text's words as terms (stemmed, with
 * synonyms folded and words that say nothing dropped), and each fact's terms
 * with the weight of the field they come from.
 *
 * What these functions return is kept in the cache (word-index.ts): the build
 * id must cover this file, so that a change here never meets terms cached by
 * the code before it.
 */
import type { Fact } from '../../facts/types.js';
import { stemmer } from 'stemmer';
import { normalizeText } from '../../search/normalize.js';
import type { VocabularyGroup } from '../../facts/vocabulary.js';
import { HAN } from '../../search/han.js';

/** Chinese words read together to find a word of the vocabulary the dictionary split. */
const MAX_JOINED_WORDS = 3;

const STOPWORDS = new Set(
  (
    'a an the of in on at to for from by with within without into onto over under about between among through during before after since until as than and or but nor so yet if ' +
    'that which who whom whose what when where while because although though this these those it its their his her our your my is are was were be been being am will would shall should ' +
    'can could may might must has have had do does did not no also said says say according per cent percent percentage point points total number numbers amount some such there here ' +
    'then now more most less least very just only each every other another all both any many much few several same own out up down off again further once ' +
    'he she they them we us you i me him one two three four five six seven eight nine ten eleven twelve dozen hundred thousand million billion trillion first second third ' +
    'bn mn tn k m b s t how year-on-year yoy approximately around nearly almost roughly above below vs versus ' +
    // Chinese words that say nothing of what is counted (single characters never count: see termOf).
    '我们 他们 其中 以及 已经 通过 进行 共计 合计 总计 同比 比上 上年 去年 今年 达到 超过 不到 左右 以上 以下 其他 这些 那些 一些 一个 一次 之一 目前 当前 此外 同时 方面 有关 相关 约为 为了 可以 没有 已有 将近 接近 大约 百分 百分点'
  ).split(' '),
);
/** A word written in Chinese numerals ("一百二十八"): a figure, not a word. */
const HAN_NUMERAL = /^[〇零一二两三四五六七八九十百千万亿点]+$/;

/**
 * Words of the language that the checker's own rules stand on, each group
 * read as its first word: a growth figure ("up 8.3 percent") implies growth,
 * "first held" is a founding, a date speaks of dates. A subject's words (its
 * synonyms, abbreviations and names) come from its facts directory instead
 * (vocabulary.yaml).
 */
const LANGUAGE_GROUPS: string[][] = [
  ['growth', 'grow', 'grew', 'grown', 'growing', 'increase', 'increased', 'increases', 'rise', 'rose', 'risen', 'rising', '增长', '增速', '增幅', '增加', '上升', '上涨'],
  ['establish', 'established', 'establishment', 'founded', 'founding', 'launched', '创办', '创立', '创建', '成立', '设立', '始于', '首办', '首届'],
  ['year', 'years', 'yr', 'yrs'],
  // Months and their abbreviations ("Jan-Nov" names what a title's "January to November" does).
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['june', 'jun'], ['july', 'jul'],
  ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
];

/** Words ending in s that are no plurals: "news" is not "new". */
const NOT_PLURAL = new Set(['news', 'series', 'species', 'means', 'headquarters', 'whereas', 'across', 'perhaps', 'always', 'lens', 'gas', 'canvas', 'chaos', 'alias', 'status', 'campus', 'census']);

function baseStem(word: string): string {
  if (NOT_PLURAL.has(word)) return word;
  const w = word.replace(/'s$/, '').replace(/'$/, '');
  // Porter's stemmer reads letters only: "at&t", "co-op" and words with digits stay as they are.
  return /^[a-z]+$/.test(w) ? stemmer(w) : w;
}

export const ESTABLISH = baseStem('establish');
export const GROWTH = baseStem('growth');
export const DATE = baseStem('date');

/** Words after "first" that make it a founding: "first held in 2007". */
const FOUNDING_VERBS = /^(held|hosted|staged|convened)$/;

/** A phrase of the vocabulary: its words' stems, and the term it stands for. */
interface Phrase {
  stems: string[];
  term: string;
}

/**
 * The words a check matches on, for one vocabulary: a text's words as terms
 * (stemmed, words of one group read as the group's first, words that say
 * nothing dropped), and a phrase of the vocabulary ("research and
 * development") also read as its group's term. Built once per check.
 */
export class Terms {
  /** A word's stem to its group's term. */
  private readonly single = new Map<string, string>();
  /** Phrases of two or more words, by the stem of their first word, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();

  constructor(groups: readonly VocabularyGroup[]) {
    for (const g of LANGUAGE_GROUPS) this.addGroup(g);
    for (const g of groups) this.addGroup(g.phrases);
    for (const list of this.phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  private addGroup(phrases: readonly string[]): void {
    const stemsOf = (p: string) => normalizeText(p).split(' ').filter(Boolean).map(baseStem);
    const all = phrases.map(stemsOf).filter((s) => s.length > 0);
    if (!all.length) return;
    // A group that shares a word with an earlier one joins it: "the same thing" is transitive.
    const joined = all.map((s) => (s.length === 1 ? this.single.get(s[0]!) : undefined)).find((t) => t !== undefined);
    const term = joined ?? all[0]!.join(' ');
    for (const stems of all) {
      if (stems.length === 1) {
        if (!this.single.has(stems[0]!)) this.single.set(stems[0]!, term);
      } else {
        let list = this.phrases.get(stems[0]!);
        if (!list) this.phrases.set(stems[0]!, (list = []));
        list.push({ stems, term });
      }
    }
  }

  /** The matching form of one lower-case word, or null for a word that says nothing. */
  termOf(lower: string): string | null {
    // "US" in capitals, as a draft writes it, is a name the vocabulary may hold, not the pronoun "us".
    if (/^[A-Z]{2,4}$/.test(lower)) {
      const word = lower.toLowerCase();
      return this.single.get(word) ?? (STOPWORDS.has(word) ? null : this.termOf(word));
    }
    if (STOPWORDS.has(lower) || /^\d/.test(lower) || lower.length < 2 || HAN_NUMERAL.test(lower)) return null;
    const stem = baseStem(lower);
    if (STOPWORDS.has(stem)) return null;
    return this.single.get(stem) ?? stem;
  }

  /**
   * The terms of word i of a sequence of lower-case words: its own, and the
   * term of a phrase of the vocabulary starting there, or of "first held".
   */
  termsAt(words: readonly string[], i: number): string[] {
    const w = words[i]!;
    if (FOUNDING_VERBS.test(w) && words[i - 1] === 'first') return [];
    const out = w.split('-').map((p) => this.termOf(p)).filter((t): t is string => t !== null);
    if (w === 'first' && FOUNDING_VERBS.test(words[i + 1] ?? '')) out.push(ESTABLISH);
    // The dictionary splits a word by its neighbours ("吞吐量" alone, "吞吐|量" before another word): Chinese words that
    // make a word of the vocabulary together are read as it too.
    if (HAN.test(w)) {
      let joined = w;
      for (let j = i + 1; j < words.length && j <= i + MAX_JOINED_WORDS && HAN.test(words[j]!); j++) {
        joined += words[j];
        const t = this.single.get(joined);
        if (t !== undefined) {
          if (!out.includes(t)) out.push(t);
          break;
        }
      }
    }
    const phrases = this.phrases.get(baseStem(w));
    if (phrases) {
      for (const p of phrases) {
        if (p.stems.every((s, k) => words[i + k] !== undefined && baseStem(words[i + k]!) === s)) {
          if (!out.includes(p.term)) out.push(p.term);
          break;
        }
      }
    }
    return out;
  }

  /** The terms of each of a sequence of lower-case words. */
  termsOfWords(words: readonly string[]): string[][] {
    return words.map((w, i) => (/^\d/.test(w) ? [] : this.termsAt(words, i)));
  }

  /** Terms of a text (a fact's title, alias, statement). */
  termsOfText(text: string): string[] {
    return this.termsOfWords(normalizeText(text).split(' ').filter(Boolean)).flat();
  }
}

/** Terms without a vocabulary: the language's own groups only. */
export const PLAIN_TERMS = new Terms([]);

/** How much a word counts by the field of the fact it comes from. */
const FIELD_WEIGHTS = { alias: 1, title: 1, display: 0.9, tag: 0.7, statement: 0.6, subject: 0.5 } as const;

/**
 * Field weights by class, as the word index stores them: class 0 is a word
 * the fact does not hold.
 */
export const CLASS_WEIGHTS: readonly number[] = [0, FIELD_WEIGHTS.title, FIELD_WEIGHTS.display, FIELD_WEIGHTS.tag, FIELD_WEIGHTS.statement, FIELD_WEIGHTS.subject];

/** The class of a field weight (a weight factTerms gives). */
export function weightClass(weight: number): number {
  const c = CLASS_WEIGHTS.indexOf(weight);
  if (c <= 0) throw new Error(`no class for the field weight ${weight}`);
  return c;
}

/** Each word of a fact with the weight of the weightiest field it is in. */
export function factTerms(fact: Fact, termsOf: (text: string) => readonly string[] = (text) => PLAIN_TERMS.termsOfText(text)): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string | undefined, w: number) => {
    if (!text) return;
    for (const t of termsOf(text)) if ((terms.get(t) ?? 0) < w) terms.set(t, w);
  };
  for (const a of fact.aliases) add(a, FIELD_WEIGHTS.alias);
  add(fact.title, FIELD_WEIGHTS.title);
  add(fact.display, FIELD_WEIGHTS.display);
  for (const c of fact.sources) add(c.display, FIELD_WEIGHTS.display);
  for (const tag of fact.tags) add(tag.replace(/-/g, ' '), FIELD_WEIGHTS.tag);
  add(fact.statement, FIELD_WEIGHTS.statement);
  add(fact.subject, FIELD_WEIGHTS.subject);
  return terms;
}
