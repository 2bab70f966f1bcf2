/**
 * Finds the fact a query means: its id, then an alias (or title), then a fuzzy
 * match. The query is read for its parts (query.ts): a fact whose period or
 * subject contradicts the query's is not an answer, and facts that fit alike
 * are listed, not settled by id order. A weak, contradicted or tied best match
 * is no answer: the caller reports a miss with the nearest suggestions.
 */
import type { Fact, FactBase } from '../facts/types.js';
import { normalizeText, tokenize } from './normalize.js';
import { holdsMatch, inPostings, matchIn, matchingTerms, matchQuality, phrasePostings, rankOrdinals, termId, type RankDetail, type TermIndex, type TermMatches } from './terms.js';
import { catalogOf, catalogOfFacts, type Catalog } from '../facts/catalog.js';
import { vocabularyOf, EMPTY_VOCABULARY, type Vocabulary } from '../facts/vocabulary.js';
import { isQuestionWord, nameGroupsIn, parseQuery, vocabularyAlternatives, type ParsedQuery, type QueryName, type QueryPeriod, type QueryTerm, type QueryWants } from './query.js';
import { periodRange } from './filter.js';
import { HAN } from './han.js';
import { readAgainstFacts } from './chinese-lookup.js';

export type MatchKind = 'exact' | 'alias' | 'fuzzy';

/** A fuzzy match scoring above this (0 is perfect, 1 is nothing in common) is not an answer. */
export const MAX_ANSWER_SCORE = 0.4;
/** Runners-up within this distance of the best are listed beside the answer. */
export const RUNNER_UP_MARGIN = 0.1;
/** Queries longer than this are refused: no fact needs them and they cost time. */
export const MAX_QUERY_LENGTH = 500;

export interface Scored {
  fact: Fact;
  score: number;
}

export interface Found {
  query: string;
  match: MatchKind;
  fact: Fact;
  score: number;
  alternatives: Scored[];
}

/** Why a lookup gave no answer: nothing close, another period, another subject, or several facts alike. */
export type MissReason = 'no match' | 'period' | 'subject' | 'ambiguous';

export interface Missed {
  query: string;
  fact: null;
  reason: MissReason;
  /** The facts the query fits alike (reason "ambiguous"), else the nearest facts. */
  suggestions: Scored[];
  /** The query's period (reason "period"), as zgc writes periods. */
  period?: string;
  /** The name no fact in the answer's place holds (reason "subject"). */
  subject?: string;
}

export type Lookup = Found | Missed;

/** Ranked beyond the limit, so that facts tied at the limit are all weighed before any is cut. */
const TIE_WINDOW = 16;
/** Facts scoring within this of the best, that nothing in the query separates, are a tie: listed, not chosen. */
export const TIE_MARGIN = 0.02;
/** How many ranked facts are weighed for an answer whose period and subject agree with the query's. */
const CANDIDATES = 40;
/** At most this many tied facts are listed. */
const MAX_TIED = 8;

interface RankedEntry {
  ordinal: number;
  score: number;
  coverage: number;
}

/**
 * Ranks facts for a free-text query, best first: the word-by-word score of
 * terms.ts (the share of the query's weight a fact does not match), rounded
 * to three places; equal scores go to the fact whose id, title or alias the
 * query covers most ("how many stalls" before "how many stall holders"),
 * then to the lower id. Given a base, only the facts sharing a word with the
 * query are read; given an array, the array is indexed in memory (once).
 * Given the query read for its parts, its question words are left out and
 * the vocabulary's other words for its words count as they do.
 */
export async function rankFacts(from: Fact[] | FactBase, query: string | ParsedQuery, limit: number): Promise<Scored[]> {
  const catalog = Array.isArray(from) ? catalogOfFacts(from) : catalogOf(from);
  return ranking(catalog, query, limit).map((r) => scored(catalog, r));
}

function scored(catalog: Catalog, r: { ordinal: number; score: number }): Scored {
  // Each fact is read when first asked for: stat shows the best and the close runners-up, not all six.
  return {
    score: r.score,
    get fact() {
      return catalog.fact(r.ordinal);
    },
  };
}

