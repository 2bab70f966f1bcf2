/**
 * Fuzzy search over an inverted index: every fact's words go into an index
 * (word -> facts, with the kind of field each word is in), and a query is
 * scored word by word against it, typos forgiven by edit distance over the
 * vocabulary. Only the facts sharing a word with the query are ever touched,
 * so a query costs about the same at 100 facts and at 100,000.
 *
 * The index is a pure function of the facts: built in memory it ranks exactly
 * as its cached copy does (catalog.ts keeps it on disk).
 */
import type { Fact } from '../facts/types.js';
import { normalizeText, tokenize } from './normalize.js';
import type { QueryTerm } from './query.js';

/**
 * Classes of the fields a word comes from: 3 id, aliases and title; 2 tags
 * and subject; 1 the statement. A posting stores the class in its low two
 * bits. FIELD_FACTOR is how much a query word found in each class counts.
 */
export const FIELD_FACTOR = [0, 0.6, 0.85, 1] as const;

/** A posting packs a fact's ordinal and the weight class of the word in it. */
export const posting = (ordinal: number, cls: number): number => ((ordinal << 2) | cls) >>> 0;
export const postingOrdinal = (p: number): number => p >>> 2;
export const postingClass = (p: number): number => p & 3;

/** At most this many query words are matched: no real query has more. */
const MAX_QUERY_WORDS = 32;

/** Words of a fact, each with the highest weight class of the fields it appears in. */
export function factTerms(f: Fact): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string, cls: number) => {
    for (const t of tokenize(text)) if ((terms.get(t) ?? -1) < cls) terms.set(t, cls);
  };
  add(f.id, 3);
  for (const a of f.aliases) add(a, 3);
  add(f.title, 3);
  for (const t of f.tags) add(t, 2);
  add(f.statement, 1);
  if (f.subject !== undefined) add(f.subject, 2);
  return terms;
}

/** The normalized forms a query must equal to name a fact outright: its id, title and aliases. */
export function factKeys(f: Fact): string[] {
  const keys = new Set<string>();
  for (const k of [f.id, f.title, ...f.aliases]) {
    const n = normalizeText(k);
    if (n) keys.add(n);
  }
  return [...keys];
}

/** The inverted index as the ranking reads it, in memory or from the cache. */
export interface TermIndex {
  /** Number of facts; ordinals run from 0 to count - 1. */
  count: number;
  /** Every distinct word, sorted. */
  terms: readonly string[];
  /** How many facts hold terms[i]. */
  df(i: number): number;
  /** Postings of terms[i] in ascending ordinal order. */
  postings(i: number): ArrayLike<number>;
  /** For a word kept dense: its class in each fact, two bits a fact (see packedClass); null when kept as postings. */
  classes?(i: number): Uint8Array | null;
  /** The vocabulary's layout for the edit-distance scan, when kept with the index. */
  layout?(): VocabularyLayout;
}

/** A fact's class in a dense word: 0 when the fact does not hold the word. */
export const packedClass = (b: Uint8Array, ordinal: number): number => (b[ordinal >> 2]! >> ((ordinal & 3) * 2)) & 3;

/** Builds the index of facts given in ordinal order, from their words (factTerms). */
export function buildTermIndex(termsOfFact: Iterable<Map<string, number>>): { count: number; terms: string[]; postings: number[][] } {
  const byTerm = new Map<string, number[]>();
  let ordinal = 0;
  for (const terms of termsOfFact) {
    for (const [t, cls] of terms) {
      let list = byTerm.get(t);
      if (!list) byTerm.set(t, (list = []));
      list.push(posting(ordinal, cls));
    }
    ordinal++;
  }
  const terms = [...byTerm.keys()].sort(compareStrings);
  return { count: ordinal, terms, postings: terms.map((t) => byTerm.get(t)!) };
}

