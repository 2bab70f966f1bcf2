/**
 * A query read for its parts: the period it names (a year, a month, a
 * quarter, a date), the names it holds (subjects: words capitalised in the
 * query, or members of a vocabulary `names` group), the words that say what
 * is asked, and the words that only make it a question ("how many", "what
 * is"). The words listed here are general English, never a subject's: what a
 * facts directory calls its own things lives in its vocabulary.yaml.
 */
import type { Vocabulary } from '../facts/vocabulary.js';
import { normalizeText, tokenize } from './normalize.js';
import { HAN } from './han.js';
import { chinesePeriod, readChinese, ZH_FILLER, ZH_PERIOD_WORDS, ZH_QUESTION_WORDS, ZH_RELATIVE, ZH_SYNONYMS, type QueryAsks } from './chinese.js';

/** A period as a range of ISO days, with how the query wrote it. */
export interface QueryPeriod {
  /** The period as zgc writes periods: "2024", "2024-11", "2024-10/2024-12", "2025-03-27". */
  text: string;
  from: string;
  to: string;
}

/** One word of the query to match, with the other words that mean the same (from the vocabulary). */
export interface QueryTerm {
  word: string;
  /** Other ways of writing it: one word, or a phrase whose words a fact must all hold. */
  alternatives: { words: string[]; quality: number }[];
  /** A general word that only says a figure is asked ("数量", "规模"): matched where a fact holds it, else left out. */
  optional?: boolean;
  /** A word written in Han characters: the words written together with it (its run), and its place there. */
  run?: readonly string[];
  at?: number;
}

/** A name the query holds, and the words standing for it (the name and its group's other members). */
export interface QueryName {
  /** As the query wrote it (for messages). */
  text: string;
  /** Normalized forms, each one word or a phrase. */
  forms: string[][];
}

export interface ParsedQuery {
  text: string;
  period: QueryPeriod | null;
  /** The query names a relative period ("last year") that zgc does not resolve. */
  relative: boolean;
  names: QueryName[];
  /** The words matched against facts: what is asked, without question words and relative periods. */
  terms: QueryTerm[];
  /** Words dropped because they only make the query a question. */
  questionWords: string[];
  /** The words that write the query's period ("fourth", "quarter", "2023"): matched only where a fact holds them. */
  periodTerms: string[];
  /** The query asks for the largest ("biggest", "most") or smallest ("fewest") of facts differing in value. */
  superlative: 'max' | 'min' | null;
  /** The query's superlative words, as matched (terms holding them). */
  superlativeWords: string[];
  /** What a Chinese question asks for, as a fact's unit says it ("第几" a rank, "几年" years); null when it does not say. */
  asks: QueryAsks | null;
  /**
   * What an English question asks for: "how many" a figure that is no
   * percentage or rank, "how much" a figure, "who" a person or body (no
   * figure but a rank); and, among facts close to the best, "when" a date,
   * "percentage of" a percentage, "number of" a count. Null when it does not say.
   */
  wants: QueryWants | null;
}

/** What an English question asks for (see ParsedQuery.wants). */
export type QueryWants = 'count' | 'amount' | 'who' | 'when' | 'percent' | 'number';

/** "how many", "how much", "who …", "when …", "what percentage", "number of": general English. */
function queryWants(raw: string): QueryWants | null {
  if (/\bhow\s+many\b/iu.test(raw)) return 'count';
  if (/\bhow\s+much\b/iu.test(raw)) return 'amount';
  if (/^\s*(?:who|whom|whose)\b/iu.test(raw)) return 'who';
  if (/^\s*when\b|\b(?:which|what)\s+(?:days?|dates?)\b/iu.test(raw)) return 'when';
  if (/\b(?:percentage|percent|proportion)\b/iu.test(raw)) return 'percent';
  if (/\bnumber\s+of\b|\bcount\b/iu.test(raw)) return 'number';
  return null;
}

/** How much a vocabulary alternative counts against the word as written. */
export const SYNONYM_QUALITY = 0.9;

/**
 * Words that only make a query a question or glue it together: they never
 * name a subject and are not matched. General English only.
 */
const QUESTION_WORDS = new Set(
  (
    'how many much what whats which when where who whom whose why did does do done is are was were be been being has have had ' +
    'can could will would should shall may might must the a an of in on at to for by with from into onto about as and or ' +
    'its it this that these those there their they them i we you me my our your he she his her us ' +
    'list show give tell find get please know say said tell took take'
  ).split(' '),
);
// The same in Chinese (chinese.ts).
for (const w of ZH_QUESTION_WORDS) QUESTION_WORDS.add(w);

