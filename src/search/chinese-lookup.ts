/**
 * A Chinese query read against the facts it is asked of: what its words the
 * facts do not hold can still say. Run by findFact only on queries holding
 * Han characters, after parseQuery:
 *
 * - a word the dictionary joined to a neighbour ("灯会有") is read as the
 *   facts' words it is made of (灯会, 有);
 * - a one-character slip ("花灯作仿" for 花灯作坊, "雾兰春" for 雾岚春) is
 *   forgiven as a typo would be in English, but only where it is safe: in a
 *   word of three or more characters one substitution, and in a word of two
 *   (where one substitution often makes another real word: 游客, 旅客) only
 *   when the word beside it in the query stands beside the corrected word in
 *   a fact's alias or title (花灯作坊);
 * - a lone character no fact holds, written against a word a fact holds, is
 *   read as part of that word ("增长率", "前100"): not matched on its own;
 * - a place or country the vocabulary does not list names a subject, as a
 *   capitalised name does in English ("杭州", "日本"): facts not holding it
 *   are not about it. Place names come from i18n-iso-countries (countries)
 *   and china-area-data (provinces and cities), loaded only then;
 * - a word no fact holds written right against one of a fact's aliases
 *   ("茶叶出口额增速": 茶叶出口额, then 增速) asks for something else of it:
 *   no fact answers, however well the alias matches.
 */
import type { Catalog } from '../facts/catalog.js';
import type { Vocabulary } from '../facts/vocabulary.js';
import { HAN } from './han.js';
import { inVocabulary, parseQuery, SYNONYM_QUALITY, vocabularyAlternatives, type ParsedQuery, type QueryName, type QueryTerm } from './query.js';
import { phrasePostings, termId, vocabularyLayout, type TermIndex } from './terms.js';

/** How much a corrected word counts against the word as written: one edit, as terms.ts counts it. */
const TYPO_QUALITY = 0.6;
/** At most this many corrections of one word are tried: more is no longer a slip of one character. */
const MAX_CORRECTIONS = 4;

const isHan = (w: string) => HAN.test(w) && /^\p{Script=Han}+$/u.test(w);

/** A word the facts hold, itself or through the vocabulary's other words for it. */
function held(index: TermIndex, word: string, vocabulary: Vocabulary): boolean {
  if (termId(index.terms, word) >= 0) return true;
  return vocabularyAlternatives(word, vocabulary).some((words) => (words.length === 1 ? termId(index.terms, words[0]!) >= 0 : phrasePostings(index, words).length > 0));
}

/** A term the facts hold: the word, a longer word it begins, or an alternative. */
function termHeld(index: TermIndex, t: QueryTerm): boolean {
  if (termId(index.terms, t.word) >= 0) return true;
  if (t.alternatives.some((a) => a.words.every((w) => termId(index.terms, w) >= 0))) return true;
  return false;
}

/**
 * The parts of a word no fact holds, when the dictionary joined words that
 * facts hold apart ("大模型": 大 and 模型; "灯会有": 灯会 and 有): two parts,
 * one of which facts hold, the other a word facts hold too, a lone character,
 * or a word of two or more characters left to be read on its own (a typo, or
 * a word of another subject). The longest part facts hold first; null if none.
 */
function parts(index: TermIndex, word: string, vocabulary: Vocabulary): string[] | null {
  if (word.length < 3) return null;
  let fallback: string[] | null = null;
  for (let k = word.length - 1; k >= 1; k--) {
    const left = word.slice(0, k);
    const right = word.slice(k);
    const l = held(index, left, vocabulary);
    const r = held(index, right, vocabulary);
    if ((l && r) || (r && left.length === 1) || (l && right.length === 1)) return [left, right];
    if (!fallback && ((l && left.length >= 2 && right.length >= 2) || (r && right.length >= 2 && left.length >= 2))) fallback = [left, right];
  }
  return fallback;
}

/** Han words the facts hold that are one substitution from the word: the same length, one character different. */
function substitutions(index: TermIndex, word: string): string[] {
  const { byLength, start } = index.layout?.() ?? vocabularyLayout(index.terms);
  if (word.length + 1 >= start.length) return [];
  const out: string[] = [];
  for (let x = start[word.length]!; x < start[word.length + 1]!; x++) {
    const t = index.terms[byLength[x]!]!;
    let diff = 0;
    for (let i = 0; i < word.length && diff < 2; i++) if (t.charCodeAt(i) !== word.charCodeAt(i)) diff++;
    if (diff === 1 && isHan(t)) out.push(t);
  }
  return out;
}