/** An in-memory TermIndex over facts in ordinal order. */
export function memoryTermIndex(facts: readonly Fact[]): TermIndex {
  const built = buildTermIndex(facts.map(factTerms));
  return { count: built.count, terms: built.terms, df: (i) => built.postings[i]!.length, postings: (i) => built.postings[i]! };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Below this many strings a range is finished by insertion sort. */
const SMALL_RANGE = 12;

/**
 * The order that sorts these strings as compareStrings does (by UTF-16 code
 * units), equal strings kept in their given order: order[r] is the index of
 * the string ranked r. A multikey quicksort, which looks at one character of
 * each string at a time rather than comparing whole strings: ids share long
 * prefixes, and rebuilding a catalog of 100,000 ids took about 300 ms with
 * Array.prototype.sort, and takes about a tenth of that this way.
 */
export function sortedOrder(strings: readonly string[]): Uint32Array {
  const n = strings.length;
  const order = new Uint32Array(n);
  // The strings in the order being made, moved with it: one lookup per character read, not two.
  const keys = strings.slice();
  for (let i = 0; i < n; i++) order[i] = i;
  const swap = (i: number, j: number): void => {
    const o = order[i]!;
    order[i] = order[j]!;
    order[j] = o;
    const k = keys[i]!;
    keys[i] = keys[j]!;
    keys[j] = k;
  };
  // Ranges [lo, hi) whose strings agree on their first d characters.
  const stack: number[] = [0, n, 0];
  while (stack.length) {
    const d = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo < 2) continue;
    if (hi - lo <= SMALL_RANGE) {
      for (let i = lo + 1; i < hi; i++) {
        for (let j = i; j > lo && (keys[j - 1]! > keys[j]! || (keys[j - 1]! === keys[j]! && order[j - 1]! > order[j]!)); j--) swap(j, j - 1);
      }
      continue;
    }
    const at = (i: number): number => (d < keys[i]!.length ? keys[i]!.charCodeAt(d) : -1);
    const a = at(lo);
    const b = at((lo + hi) >>> 1);
    const c = at(hi - 1);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Three ways: characters below the pivot's, equal to it, above it.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i < gt) {
      const x = at(i);
      if (x < pivot) swap(lt++, i++);
      else if (x > pivot) swap(--gt, i);
      else i++;
    }
    stack.push(lo, lt, d, gt, hi, d);
    // Strings that ended here are equal: they go in their given order.
    if (pivot === -1) order.subarray(lt, gt).sort();
    else stack.push(lt, gt, d + 1);
  }
  return order;
}

const DIGITS = /^\d+$/;

/** The most edits a query word of this length may carry and still match. */
export function maxEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** How well a vocabulary word stands for a query word: 1 is the word itself, 0 is no match. */
export function matchQuality(q: string, t: string, maxD = maxEdits(q.length), digits = DIGITS.test(q)): number {
  if (t === q) return 1;
  if (digits) return 0;
  if (q.length >= 3 && t.length > q.length && t.startsWith(q)) return 0.8;
  if (maxD === 0 || Math.abs(t.length - q.length) > maxD) return 0;
  const d = editDistance(q, t, maxD);
  return d > maxD ? 0 : d === 1 ? 0.6 : 0.4;
}

// Rows reused by editDistance: a query scans thousands of words, and allocating per word would dominate.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal string alignment distance (insertions, deletions, substitutions,
 * adjacent transpositions), or maxD + 1 as soon as it must exceed maxD. Only
 * the band of cells within maxD of the diagonal is computed.
 */
export function editDistance(a: string, b: string, maxD: number): number {
  const n = a.length;
  const m = b.length;
  const far = maxD + 1;
  if (Math.abs(n - m) > maxD) return far;
  if (rows[0]!.length < m + 2) rows = [new Int32Array(m + 2), new Int32Array(m + 2), new Int32Array(m + 2)];
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= maxD ? j : far;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - maxD);
    const hi = Math.min(m, i + maxD);
    cur[0] = i <= maxD ? i : far;
    cur[lo - 1] = lo === 1 ? cur[0] : far;
    let rowMin = lo === 1 ? cur[0] : far;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      if (v > far) v = far;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cur[hi + 1] = far;
    if (rowMin > maxD) return far;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/**
 * The vocabulary arranged for the edit-distance scan, made once per index:
 * word indexes sorted by length (those of length l from start[l] to
 * start[l + 1]), and for each word the set of characters it holds (a bit per
 * character, folded to 32). An edit changes at most two of those bits, so a
 * word whose set differs from the query word's in more than 2 * maxD bits is
 * skipped without computing a distance.
 */
export interface VocabularyLayout {
  byLength: Int32Array;
  start: Int32Array;
  signature: Int32Array;
}
const lengthsOf = new WeakMap<readonly string[], VocabularyLayout>();

function signature(s: string): number {
  let sig = 0;
  for (let i = 0; i < s.length; i++) sig |= 1 << (s.charCodeAt(i) & 31);
  return sig;
}