function ranking(catalog: Catalog, query: string | ParsedQuery, limit: number, detail?: RankDetail): RankedEntry[] {
  const q = normalizeText(typeof query === 'string' ? query : query.text);
  if (!q || limit <= 0) return [];
  const terms = typeof query === 'string' ? q : query.terms;
  const ranked = rankOrdinals(catalog.termIndex(), terms, limit + TIE_WINDOW, (o) => catalog.tieRank(o), detail).map((r) => ({ ordinal: r.ordinal, score: round(r.score), coverage: -1 }));
  const words = [...new Set(tokenize(q))];
  for (let start = 0; start < Math.min(limit, ranked.length); ) {
    let end = start + 1;
    while (end < ranked.length && ranked[end]!.score === ranked[start]!.score) end++;
    if (end - start > 1) {
      const group = ranked.slice(start, end);
      for (const r of group) r.coverage = coverage(catalog.keysOf(r.ordinal), words);
      group.sort((a, b) => b.coverage - a.coverage || catalog.tieRank(a.ordinal) - catalog.tieRank(b.ordinal));
      ranked.splice(start, group.length, ...group);
    }
    start = end;
  }
  return ranked.slice(0, limit);
}

/** The largest share of the words of the fact's id, title or an alias (its keys, normalized) that some query word matches. */
function coverage(keys: readonly string[], queryWords: readonly string[]): number {
  let best = 0;
  for (const key of keys) {
    const words = key.split(' ');
    const matched = words.filter((w) => queryWords.some((q) => matchQuality(q, w) > 0)).length;
    best = Math.max(best, matched / words.length);
  }
  return best;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The posting lists of the words standing for a name: the name, its typos' and prefixes' matches, its group's phrases. */
function nameLists(index: TermIndex, name: QueryName): ArrayLike<number>[] {
  const lists: ArrayLike<number>[] = [];
  for (const form of name.forms) {
    if (form.length === 1) {
      for (const i of matchingTerms(index.terms, form[0]!, index.layout?.()).keys()) lists.push(index.postings(i));
    } else {
      const list = phrasePostings(index, form);
      if (list.length) lists.push(list);
    }
  }
  return lists;
}

const YEAR_WORD = /^(?:19|20)\d\d$/;

/** The days a fact is about: its period, else the years its id, title or aliases name; null when it names none. */
function factDays(catalog: Catalog, ordinal: number): [string, string] | null {
  const period = catalog.fact(ordinal).period;
  if (period !== undefined) return periodRange(period);
  const years = catalog.keysOf(ordinal).flatMap((k) => k.split(' ').filter((w) => YEAR_WORD.test(w)));
  if (!years.length) return null;
  years.sort();
  return [`${years[0]}-01-01`, `${years[years.length - 1]}-12-31`];
}

/** Whether days run over whole calendar months: a month, a quarter, a year, or several. */
function wholeMonths([from, to]: [string, string]): boolean {
  if (!from.endsWith('-01')) return false;
  const [y, m] = to.split('-').map(Number);
  return to === `${y}-${String(m).padStart(2, '0')}-${new Date(Date.UTC(y!, m!, 0)).getUTCDate()}`;
}

/**
 * How well a fact's period fits the query's: 3 the same days, 2 within them,
 * 1 overlapping them (or either has no period), 0 not at all: a contradiction.
 * A figure for whole months around a shorter period the query names (the
 * year's figure for "fourth quarter 2023", the quarter's for "November") is
 * a figure for another period: a contradiction too.
 */
function periodFit(catalog: Catalog, ordinal: number, period: QueryPeriod | null): number {
  if (!period) return 1;
  const days = factDays(catalog, ordinal);
  if (!days) return 1;
  if (days[0] === period.from && days[1] === period.to) return 3;
  if (days[0] >= period.from && days[1] <= period.to) return 2;
  if (days[0] <= period.from && days[1] >= period.to && !YEARS_TEXT.test(period.text) && wholeMonths(days)) return 0;
  if (days[0] <= period.to && period.from <= days[1]) return 1;
  // A fact dated otherwise whose id or title names a year of the query's is about that year
  // (the release, in January of the next year, of a year's harvest figures).
  // (The record is read already: no keys are.)
  if (!YEARS_TEXT.test(period.text)) return 0;
  const f = catalog.fact(ordinal);
  return [...tokenize(f.id), ...tokenize(f.title)].some((w) => YEAR_WORD.test(w) && w >= period.from.slice(0, 4) && w <= period.to.slice(0, 4)) ? 1 : 0;
}

/** Words of general English that say a fact gives a date. */
const DATE_WORDS = /\b(?:when|date|dates)\b/u;

/** A query period of whole years ("2024", "2021/2023"): a fact of a year around it is no other period. */
const YEARS_TEXT = /^\d{4}(?:\/\d{4})?$/;

/**
 * The one fact of several a superlative picks ("biggest" the largest value,
 * "fewest" the smallest): only when they all give a figure in the same unit
 * and the extreme is one fact's alone. Null otherwise.
 */
function extreme(catalog: Catalog, entries: readonly RankedEntry[], direction: 'max' | 'min'): RankedEntry | null {
  if (entries.length < 2) return null;
  const facts = entries.map((r) => catalog.fact(r.ordinal));
  const unit = facts[0]!.unit;
  if (facts.some((f) => typeof f.value !== 'number' || f.unit !== unit)) return null;
  const sign = direction === 'max' ? 1 : -1;
  const best = Math.max(...facts.map((f) => sign * f.value!));
  const at = facts.flatMap((f, i) => (sign * f.value! === best ? [i] : []));
  return at.length === 1 ? entries[at[0]!]! : null;
}

export async function findFact(base: FactBase, query: string): Promise<Lookup> {
  const trimmed = query.trim();
  const exact = base.factById.get(trimmed) ?? base.factById.get(trimmed.toLowerCase());
  if (exact) return { query, match: 'exact', fact: exact, score: 0, alternatives: [] };
  const q = normalizeText(trimmed);
  const catalog = catalogOf(base);
  const aliased = q ? [...catalog.keyOrdinals(q)].sort((a, b) => catalog.tieRank(a) - catalog.tieRank(b)) : [];
  if (aliased.length === 1) return { query, match: 'alias', fact: catalog.fact(aliased[0]!), score: 0, alternatives: [] };
  // An alias (or title) that several facts share names none of them: they are listed.
  if (aliased.length > 1) return { query, fact: null, reason: 'ambiguous', suggestions: aliased.slice(0, MAX_TIED).map((o) => scored(catalog, { ordinal: o, score: 0 })) };
  const vocabulary = q ? await vocabularyOf(base) : EMPTY_VOCABULARY;
  const parsed = parseQuery(trimmed, vocabulary);
  if (!HAN.test(trimmed)) return fuzzyLookup(catalog, query, parsed, vocabulary);
  // Chinese words the facts do not hold, read for what they still say (chinese-lookup.ts).
  const zh = await readAgainstFacts(catalog, trimmed, parsed, vocabulary);
  if (zh.departs === null) return fuzzyLookup(catalog, query, zh.parsed, vocabulary);
  // A word no fact holds, written against a fact's alias ("茶叶出口额增速"): the query asks something else of that fact.
  const suggestions = ranking(catalog, zh.parsed, 3).map((r) => scored(catalog, r));
  return { query, fact: null, reason: 'no match', suggestions };
}

/**
 * The fuzzy step of findFact over any catalog, for a query already read for
 * its parts. A superlative that leaves no fact close enough, or several alike,
 * is tried once more as a choice among what the other words find: facts
 * differing only in value ("smallest crane" among three cranes).
 */
export function fuzzyLookup(catalog: Catalog, query: string, parsed: ParsedQuery, vocabulary: Vocabulary = EMPTY_VOCABULARY): Lookup {
  const first = lookupOnce(catalog, query, parsed, vocabulary);
  if (first.fact !== null || !parsed.superlative || first.reason === 'subject' || first.reason === 'period') return first;
  const rest = parsed.terms.filter((t) => !parsed.superlativeWords.includes(t.word));
  if (!rest.length || rest.length === parsed.terms.length) return first;
  const again = lookupOnce(catalog, query, { ...parsed, terms: rest }, vocabulary, true);
  return again.fact !== null && again.bySuperlative ? { query, match: 'fuzzy', fact: again.fact, score: again.score, alternatives: again.alternatives } : first;
}

function lookupOnce(catalog: Catalog, query: string, parsed: ParsedQuery, vocabulary: Vocabulary, onlySuperlative = false): Lookup & { bySuperlative?: boolean } {
  const index = catalog.termIndex();
  // A year (or another word of the period: "fourth", "quarter", "March") no fact writes is
  // weighed by the period check, not as a word no fact matches.
  // So is a word that only says a figure is asked ("数量", "规模"), where no fact holds it.
  const terms = parsed.terms.filter((t) => !(YEAR_WORD.test(t.word) || parsed.periodTerms.includes(t.word) || t.optional) || termId(index.terms, t.word) >= 0);
  const detail: RankDetail = {};
  const ranked = ranking(catalog, { ...parsed, terms: terms.length ? terms : parsed.terms }, CANDIDATES, detail);
  const names = parsed.names.map((name) => ({ name, lists: nameLists(index, name) }));
  const nearest = (n = 3) => ranked.slice(0, n).map((r) => scored(catalog, r));
  // A name no fact holds anywhere is a subject the base does not cover.
  const unknown = names.find((n) => n.lists.every((l) => l.length === 0));
  if (unknown) return { query, fact: null, reason: 'subject', subject: unknown.name.text, suggestions: nearest() };
  let reason: MissReason = 'no match';
  let missing: string | undefined;
  let accepted: (RankedEntry & { fit: number })[] = [];
  const queryGroups = nameGroupsOf(parsed.names, vocabulary);
  const lackingName = (o: number) => names.find((n) => !n.lists.some((l) => inPostings(l, o))) ?? (aboutOther(catalog.fact(o), queryGroups, vocabulary) ? names.find((n) => proper(n.name) && nameGroupsOf([n.name], vocabulary).size) : undefined);
  const asked: Asked = { catalog, query, parsed, vocabulary, detail, ranked, lackingName };
  for (const r of ranked) {
    // Beyond the runners-up of the best accepted fact, nothing more is read.
    if (accepted.length && r.score - accepted[0]!.score > RUNNER_UP_MARGIN) break;
    const lacking = lackingName(r.ordinal);
    const fit = lacking ? 0 : periodFit(catalog, r.ordinal, parsed.period);
    // A fact that cannot give what the question asks ("how many" and a percentage) is no answer, nor a reason.
    if (!lacking && fit > 0 && !gives(catalog.fact(r.ordinal), parsed.wants)) continue;
    if (!lacking && fit > 0) {
      accepted.push({ ...r, fit });
      continue;
    }
    // The first contradicted fact that would have answered says why there is no answer.
    if (reason === 'no match' && !accepted.length && r.score <= MAX_ANSWER_SCORE) {
      reason = lacking ? 'subject' : 'period';
      missing = lacking?.name.text;
    }
  }
  // A question that says what it asks ("第几" a rank, "几年" a number of years, "几家" a count) is answered by
  // the facts giving that, among those close to the best, when there are such.
  if (parsed.asks && accepted.length > 1) {
    const asks = parsed.asks;
    const giving = accepted.filter((r) => {
      const f = catalog.fact(r.ordinal);
      return f.unit === asks.unit && (asks.value === undefined || f.value === asks.value);
    });
    if (giving.length) accepted = giving;
  }
  // So is an English question asking for a date, a percentage or a count.
  if (parsed.wants && accepted.length > 1) {
    const giving = accepted.filter((r) => prefers(catalog, r.ordinal, parsed.wants));
    if (giving.length) accepted = giving;
  }
  const best = accepted[0];
  if (!best || best.score > MAX_ANSWER_SCORE) {
    // The nearest facts: those the query's period and names allow, unless a contradicted one says why.
    const suggestions = reason === 'no match' && accepted.length ? accepted.slice(0, 3).map((r) => scored(catalog, r)) : nearest();
    const miss: Missed = { query, fact: null, reason, suggestions };
    if (reason === 'period' && parsed.period) miss.period = parsed.period.text;
    if (reason === 'subject' && missing !== undefined) miss.subject = missing;
    return miss;
  }
  // Facts scoring alike: the query's period (a fact within it before one around it) or its
  // coverage of their titles may separate them; if nothing does, they are listed.
  const close = accepted.filter((r) => r.score - best.score <= TIE_MARGIN);
  if (close.length > 1) {
    // Coverage separates only a fact whose id, title or an alias the query holds whole.
    const words = [...new Set(tokenize(parsed.text))];
    const keyOf = (r: RankedEntry & { fit: number }) => [r.fit, (r.coverage >= 0 ? r.coverage : coverage(catalog.keysOf(r.ordinal), words)) === 1 ? 1 : 0];
    const keys = close.map(keyOf);
    const top = keys.reduce((a, b) => (b[0]! > a[0]! || (b[0] === a[0] && b[1]! > a[1]!) ? b : a));
    let tied = close.filter((_, i) => keys[i]![0] === top[0] && keys[i]![1] === top[1]);
    // A question asking when, among facts alike: the one whose id, title or an alias speaks of a date.
    if (parsed.wants === 'when' && tied.length > 1) {
      const dated = tied.filter((r) => catalog.keysOf(r.ordinal).some((k) => DATE_WORDS.test(k)));
      if (dated.length === 1) tied = dated;
    }
    const picked = parsed.superlative && tied.length > 1 ? extreme(catalog, tied, parsed.superlative) : null;
    if (picked) {
      const alternatives = accepted.filter((r) => r !== picked && r.score - best.score <= RUNNER_UP_MARGIN).slice(0, 3).map((r) => scored(catalog, r));
      return notAsked(asked, picked) ?? { query, match: 'fuzzy', fact: catalog.fact(picked.ordinal), score: picked.score, alternatives, bySuperlative: true };
    }
    if (tied.length > 1) return { query, fact: null, reason: 'ambiguous', suggestions: tied.slice(0, MAX_TIED).map((r) => scored(catalog, r)) };
    const chosen = tied[0]!;
    if (onlySuperlative) return { query, fact: null, reason: 'no match', suggestions: [] };
    const alternatives = accepted.filter((r) => r !== chosen && r.score - best.score <= RUNNER_UP_MARGIN).slice(0, 3).map((r) => scored(catalog, r));
    return notAsked(asked, chosen) ?? { query, match: 'fuzzy', fact: catalog.fact(chosen.ordinal), score: chosen.score, alternatives };
  }
  if (onlySuperlative) return { query, fact: null, reason: 'no match', suggestions: [] };
  const alternatives = accepted.slice(1).filter((r) => r.score - best.score <= RUNNER_UP_MARGIN).slice(0, 3).map((r) => scored(catalog, r));
  return notAsked(asked, best) ?? { query, match: 'fuzzy', fact: catalog.fact(best.ordinal), score: best.score, alternatives };
}

/** A name written as a proper name: with a capital, or in Han characters ("Varnay", "EU", "海港城"; not "world's"). */
const proper = (n: QueryName) => /^\p{Lu}/u.test(n.text) || HAN.test(n.text);

/** The vocabulary's `names` groups standing for the names the query writes as proper names ("Varnay", not "world's"). */
function nameGroupsOf(names: readonly QueryName[], vocabulary: Vocabulary): Set<number> {
  const groups = new Set<number>();
  // The name as written (its first form): another form's words may name something else ("海港城量子院" holds "海港城").
  for (const n of names) if (proper(n) && n.forms[0]) for (const k of nameGroupsIn(n.forms[0].join(' '), vocabulary)) groups.add(k);
  return groups;
}

/**
 * Whether a fact is about another subject than the query names: its subject
 * and title name subjects of the vocabulary's `names` groups, and none of them
 * is one the query names ("Varnay pear exports" against Pellora's rank among
 * pear exporters, whose statement names Varnay only as the one overtaken).
 */
function aboutOther(f: Fact, queryGroups: ReadonlySet<number>, vocabulary: Vocabulary): boolean {
  if (!queryGroups.size) return false;
  const own = nameGroupsIn(f.title, vocabulary);
  if (f.subject !== undefined) for (const k of nameGroupsIn(f.subject, vocabulary)) own.add(k);
  return own.size > 0 && ![...own].some((k) => queryGroups.has(k));
}

/**
 * Whether a fact can give what an English question asks: "how many" a figure
 * (a value, its display or a unit) that is not a percentage or a rank, "how
 * much" a figure that is no rank, and "who" a person or body, so no figure but
 * a rank.
 */
function gives(f: Fact, wants: QueryWants | null): boolean {
  // A unit says the fact is a figure, even where the sources leave its value open.
  const figure = f.value !== undefined || f.display !== undefined || f.unit !== undefined;
  if (wants === 'count') return figure && f.unit !== 'percent' && f.unit !== 'rank';
  if (wants === 'amount') return figure && f.unit !== 'rank';
  if (wants === 'who') return f.value === undefined || f.unit === 'rank';
  return true;
}

/**
 * A near fact that names in its id or title a word of what is asked that the
 * answer does not hold at all, and holds every word of what is asked that the
 * answer holds: the query asks for that fact's measure ("cider output
 * forecast for November" where the base holds November's output and
 * December's forecast), and the answer is another measure. A miss, for the
 * near fact's reason when its period or subject is not the query's.
 */
function nearerMeasure(q: Asked, answer: RankedEntry): Missed | null {
  const { catalog, parsed, detail, ranked } = q;
  const index = catalog.termIndex();
  const asked = askedWords(parsed, detail);
  const held = asked.filter((a) => holdsMatch(index, a.m, answer.ordinal));
  const lacking = asked.filter((a) => !held.includes(a));
  if (!lacking.length) return null;
  for (const r of ranked) {
    if (r.ordinal === answer.ordinal || !held.every((a) => holdsMatch(index, a.m, r.ordinal)) || !lacking.some((a) => holdsMatch(index, a.m, r.ordinal))) continue;
    if (!idOrTitle(catalog, r.ordinal, (words) => lacking.some((a) => namedBy(words, a.t)))) continue;
    return missFor(q, r, answer);
  }
  return null;
}

/** The words of what is asked, with what each matches: not the period's, the names', the superlatives' or the light words. */
function askedWords(parsed: ParsedQuery, detail: RankDetail): { t: QueryTerm; m: TermMatches }[] {
  const { words, matched } = detail;
  if (!words || !matched) return [];
  const nameWords = new Set(parsed.names.flatMap((n) => n.forms.flat()));
  return words.flatMap((t, k) =>
    YEAR_WORD.test(t.word) || parsed.periodTerms.includes(t.word) || nameWords.has(t.word) || t.optional || parsed.superlativeWords.includes(t.word) || t.word.length < 2 ? [] : [{ t, m: matched[k]! }],
  );
}

/** The miss when a near fact, not the answer, is what the query asks: for the near fact's subject or period when they are not the query's. */
function missFor(q: Asked, near: RankedEntry, answer: RankedEntry): Missed {
  const { catalog, query, parsed, lackingName } = q;
  const other = lackingName(near.ordinal);
  const suggestions = [near, answer].map((x) => scored(catalog, x));
  if (other) return { query, fact: null, reason: 'subject', subject: other.name.text, suggestions };
  if (periodFit(catalog, near.ordinal, parsed.period) === 0 && parsed.period) return { query, fact: null, reason: 'period', period: parsed.period.text, suggestions };
  return { query, fact: null, reason: 'no match', suggestions };
}

/**
 * The same for a phrase of the vocabulary the query writes ("month on
 * month"): an answer whose text writes no form of it (only its words apart:
 * "on a year earlier, the best month") is another measure, when a near fact
 * writes one in its id or title ("mom") and holds every word of what is asked
 * that the answer holds.
 */
function phraseMeasure(q: Asked, answer: RankedEntry): Missed | null {
  const { catalog, parsed, vocabulary, detail, ranked } = q;
  if (HAN.test(parsed.text)) return null;
  const queryWords = tokenize(parsed.text);
  const phrases: string[][][] = [];
  for (const g of vocabulary.groups) {
    for (const p of g.phrases) {
      const words = normalizeText(p).split(' ');
      if (words.length < 2 || !writes(queryWords, words, true)) continue;
      phrases.push([words, ...vocabularyAlternatives(words.join(' '), vocabulary)]);
    }
  }
  if (!phrases.length) return null;
  const f = catalog.fact(answer.ordinal);
  const text = [...catalog.keysOf(answer.ordinal), normalizeText(f.statement), ...f.tags.map(normalizeText)].map((t) => t.split(' '));
  const lacking = phrases.filter((forms) => !forms.some((form) => text.some((t) => writes(t, form))));
  if (!lacking.length) return null;
  const index = catalog.termIndex();
  const held = askedWords(parsed, detail).filter((a) => holdsMatch(index, a.m, answer.ordinal));
  for (const r of ranked) {
    if (r.ordinal === answer.ordinal || !held.every((a) => holdsMatch(index, a.m, r.ordinal))) continue;
    if (idOrTitle(catalog, r.ordinal, (words) => lacking.some((forms) => forms.some((form) => writes(words, form))))) return missFor(q, r, answer);
  }
  return null;
}

/** Whether words write a phrase, its words side by side (each as written, or a word it begins; exactly when asked). */
function writes(words: readonly string[], phrase: readonly string[], exact = false): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((p, k) => (exact ? words[i + k] === p : matchQuality(p, words[i + k]!, 0) > 0))) return true;
  }
  return false;
}