/** Whether some fact writes the two words side by side, in this order, in its id, title or an alias. */
function writtenTogether(catalog: Catalog, index: TermIndex, first: string, second: string): boolean {
  const a = termId(index.terms, first);
  const b = termId(index.terms, second);
  if (a < 0 || b < 0) return false;
  const pair = ` ${first} ${second} `;
  for (const p of phrasePostings(index, [first, second])) {
    if (catalog.keysOf(p >>> 2).some((k) => ` ${k} `.includes(pair))) return true;
  }
  return false;
}

/** The neighbour's forms a fact may write: the word, and the vocabulary's one-word alternatives. */
function forms(word: string, vocabulary: Vocabulary): string[] {
  return [word, ...vocabularyAlternatives(word, vocabulary).filter((w) => w.length === 1).map((w) => w[0]!)];
}

/** Corrections of a word no fact holds: one substitution, checked against its neighbours when it is two characters long. */
function corrections(catalog: Catalog, index: TermIndex, t: QueryTerm, vocabulary: Vocabulary): string[] {
  if (t.word.length < 2 || !t.run || t.at === undefined) return [];
  const candidates = substitutions(index, t.word);
  if (!candidates.length || candidates.length > (t.word.length >= 3 ? MAX_CORRECTIONS : Infinity)) return [];
  if (t.word.length >= 3) return candidates;
  const before = t.run[t.at - 1];
  const after = t.run[t.at + 1];
  return candidates
    .filter((c) => (before !== undefined && forms(before, vocabulary).some((n) => writtenTogether(catalog, index, n, c))) || (after !== undefined && forms(after, vocabulary).some((n) => writtenTogether(catalog, index, c, n))))
    .slice(0, MAX_CORRECTIONS);
}

let places: Promise<Set<string>> | undefined;