/** The layout of a sorted vocabulary, made once per vocabulary (or read from the cache, which keeps it). */
export function vocabularyLayout(terms: readonly string[]): VocabularyLayout {
  let m = lengthsOf.get(terms);
  if (!m) {
    let longest = 0;
    for (const t of terms) if (t.length > longest) longest = t.length;
    const start = new Int32Array(longest + 2);
    for (const t of terms) start[t.length + 1]!++;
    for (let l = 1; l < start.length; l++) start[l]! += start[l - 1]!;
    const next = start.slice();
    const byLength = new Int32Array(terms.length);
    const sig = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      sig[i] = signature(t);
      byLength[next[t.length]!++] = i;
    }
    m = { byLength, start, signature: sig };
    lengthsOf.set(terms, m);
  }
  return m;
}

/** The first index whose word is not below q, in the sorted vocabulary. */
function lowerBound(terms: readonly string[], q: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of a word in the sorted vocabulary, -1 when no fact holds it. */
export function termId(terms: readonly string[], w: string): number {
  const i = lowerBound(terms, w);
  return terms[i] === w ? i : -1;
}

/**
 * Postings of the facts holding every word of a phrase (each word as
 * written), in ordinal order, with the lowest class of its words in them.
 */
export function phrasePostings(index: TermIndex, words: readonly string[]): number[] {
  let acc: Map<number, number> | null = null;
  for (const w of words) {
    const i = termId(index.terms, w);
    if (i < 0) return [];
    const list = index.postings(i);
    const next = new Map<number, number>();
    for (let j = 0; j < list.length; j++) {
      const o = list[j]! >>> 2;
      const cls = list[j]! & 3;
      if (acc === null) next.set(o, cls);
      else if (acc.has(o)) next.set(o, Math.min(acc.get(o)!, cls));
    }
    acc = next;
    if (!acc.size) return [];
  }
  return acc ? [...acc].sort((a, b) => a[0] - b[0]).map(([o, cls]) => posting(o, cls)) : [];
}

/**
 * Every vocabulary word matching a query word, with its matchQuality: the
 * word itself, words it begins, and, when the vocabulary does not hold the
 * word itself (a typo), words within reach of its edits. The same answer as
 * trying matchQuality on each word, found by binary search and by length.
 */
export function matchingTerms(terms: readonly string[], q: string, layout?: VocabularyLayout): Map<number, number> {
  const found = new Map<number, number>();
  const digits = DIGITS.test(q);
  let i = lowerBound(terms, q);
  const known = terms[i] === q;
  if (known) found.set(i++, 1);
  if (digits) return found;
  if (q.length >= 3) for (; i < terms.length && terms[i]!.startsWith(q); i++) found.set(i, 0.8);
  // A word the facts use is taken as meant: only a word no fact uses is looked for as a typo.
  const maxD = known ? 0 : maxEdits(q.length);
  if (maxD === 0) return found;
  const { byLength, start, signature: sig } = layout ?? vocabularyLayout(terms);
  const qsig = signature(q);
  const from = start[Math.min(start.length - 1, Math.max(0, q.length - maxD))]!;
  const to = start[Math.min(start.length - 1, q.length + maxD + 1)]!;
  const most = 2 * maxD;
  for (let x = from; x < to; x++) {
    const k = byLength[x]!;
    // Bits set in one signature and not the other (a population count).
    let v = qsig ^ sig[k]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    if (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24 > most || found.has(k)) continue;
    const d = editDistance(q, terms[k]!, maxD);
    if (d <= maxD) found.set(k, d === 1 ? 0.6 : 0.4);
  }
  return found;
}

/** The n ordinals with the highest scores, best first; on ties the lower tie rank (the fact's place in id order) first. */
function topN(ordinals: readonly number[], score: Float64Array, n: number, tieRank: (ordinal: number) => number): number[] {
  let chosen: number[];
  if (ordinals.length <= n) {
    chosen = ordinals.slice();
  } else {
    // Everything above the n-th best score, then as many as fit of those at it, lowest tie rank first.
    const bar = nthBest(ordinals, score, n);
    chosen = [];
    const tied: number[] = [];
    for (const o of ordinals) {
      const v = score[o]!;
      if (v > bar) chosen.push(o);
      else if (v === bar) tied.push(o);
    }
    tied.sort((a, b) => tieRank(a) - tieRank(b));
    for (let i = 0; chosen.length < n; i++) chosen.push(tied[i]!);
  }
  return chosen.sort((a, b) => score[b]! - score[a]! || tieRank(a) - tieRank(b));
}

/**
 * Scores are kept as whole numbers of this fraction of a weight unit, so that
 * sums are exact: facts matching the same words score exactly the same
 * whatever the order the words are added in.
 */
const SCALE = 2 ** 20;

/** What a query word matches in the index: vocabulary words with their quality, and phrases standing for it (their facts). */
export interface TermMatches {
  matches: Map<number, number>;
  extras: { list: ArrayLike<number>; quality: number }[];
  /** How much the word weighs in the score (its rarity, scaled to a whole number). */
  weight: number;
}

/** Filled by rankOrdinals when asked: the query words it matched, and what each matches. */
export interface RankDetail {
  words?: readonly QueryTerm[];
  matched?: readonly TermMatches[];
}

/** Whether a fact holds a query word in any field, as the ranking matched it. */
export function holdsMatch(index: TermIndex, m: TermMatches, ordinal: number): boolean {
  return matchIn(index, m, ordinal) > 0;
}

/** What a fact earns for a query word, as the ranking scores it: its best match's quality times its field's factor; 0 when it does not hold it. */
export function matchIn(index: TermIndex, m: TermMatches, ordinal: number): number {
  let best = 0;
  for (const [i, quality] of m.matches) {
    const dense = index.classes?.(i) ?? null;
    const cls = dense ? packedClass(dense, ordinal) : classIn(index.postings(i), ordinal);
    if (cls) best = Math.max(best, quality * FIELD_FACTOR[cls]!);
  }
  for (const e of m.extras) {
    const cls = classIn(e.list, ordinal);
    if (cls) best = Math.max(best, e.quality * FIELD_FACTOR[cls]!);
  }
  return best;
}

/** Whether a posting list (ascending) holds the fact. */
export function inPostings(list: ArrayLike<number>, ordinal: number): boolean {
  return classIn(list, ordinal) !== 0;
}

/** The class of the fact's posting in a list (ascending), 0 when the list does not hold it. */
function classIn(list: ArrayLike<number>, ordinal: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const o = list[mid]! >>> 2;
    if (o < ordinal) lo = mid + 1;
    else if (o > ordinal) hi = mid;
    else return list[mid]! & 3;
  }
  return 0;
}