/** Whether a normalized word only makes a query a question or glues it together ("when", "is", "the"). */
export const isQuestionWord = (w: string): boolean => QUESTION_WORDS.has(w);

/** Phrases of general English that say nothing of what is asked ("when did it take place", "on which days": a question asking when). */
const FILLER = /\b(?:take|takes|took|taking|taken)\s+place\b|\bis\s+there\b|\bare\s+there\b|\b(?:on\s+)?(?:which|what)\s+days?\b/giu;

/**
 * Superlatives of general English, by direction, in groups of words that
 * mean the same ("biggest" finds a fact titled "largest").
 */
const SUPERLATIVES: { direction: 'max' | 'min'; words: string[] }[] = [
  { direction: 'max', words: ['biggest', 'largest', 'greatest'] },
  { direction: 'max', words: ['highest', 'maximum'] },
  ...['most', 'longest', 'tallest', 'heaviest', 'strongest', 'fastest', 'oldest'].map((w) => ({ direction: 'max' as const, words: [w] })),
  { direction: 'min', words: ['smallest', 'tiniest'] },
  { direction: 'min', words: ['lowest', 'minimum'] },
  ...['least', 'fewest', 'shortest', 'lightest', 'weakest', 'slowest', 'youngest'].map((w) => ({ direction: 'min' as const, words: [w] })),
];
const SUPERLATIVE_OF = new Map(SUPERLATIVES.flatMap((g) => g.words.map((w) => [w, g] as const)));

/**
 * A year that only sets a baseline ("fastest since 2015", "since mid-2023"):
 * not the period the fact is about. Left out of the period and the words.
 */
const BASELINE = /\bsince\s+(?:(?:early|mid|late|the\s+end\s+of|end)[\s-]+)?(?:19|20)\d\d\b/giu;