/**
 * Whether a fact gives what an English question prefers among facts close to
 * the best: "when" a date (a period given to the day, or a year as the
 * figure), "percentage" a percentage, "number of" a count (a figure that is
 * no percentage or rank).
 */
function prefers(catalog: Catalog, ordinal: number, wants: QueryWants | null): boolean {
  const f = catalog.fact(ordinal);
  if (wants === 'percent') return f.unit === 'percent';
  if (wants === 'number') return gives(f, 'count');
  if (wants === 'when') {
    const days = f.period !== undefined ? periodRange(f.period) : null;
    return f.unit === 'year' || (days !== null && !wholeMonths(days));
  }
  return true;
}

/** What the checks of an answer against what is asked read: the query, its ranking, and the name a fact lacks. */
interface Asked {
  catalog: Catalog;
  query: string;
  parsed: ParsedQuery;
  vocabulary: Vocabulary;
  detail: RankDetail;
  ranked: readonly RankedEntry[];
  lackingName: (ordinal: number) => { name: QueryName } | undefined;
}

/** Why an answer is not what the query asks (nearerMeasure, phraseMeasure, namedElsewhere): a miss, or null when it is. */
function notAsked(q: Asked, answer: RankedEntry): Missed | null {
  return (
    nearerMeasure(q, answer) ??
    phraseMeasure(q, answer) ??
    namedElsewhere(q, answer) ??
    insidePhrase(q, answer)
  );
}