export interface RankedOrdinal {
  ordinal: number;
  /** 0 is every query word found as written in an id, alias or title; 1 is nothing found. */
  score: number;
}

/**
 * Scores facts against a query word by word: each query word counts by its
 * rarity (the idf of its best match in the vocabulary; a word matching
 * nothing counts as the rarest), and a fact earns, for each query word, its
 * best match: the word itself 1, a longer word it begins 0.8, one edit away
 * 0.6, two 0.4, times how much the field counts (FIELD_FACTOR). The score is
 * the share of the query's weight not earned. Best first, ties by tieRank
 * (by ordinal when not given), at most n.
 */
export function rankOrdinals(index: TermIndex, query: string | readonly QueryTerm[], n: number, tieRank: (ordinal: number) => number = (o) => o, detail?: RankDetail): RankedOrdinal[] {
  const words: readonly QueryTerm[] = (typeof query === 'string' ? [...new Set(tokenize(query))].map((word) => ({ word, alternatives: [] })) : query).slice(0, MAX_QUERY_WORDS);
  if (!words.length || index.count === 0 || n <= 0) return [];
  const { terms, count } = index;
  const matched = words.map((q) => {
    const matches = matchingTerms(terms, q.word, index.layout?.());
    // Phrases standing for the word (from the vocabulary): facts holding all their words.
    const extras: { list: ArrayLike<number>; quality: number }[] = [];
    for (const alt of q.alternatives) {
      if (alt.words.length === 1) {
        const i = termId(terms, alt.words[0]!);
        if (i >= 0 && (matches.get(i) ?? 0) < alt.quality) matches.set(i, alt.quality);
      } else {
        const list = phrasePostings(index, alt.words);
        if (list.length) extras.push({ list, quality: alt.quality });
      }
    }
    // A word weighs as the rarity of its best match (the word itself when it is in the vocabulary), the rarest of those tied.
    let weight = Math.log(1 + count);
    let quality = 0;
    const consider = (qu: number, df: number) => {
      const w = Math.log(1 + count / df);
      if (qu > quality || (qu === quality && w > weight)) [quality, weight] = [qu, w];
    };
    for (const [i, qu] of matches) consider(qu, index.df(i));
    for (const e of extras) consider(e.quality, e.list.length);
    return { matches, extras, weight: Math.round(weight * SCALE) };
  });
  if (detail) {
    detail.words = words;
    detail.matched = matched;
  }
  const total = matched.reduce((sum, m) => sum + m.weight, 0);
  // Heaviest words first: once the words left weigh less than the n-th best
  // score so far, no fact they alone match can reach the top n, so they only
  // add to facts already found (MaxScore). The ranking is the same; the words
  // in most facts ("in", "the") just stop touching every fact.
  const order = matched.map((_, k) => k).sort((a, b) => matched[b]!.weight - matched[a]!.weight || a - b);
  let left = total;
  const earned = new Float64Array(count);
  // Typed arrays of the base's size, made once a query: thousands of facts are touched, and garbage costs more than the work.
  const best = new Float64Array(count);
  const found = new Uint8Array(count);
  const foundList = new Int32Array(count);
  let nFound = 0;
  const touched = new Int32Array(count);
  let maxEarned = 0;
  let recruit = true;
  const gain = new Float64Array(4);
  for (const k of order) {
    const { matches, extras, weight } = matched[k]!;
    // Checked only once the words left could not lift a new fact above the best one already found.
    if (recruit && left < maxEarned && nFound >= n) recruit = left >= nthBest(foundList.subarray(0, nFound), earned, n);
    left -= weight;
    if (matches.size === 1 && !extras.length) {
      // One vocabulary word: each fact holds it once, and earns straight away.
      const [i, quality] = matches.entries().next().value as [number, number];
      for (let cls = 1; cls < 4; cls++) gain[cls] = Math.round(weight * (quality * FIELD_FACTOR[cls]!));
      const dense = recruit ? null : (index.classes?.(i) ?? null);
      if (dense) {
        for (let x = 0; x < nFound; x++) {
          const o = foundList[x]!;
          const cls = packedClass(dense, o);
          if (cls !== 0 && (earned[o]! += gain[cls]!) > maxEarned) maxEarned = earned[o]!;
        }
      } else {
        const list = index.postings(i);
        for (let j = 0; j < list.length; j++) {
          const p = list[j]!;
          const o = p >>> 2;
          if (found[o] === 0) {
            if (!recruit) continue;
            found[o] = 1;
            foundList[nFound++] = o;
          }
          if ((earned[o]! += gain[p & 3]!) > maxEarned) maxEarned = earned[o]!;
        }
      }
      continue;
    }
    // Several (a typo's candidates): a fact earns its best match among them.
    let nTouched = 0;
    for (const [i, quality] of matches) {
      const dense = recruit ? null : (index.classes?.(i) ?? null);
      if (dense) {
        // Only the facts already found can gain: look each one up.
        for (let x = 0; x < nFound; x++) {
          const o = foundList[x]!;
          const cls = packedClass(dense, o);
          if (cls === 0) continue;
          const v = quality * FIELD_FACTOR[cls]!;
          if (best[o] === 0) touched[nTouched++] = o;
          if (v > best[o]!) best[o] = v;
        }
        continue;
      }
      const list = index.postings(i);
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!;
        const o = p >>> 2;
        if (!recruit && found[o] === 0) continue;
        const v = quality * FIELD_FACTOR[p & 3]!;
        if (best[o] === 0) touched[nTouched++] = o;
        if (v > best[o]!) best[o] = v;
      }
    }
    for (const { list, quality } of extras) {
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!;
        const o = p >>> 2;
        if (!recruit && found[o] === 0) continue;
        const v = quality * FIELD_FACTOR[p & 3]!;
        if (best[o] === 0) touched[nTouched++] = o;
        if (v > best[o]!) best[o] = v;
      }
    }
    for (let x = 0; x < nTouched; x++) {
      const o = touched[x]!;
      const e = (earned[o]! += Math.round(weight * best[o]!));
      if (e > maxEarned) maxEarned = e;
      best[o] = 0;
      if (found[o] === 0) {
        found[o] = 1;
        foundList[nFound++] = o;
      }
    }
  }
  return topN(Array.from(foundList.subarray(0, nFound)), earned, n, tieRank).map((ordinal) => ({ ordinal, score: 1 - earned[ordinal]! / total }));
}

/** The n-th highest score among the ordinals (they are at least n): Hoare's selection. */
function nthBest(ordinals: ArrayLike<number>, score: Float64Array, n: number): number {
  const a = new Float64Array(ordinals.length);
  for (let i = 0; i < a.length; i++) a[i] = score[ordinals[i]!]!;
  const k = n - 1;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}