/** Words that may start a query in capitals without naming anything. */
const SENTENCE_STARTERS = new Set(['top', 'total', 'number', 'share', 'first', 'last', 'most', 'biggest', 'largest', 'smallest', 'average', 'all', 'each', 'every', 'any', 'some', 'which', 'who']);

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
/** "last year", "this year's", "next quarter": periods zgc cannot place without a date to count from. */
const RELATIVE = /\b(?:last|this|next|past|previous|current|coming)[\s-]+(?:year|month|quarter|week|decade)(?:'s|\u2019s)?\b|\b(?:today|yesterday|currently|nowadays)\b/giu;
const YEAR = /^(?:19|20)\d\d$/;
const SPAN_WORDS = new Set(['to', 'through', 'until', 'till', 'and']);

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function yearRange(y: number): QueryPeriod {
  return { text: String(y), from: `${y}-01-01`, to: `${y}-12-31` };
}
function monthRange(y: number, m: number): QueryPeriod {
  return { text: `${y}-${pad(m)}`, from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(monthEnd(y, m))}` };
}
function monthsRange(y: number, from: number, to: number): QueryPeriod {
  return { text: `${y}-${pad(from)}/${y}-${pad(to)}`, from: `${y}-${pad(from)}-01`, to: `${y}-${pad(to)}-${pad(monthEnd(y, to))}` };
}
function dayRange(y: number, m: number, d: number): QueryPeriod | null {
  if (m < 1 || m > 12 || d < 1 || d > monthEnd(y, m)) return null;
  const t = `${y}-${pad(m)}-${pad(d)}`;
  return { text: t, from: t, to: t };
}

/**
 * The period a query names, from its normalized words: the most precise
 * one it writes (a date, then a month or quarter of a year, then years; two
 * years are the span between them). Null when it names none.
 */
export function queryPeriod(raw: string): QueryPeriod | null {
  const iso = /\b((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?\b/u.exec(raw);
  if (iso) {
    const y = Number(iso[1]);
    const m = Number(iso[2]);
    if (iso[3]) return dayRange(y, m, Number(iso[3]));
    if (m >= 1 && m <= 12) return monthRange(y, m);
  }
  const w = tokenize(raw);
  const years = w.map((t, i) => [t, i] as const).filter(([t]) => YEAR.test(t));
  if (!years.length) return null;
  if (years.length === 1) {
    const [t, i] = years[0]!;
    const y = Number(t);
    if (HAN.test(raw)) {
      const zh = chinesePeriod(w, i);
      if (zh && 'months' in zh) return zh.months[0] === zh.months[1] ? monthRange(y, zh.months[0]) : monthsRange(y, zh.months[0], zh.months[1]);
      if (zh && zh.day !== null) return dayRange(y, zh.month, zh.day);
      if (zh && zh.month >= 1 && zh.month <= 12) return monthRange(y, zh.month);
    }
    const near = (k: number) => w[k] ?? '';
    // "March 27, 2025", "27 March 2025", "March 2025", "Q4 2024", "fourth quarter 2024", "first half of 2024".
    for (const k of [i - 1, i - 2, i - 3]) {
      const m = MONTHS[near(k)];
      if (m === undefined) continue;
      const day = /^\d{1,2}$/.test(near(k + 1)) ? Number(near(k + 1)) : /^\d{1,2}$/.test(near(k - 1)) ? Number(near(k - 1)) : null;
      if (day !== null) return dayRange(y, m, day);
      // "October-December 2024", "January to March 2024": the months between.
      const start = MONTHS[near(k - 1)] ?? (SPAN_WORDS.has(near(k - 1)) ? MONTHS[near(k - 2)] : undefined);
      if (start !== undefined && start < m && k === i - 1) return monthsRange(y, start, m);
      if (k === i - 1 || (k === i - 2 && near(i - 1) === 'of')) return monthRange(y, m);
    }
    for (let k = Math.max(0, i - 4); k < Math.min(w.length, i + 4); k++) {
      const q = /^q([1-4])$/.exec(w[k]!);
      if (q) return monthsRange(y, 3 * Number(q[1]) - 2, 3 * Number(q[1]));
      const h = /^h([12])$/.exec(w[k]!);
      if (h) return monthsRange(y, h[1] === '1' ? 1 : 7, h[1] === '1' ? 6 : 12);
      const n = ORDINALS[w[k]!];
      if (n !== undefined && w[k + 1] === 'quarter') return monthsRange(y, 3 * n - 2, 3 * n);
      if (n !== undefined && n <= 2 && w[k + 1] === 'half') return monthsRange(y, n === 1 ? 1 : 7, n === 1 ? 6 : 12);
    }
    return yearRange(y);
  }
  const ys = years.map(([t]) => Number(t));
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return lo === hi ? yearRange(lo) : { text: `${lo}/${hi}`, from: `${lo}-01-01`, to: `${hi}-12-31` };
}

/** A word as the query wrote it, with where it stands. */
interface RawWord {
  text: string;
  norm: string;
  first: boolean;
}

function rawWords(s: string, split?: ReadonlyMap<string, readonly string[]>): RawWord[] {
  const out: RawWord[] = [];
  // Han characters are words of their own, apart from letters written next to them ("YLF游客"), and have no capitals.
  const pieces = HAN.test(s) ? s.normalize('NFKC').split(/(\p{Script=Han}+)/u) : [s.normalize('NFKC')];
  for (const piece of pieces) {
    if (HAN.test(piece)) {
      for (const norm of tokenize(piece).flatMap((w) => split?.get(w) ?? [w])) out.push({ text: norm, norm, first: out.length === 0 });
      continue;
    }
    for (const m of piece.matchAll(/[\p{L}\p{N}&]+(?:['\u2019]\p{L}+)?/gu)) {
      const text = m[0].replace(/['\u2019]s$/u, '');
      const norm = normalizeText(text);
      if (norm) out.push({ text, norm, first: out.length === 0 });
    }
  }
  return out;
}

const isAllCaps = (t: string) => /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t.replace(/s$/u, '')) && /\p{L}/u.test(t);
const isCapitalised = (t: string) => /^\p{Lu}/u.test(t);
/** "EVs", "LLMs": capitals, then a lower-case plural s. */
const isAcronymPlural = (t: string) => /^\p{Lu}{2,}s$/u.test(t);

/**
 * The names in a query: words written in capitals (an all-capital word, or a
 * capitalised one where the query is not written in title case; a capital
 * that only starts the query counts unless the word is general English), and
 * phrases of the vocabulary's `names` groups however they are written.
 */
function queryNames(raw: string, vocabulary: Vocabulary, periodWords: Set<string>, split?: ReadonlyMap<string, readonly string[]>): QueryName[] {
  const words = rawWords(raw, split);
  // Written in title case ("Global Innovation Index Rank"): capitals there say nothing of names.
  const letters = words.filter((w) => /\p{L}{2}/u.test(w.text) && !QUESTION_WORDS.has(w.norm) && !isAllCaps(w.text));
  const titleCase = letters.length >= 3 && letters.every((w) => isCapitalised(w.text));
  const found = new Map<string, QueryName>();
  const groupsOf = groupIndex(vocabulary);
  const add = (text: string, norm: string) => {
    if (found.has(norm)) return;
    const forms = new Map<string, string[]>([[norm, norm.split(' ')]]);
    // An abbreviation's plural ("EVs", "LLMs") stands for its singular too.
    if (isAcronymPlural(text)) forms.set(norm.slice(0, -1), [norm.slice(0, -1)]);
    for (const g of groupsOf.get(norm) ?? []) for (const p of g) forms.set(p, p.split(' '));
    found.set(norm, { text, forms: [...forms.values()] });
  };
  const norms = words.map((w) => w.norm);
  // Names the vocabulary knows, as phrases of any case.
  for (const g of vocabulary.groups) {
    if (!g.names) continue;
    for (const p of g.phrases) {
      const n = normalizeText(p).split(' ');
      for (let i = 0; i + n.length <= norms.length; i++) {
        if (n.every((x, k) => norms[i + k] === x)) add(joinWords(words.slice(i, i + n.length).map((w) => w.text)), n.join(' '));
      }
    }
  }
  for (const [i, w] of words.entries()) {
    if (QUESTION_WORDS.has(w.norm) || periodWords.has(w.norm) || /^\d/.test(w.norm) || w.text.length < 2) continue;
    // "May 2023", "Mar 27": a month, not a name.
    if (MONTHS[w.norm] !== undefined && [words[i - 1], words[i + 1]].some((x) => x && /^\d/.test(x.norm))) continue;
    if ([...found.keys()].some((k) => k.split(' ').includes(w.norm))) continue;
    if (isAllCaps(w.text)) add(w.text, w.norm);
    else if (isCapitalised(w.text) && !titleCase && !(w.first && SENTENCE_STARTERS.has(w.norm))) add(w.text, w.norm);
  }
  return [...found.values()];
}

/** Words as written together: Han words with nothing between them ("洋山港", not "洋山 港"), others with a space. */
function joinWords(words: readonly string[]): string {
  return words.reduce((out, w) => (out && HAN_END.test(out) && HAN_START.test(w) ? out + w : out ? `${out} ${w}` : w), '');
}
const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

/** Each normalized phrase of the vocabulary, with the other phrases of every group holding it. */
const groupIndexes = new WeakMap<Vocabulary, Map<string, string[][]>>();
function groupIndex(vocabulary: Vocabulary): Map<string, string[][]> {
  let index = groupIndexes.get(vocabulary);
  if (index) return index;
  index = new Map();
  for (const g of vocabulary.groups) {
    const phrases = [...new Set(g.phrases.map(normalizeText).filter(Boolean))];
    for (const p of phrases) {
      const list = index.get(p) ?? [];
      list.push(phrases.filter((x) => x !== p));
      index.set(p, list);
    }
  }
  groupIndexes.set(vocabulary, index);
  return index;
}

/** The vocabulary's other words and phrases for a word (normalized), each as its words. */
export function vocabularyAlternatives(word: string, vocabulary: Vocabulary): string[][] {
  return (groupIndex(vocabulary).get(word) ?? []).flat().map((p) => p.split(' '));
}

/**
 * The vocabulary's `names` groups a text names (by their place in
 * vocabulary.groups): any phrase of a group, as words of the text however it
 * is written ("Pelloran growers" names Pellora's group).
 */
export function nameGroupsIn(text: string, vocabulary: Vocabulary): Set<number> {
  const found = new Set<number>();
  const words = normalizeText(text).split(' ');
  vocabulary.groups.forEach((g, k) => {
    if (!g.names) return;
    for (const p of g.phrases) {
      const n = normalizeText(p).split(' ');
      if (!n[0]) continue;
      for (let i = 0; i + n.length <= words.length; i++) {
        if (n.every((x, j) => words[i + j] === x)) {
          found.add(k);
          return;
        }
      }
    }
  });
  return found;
}

/** Whether a normalized word or phrase is one the vocabulary lists. */
export function inVocabulary(word: string, vocabulary: Vocabulary): boolean {
  return groupIndex(vocabulary).has(word);
}

export interface ParseOptions {
  /** Chinese words to read as the parts given (facts hold the parts: "灯会有" as 灯会 and 有). */
  split?: ReadonlyMap<string, readonly string[]>;
}

/** Reads a query for its parts, with the vocabulary of the facts directory it is asked of. */
export function parseQuery(query: string, vocabulary: Vocabulary, options: ParseOptions = {}): ParsedQuery {
  const han = HAN.test(query);
  const unfilled = han ? query.replace(ZH_FILLER, ' ') : query;
  const relative = RELATIVE.test(unfilled) || (han && ZH_RELATIVE.test(unfilled));
  RELATIVE.lastIndex = 0;
  ZH_RELATIVE.lastIndex = 0;
  let withoutRelative = unfilled.replace(RELATIVE, ' ').replace(BASELINE, ' ').replace(FILLER, ' ');
  if (han) withoutRelative = withoutRelative.replace(ZH_RELATIVE, ' ');
  const acronymPlurals = new Set(rawWords(withoutRelative).filter((w) => isAcronymPlural(w.text)).map((w) => w.norm));
  const period = queryPeriod(withoutRelative);
  // A query holding Chinese is read for its Chinese question words, measure words and runs of words (chinese.ts).
  const zh = han ? readChinese(withoutRelative, options.split) : null;
  const tokens = zh ? zh.tokens : tokenize(withoutRelative);
  const periodWords = new Set<string>([...Object.keys(MONTHS).filter((m) => m !== 'may' && m !== 'mar'), ...WEEKDAYS, 'q1', 'q2', 'q3', 'q4', 'h1', 'h2']);
  const names = queryNames(withoutRelative, vocabulary, periodWords, options.split);
  // Vocabulary phrases in the query: each of their words also matches the group's other phrases.
  const alternatives = tokens.map(() => new Map<string, string[]>());
  const index = groupIndex(vocabulary);
  for (const [phrase, groups] of index) {
    const p = phrase.split(' ');
    for (let i = 0; i + p.length <= tokens.length; i++) {
      if (!p.every((x, k) => tokens[i + k] === x)) continue;
      for (let k = 0; k < p.length; k++) {
        for (const g of groups) {
          for (const other of g) {
            const words = other.split(' ').filter((x) => !QUESTION_WORDS.has(x));
            if (words.length) alternatives[i + k]!.set(words.join(' '), words);
          }
        }
      }
    }
  }
  const terms: QueryTerm[] = [];
  const questionWords: string[] = [];
  const superlativeWords: string[] = [];
  let superlative: 'max' | 'min' | null = null;
  const seen = new Set<string>();
  tokens.forEach((word, i) => {
    if (zh ? zh.kinds[i] === 'question' : QUESTION_WORDS.has(word)) {
      questionWords.push(word);
      return;
    }
    if (seen.has(word)) return;
    seen.add(word);
    // General Chinese words asking the same thing ("日期", "时间").
    if (zh) for (const g of ZH_SYNONYMS) if (g.includes(word)) for (const other of g) if (other !== word) alternatives[i]!.set(other, [other]);
    const chinese = zh ? { ...(zh.kinds[i] === 'light' ? { optional: true } : {}), ...(zh.runs[i] ? { run: zh.runs[i]!.run, at: zh.runs[i]!.at } : {}) } : {};
    // A plural also matches its singular (the singular finds its plural as a prefix already).
    const singular = /^\p{L}{3,}ies$/u.test(word) ? word.slice(0, -3) + 'y' : /^\p{L}{3,}[^s]s$/u.test(word) || acronymPlurals.has(word) ? word.slice(0, -1) : null;
    if (singular) alternatives[i]!.set(singular, [singular]);
    const sup = SUPERLATIVE_OF.get(word);
    if (sup) {
      superlative ??= sup.direction;
      superlativeWords.push(word);
      for (const other of sup.words) if (other !== word) alternatives[i]!.set(other, [other]);
    }
    terms.push({ word, alternatives: [...alternatives[i]!.values()].filter((w) => !(w.length === 1 && w[0] === word)).map((words) => ({ words, quality: SYNONYM_QUALITY })), ...chinese });
  });
  // A query of question words alone is matched as written.
  if (!terms.length) for (const word of new Set(tokens)) terms.push({ word, alternatives: [] });
  const periodTerms = period ? tokens.filter((w, i) => YEAR.test(w) || periodWords.has(w) || w === 'quarter' || w === 'half' || (ORDINALS[w] !== undefined && (tokens[i + 1] === 'quarter' || tokens[i + 1] === 'half')) || (han && ZH_PERIOD_WORDS.has(w))) : [];
  return { text: query, period, relative, names, terms, questionWords, superlative, superlativeWords, periodTerms, asks: zh?.asks ?? null, wants: han ? null : queryWants(unfilled) };
}