/**
 * A word of what is asked that the answer holds only inside a phrase of the
 * vocabulary meaning something else, that the query writes in no form of
 * its group ("export" in "imports and exports", which is fruit trade): the
 * answer does not hold it. Without it, a score above the answer gate is a miss.
 */
function insidePhrase(q: Asked, answer: RankedEntry): Missed | null {
  const { catalog, query, parsed, vocabulary, detail, ranked } = q;
  if (HAN.test(parsed.text) || !detail.matched) return null;
  const total = detail.matched.reduce((sum, m) => sum + m.weight, 0);
  if (!total) return null;
  const queryWords = tokenize(parsed.text);
  const f = catalog.fact(answer.ordinal);
  const texts = [...catalog.keysOf(answer.ordinal), normalizeText(f.statement), ...f.tags.map(normalizeText)].map((t) => t.split(' '));
  // Where each text writes a phrase of a group the query writes in no form: those words mean the phrase.
  const covered = texts.map((t) => new Uint8Array(t.length));
  for (const g of vocabulary.groups) {
    const forms = g.phrases.map((p) => normalizeText(p).split(' '));
    // Written by the query however inflected or misspelled ("frut trade", "cargo ships" for "cargo ship").
    if (forms.some((form) => queryWords.some((_, i) => i + form.length <= queryWords.length && form.every((p, k) => matchQuality(queryWords[i + k]!, p) > 0 || matchQuality(p, queryWords[i + k]!) > 0)))) continue;
    for (const form of forms) {
      if (form.length < 2) continue;
      texts.forEach((t, x) => {
        for (let i = 0; i + form.length <= t.length; i++) if (form.every((p, k) => matchQuality(p, t[i + k]!, 0) > 0)) covered[x]!.fill(1, i, i + form.length);
      });
    }
  }
  if (!covered.some((c) => c.includes(1))) return null;
  const index = catalog.termIndex();
  let lost = 0;
  for (const a of askedWords(parsed, detail)) {
    const own = matchIn(index, a.m, answer.ordinal);
    if (!own) continue;
    const apart = texts.some((t, x) => t.some((w, i) => !covered[x]![i] && (matchQuality(a.t.word, w) > 0 || a.t.alternatives.some((alt) => alt.words.length === 1 && alt.words[0] === w))));
    if (!apart) lost += a.m.weight * own;
  }
  if (!lost || answer.score + lost / total <= MAX_ANSWER_SCORE) return null;
  return { query, fact: null, reason: 'no match', suggestions: ranked.slice(0, 3).map((r) => scored(catalog, r)) };
}