/** Names of countries (in Chinese) and of Chinese provinces and cities, with and without 省, 市, 自治区 ...: loaded once, when first needed. */
function placeNames(): Promise<Set<string>> {
  places ??= (async () => {
    const [countries, areas] = await Promise.all([import('i18n-iso-countries/langs/zh.json'), import('china-area-data/v5/data.json')]);
    const names = new Set<string>();
    const add = (name: string) => {
      const n = name.replace(/[（(].*$/u, '').trim();
      if (n.length < 2 || !isHan(n)) return;
      names.add(n);
      const bare = n.replace(/(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|地区|盟)$/u, '');
      if (bare.length >= 2 && bare !== n) names.add(bare);
    };
    const countryNames = (countries as unknown as { default?: { countries: Record<string, string | string[]> }; countries?: Record<string, string | string[]> });
    for (const v of Object.values((countryNames.countries ?? countryNames.default?.countries) ?? {})) for (const n of [v].flat()) add(n);
    const divisions = areas as unknown as Record<string, Record<string, string>> & { default?: Record<string, Record<string, string>> };
    const table = divisions['86'] ? divisions : (divisions.default ?? {});
    const provinces = table['86'] ?? {};
    for (const [code, name] of Object.entries(provinces)) {
      add(name);
      for (const city of Object.values(table[code] ?? {})) if (!/辖|直辖|^县$/u.test(city)) add(city);
    }
    // Names more often read as common words: 中非 China-Africa, 大同 great harmony, 来宾 guests, 安康 well-being,
    // 长治 lasting order, 白银 silver, 日照 sunlight, 阿里 a company's short name, 普洱 a tea.
    for (const n of ['中非', '大同', '来宾', '安康', '长治', '白银', '日照', '阿里', '普洱']) names.delete(n);
    // Continents and regions, which neither list has.
    for (const n of ['亚洲', '欧洲', '非洲', '北美洲', '南美洲', '拉丁美洲', '大洋洲', '北美', '南美', '拉美', '欧盟', '东南亚', '中东', '中亚', '南亚', '东亚', '西亚', '东欧', '西欧', '北欧', '南欧']) names.add(n);
    return names;
  })();
  return places;
}

export interface ChineseReading {
  parsed: ParsedQuery;
  /** A word no fact holds, written against one of a fact's aliases: the query asks something else of it. */
  departs: string | null;
}

/**
 * The query read again against the facts' words, as described above. Only
 * its Chinese words change; a query whose Chinese words the facts all hold
 * is returned as it was.
 */
export async function readAgainstFacts(catalog: Catalog, query: string, parsed: ParsedQuery, vocabulary: Vocabulary): Promise<ChineseReading> {
  const index = catalog.termIndex();
  const unknown = (t: QueryTerm) => t.run !== undefined && isHan(t.word) && !termHeld(index, t);
  // Words the dictionary joined that the facts hold apart.
  const split = new Map<string, string[]>();
  for (const t of parsed.terms) {
    if (!unknown(t)) continue;
    const p = parts(index, t.word, vocabulary);
    if (p) split.set(t.word, p);
  }
  if (split.size) parsed = parseQuery(query, vocabulary, { split });
  const terms: QueryTerm[] = [];
  const names: QueryName[] = [...parsed.names];
  const named = new Set(names.flatMap((n) => n.forms.map((f) => f.join(' '))));
  let departs: string | null = null;
  let text = parsed.text;
  const stillUnknown: QueryTerm[] = [];
  const affixes: string[] = [];
  for (const t of parsed.terms) {
    // A lone character against a word the facts hold is part of that word ("增长|率", "全球|前"): not matched
    // on its own, where a rare one would outweigh the words it belongs to.
    if (t.run && t.word.length === 1 && isHan(t.word) && [t.run[t.at! - 1], t.run[t.at! + 1]].some((n) => n !== undefined && n.length > 1 && isHan(n) && held(index, n, vocabulary))) {
      affixes.push(t.word);
      continue;
    }
    if (!unknown(t) || t.optional) {
      terms.push(t);
      continue;
    }
    const fixed = corrections(catalog, index, t, vocabulary);
    if (fixed.length) {
      const alternatives = [...t.alternatives];
      for (const c of fixed) {
        alternatives.push({ words: [c], quality: TYPO_QUALITY });
        for (const words of vocabularyAlternatives(c, vocabulary)) alternatives.push({ words, quality: TYPO_QUALITY * SYNONYM_QUALITY });
      }
      terms.push({ ...t, alternatives });
      // Read as corrected where the query is weighed against a fact's title and aliases as written.
      if (fixed.length === 1) text = text.replaceAll(t.word, fixed[0]!);
      continue;
    }
    terms.push(t);
    stillUnknown.push(t);
  }
  // A place the vocabulary does not list is a name: facts not holding it are not about it, and a place no fact holds is another subject.
  const candidates = terms.filter((t) => t.run !== undefined && t.word.length >= 2 && !named.has(t.word) && !inVocabulary(t.word, vocabulary));
  if (candidates.length) {
    const known = await placeNames();
    for (const t of candidates) {
      if (known.has(t.word) || known.has(t.word.replace(/[省市]$/u, ''))) {
        names.push({ text: t.word, forms: [[t.word]] });
        named.add(t.word);
      }
    }
  }
  if (stillUnknown.length) {
    for (const t of stillUnknown) {
      if (named.has(t.word) || t.word.length < 2) continue;
      if (departsFrom(catalog, t)) {
        departs = t.word;
        break;
      }
    }
  }
  return { parsed: { ...parsed, text, terms, names, questionWords: [...parsed.questionWords, ...affixes] }, departs };
}

/** Words that only glue a run together ("茶叶出口额的增速"): passed over when looking for an alias beside a word. */
const GLUE = new Set(['的', '之']);

/** Whether the words written right before or after the term, in its run, are one of a fact's aliases (or its title). */
function departsFrom(catalog: Catalog, t: QueryTerm): boolean {
  const run = t.run!;
  const at = t.at!;
  let end = at;
  while (end > 0 && GLUE.has(run[end - 1]!)) end--;
  for (let from = 0; from < end; from++) if (catalog.keyOrdinals(run.slice(from, end).join(' ')).length) return true;
  let begin = at + 1;
  while (begin < run.length && GLUE.has(run[begin]!)) begin++;
  for (let to = run.length; to > begin; to--) if (catalog.keyOrdinals(run.slice(begin, to).join(' ')).length) return true;
  return false;
}