/**
 * A fact of another period or subject that matches what is asked as well as
 * the answer, whose id, title or an alias the query names whole (years
 * aside), where it names none of the answer's: the query asks for that fact's
 * measure ("pear harvest in 2022" where the base holds 2023's harvest and
 * 2022's share of the harvest exported), and the answer is another measure.
 */
function namedElsewhere(q: Asked, answer: RankedEntry): Missed | null {
  const { catalog, query, parsed, detail, ranked, lackingName } = q;

  const { words, matched } = detail;
  if (!words || !matched) return null;
  // The query's words, and the vocabulary's other words for them.
  const queryWords = [...new Set([...tokenize(parsed.text), ...words.flatMap((t) => t.alternatives.flatMap((a) => a.words))])];
  if (wholeKey(catalog.keysOf(answer.ordinal), queryWords)) return null;
  const index = catalog.termIndex();
  const asked = words.flatMap((t, k) => (YEAR_WORD.test(t.word) || parsed.periodTerms.includes(t.word) ? [] : [matched[k]!]));
  const total = asked.reduce((sum, m) => sum + m.weight, 0);
  if (!total) return null;
  const askedScore = (o: number) => 1 - asked.reduce((sum, m) => sum + m.weight * matchIn(index, m, o), 0) / total;
  const own = askedScore(answer.ordinal);
  for (const r of ranked) {
    // The word index and the keys first: a fact's record is read only for the few that pass.
    if (r.ordinal === answer.ordinal || askedScore(r.ordinal) - own > TIE_MARGIN || !wholeKey(catalog.keysOf(r.ordinal), queryWords)) continue;
    const other = lackingName(r.ordinal);
    if (!other && periodFit(catalog, r.ordinal, parsed.period) !== 0) continue;
    const suggestions = [r, answer].map((x) => scored(catalog, x));
    if (other) return { query, fact: null, reason: 'subject', subject: other.name.text, suggestions };
    return parsed.period ? { query, fact: null, reason: 'period', period: parsed.period.text, suggestions } : { query, fact: null, reason: 'no match', suggestions };
  }
  return null;
}

/** Whether the query's words name one of a fact's keys (id, title, aliases) whole, its years and question words aside. */
function wholeKey(keys: readonly string[], queryWords: readonly string[]): boolean {
  return keys.some((key) => {
    const words = key.split(' ').filter((w) => !YEAR_WORD.test(w) && !isQuestionWord(w));
    return words.length > 0 && words.every((w) => queryWords.some((q) => matchQuality(q, w) > 0));
  });
}

/**
 * Whether a fact's id or title passes a test of its words. Read from its keys
 * (normalized id, title, aliases), which the catalog holds without reading
 * the fact's record; the record is read only to tell a title written as the
 * id is (then the second key is an alias) from the title.
 */
function idOrTitle(catalog: Catalog, ordinal: number, test: (words: readonly string[]) => boolean): boolean {
  const keys = catalog.keysOf(ordinal);
  if (keys[0] !== undefined && test(keys[0].split(' '))) return true;
  if (keys[1] === undefined || !test(keys[1].split(' '))) return false;
  return normalizeText(catalog.fact(ordinal).title) === keys[1];
}

/** Whether words name a query word: the word (or a word it begins, or a typo's), or every word of one of its alternatives. */
function namedBy(words: readonly string[], t: QueryTerm): boolean {
  return words.some((w) => matchQuality(t.word, w) > 0) || t.alternatives.some((a) => a.words.every((w) => words.includes(w)));
}
