/**
 * Finds the facts a claim may be about, from the words of its sentence: the
 * words nearest the figure count most, the counted noun ("138 events") most of
 * all, and rarer words more than common ones; the heading above and the
 * sentence before count a little. A fact is a candidate only when its figure is
 * of the claim's kind (money, a share or a growth rate, a count, a rank, a year
 * or a date), when the sentence names enough of it (most of its title's words,
 * or one of its aliases whole) and, unless its subject is the one most facts
 * share (a country), when its subject (a city, a company) is named near the
 * claim or further up the draft. The figure itself never chooses the fact, so
 * a wrong number cannot pick the fact it happens to equal.
 *
 * The word index comes from the cache when the facts do (word-index.ts); a
 * fact is read and profiled only when its words make it a candidate.
 */
import { HAN } from '../search/han.js';
import type { Bound, Fact, FactBase } from '../facts/types.js';
import { versionsOf } from '../facts/versions.js';
import { catalogOf, DiskCatalog } from '../facts/catalog.js';
import { CLASS_WEIGHTS, DATE, GROWTH, PLAIN_TERMS, Terms } from './terms.js';
import type { Vocabulary } from '../facts/vocabulary.js';
import { fileWords, memoryWords, mergeWords, postingClass, postingOrdinal, storedWords, type Words } from './word-index.js';
import type { Claim, Dimension } from './claim.js';
import type { Extraction } from './extract.js';
import { extractClaims } from './extract.js';
import { cellAt, firstWhere, type Token } from './tokens.js';
import { parsePeriod, yearsOf, type Amount, type DaySpan } from './compare.js';

/** One figure a fact's sources give, with the precision its display was written in. */
export interface FigureVersion extends Amount {
  unit: string | null;
  display: string | null;
  /** The scale its display uses (1e12 for "3.6 trillion yuan"), 1 without one. */
  scale: number;
  /** Source ids giving this figure, in the fact's order. */
  sources: string[];
}

/** A number a fact's text names beside its figure ("the top 100" of a fact whose value is 26). */
export interface Mention {
  dimension: Dimension;
  value: number;
  /** Words beside it: the word before, the counted noun or the word after. */
  neighbours: string[];
}

export interface FactProfile {
  fact: Fact;
  /** The kind of figure the fact holds; null when it has none (a period alone, or a qualitative fact). */
  dimension: Dimension | null;
  versions: FigureVersion[];
  /** A percentage that is a change (tagged growth, or "up ... year on year"), not a share. */
  growth: boolean;
  period: DaySpan | null;
  periodYears: [number, number] | null;
  /** Whether the fact holds a term, in any of its fields. */
  holds(term: string): boolean;
  titleTerms: string[];
  aliasTerms: string[][];
  /** Words of its title, aliases and display: where a counted noun must be found. */
  nounTerms: Set<string>;
  /** Words of its displays ("128 events"): the counted noun of its own figure. */
  displayTerms: Set<string>;
  /** Words of its subject that must be named near a claim about it: none for the subject most facts share. */
  subjectTerms: string[];
  /** Every word of its subject ("harbor fair" for "Harbor Fair 2025"). */
  subjectWords: string[];
  /** The idf of each of titleTerms, and of each alias's terms. */
  titleIdf: number[];
  aliasIdf: number[][];
  /** Weight (sum of idf) of the title's words, and of each alias's, with the rarest word of each alias. */
  titleWeight: number;
  aliasWeights: Array<{ total: number; rarest: number }>;
}

export interface FactIndex {
  /** Number of facts; ordinals run from 0 to count - 1. */
  count: number;
  words: Words;
  /** How words are read as terms: the facts directory's vocabulary. */
  terms: Terms;
  /** A fact's profile, built the first time the fact is a candidate. */
  profile(ordinal: number): FactProfile;
  /** The ordinal of a fact id. */
  ordinalOf(id: string): number | undefined;
  /** A term's weight by its rarity: ln(1 + facts / facts holding it); 0 for a term no fact holds. */
  idf(term: string): number;
  /** The weight of the field a term comes from in a fact; 0 when the fact does not hold it. */
  weightIn(term: string, ordinal: number): number;
  /** The fact's place in id order: ties go to the lower id. */
  tieRank(ordinal: number): number;
}

// ---------------------------------------------------------------------------
// Words

const CURRENCY_WORDS: Record<string, string> = { CNY: 'yuan renminbi', USD: 'dollars', EUR: 'euros', GBP: 'pounds', JPY: 'yen', HKD: 'dollars', INR: 'rupees' };
// ---------------------------------------------------------------------------
// The index

/** What the index needs of the facts: each one by ordinal, an id's ordinal, and ordinals in id order for ties. */
export interface FactSource {
  fact(ordinal: number): Fact;
  ordinalOf(id: string): number | undefined;
  /** The fact's place in id order. */
  tieRank(ordinal: number): number;
}

/**
 * The facts as a check reads them: the word index (postings, idf), and each
 * fact's profile (its figures, period, title and alias words), built only when
 * the fact is first a candidate.
 */
export function factIndex(words: Words, facts: FactSource, terms: Terms): FactIndex {
  const n = Math.max(1, words.count);
  const idfs = new Map<string, number>();
  const idf = (t: string) => {
    let v = idfs.get(t);
    if (v === undefined) {
      const df = words.df(t);
      idfs.set(t, (v = df ? Math.log(1 + n / df) : 0));
    }
    return v;
  };
  // The subject most facts share is the base's own: a draft need not name it. Any other is named near its facts.
  const common = words.common;
  const commonTerms = new Set(common ? terms.termsOfText(common) : []);
  const profiles = new Map<number, FactProfile>();
  const profile = (i: number): FactProfile => {
    let p = profiles.get(i);
    if (p) return p;
    p = profileOf(facts.fact(i), terms);
    p.holds = (t) => holds(t, i);
    p.subjectTerms = p.fact.subject === common ? [] : p.subjectTerms.filter((t) => !commonTerms.has(t));
    p.titleIdf = p.titleTerms.map(idf);
    p.aliasIdf = p.aliasTerms.map((a) => a.map(idf));
    p.titleWeight = p.titleIdf.reduce((s, v) => s + v, 0);
    p.aliasWeights = p.aliasIdf.map((a) => ({ total: a.reduce((s, v) => s + v, 0), rarest: Math.max(...a) }));
    profiles.set(i, p);
    return p;
  };
  // The facts holding a term are its postings, in ordinal order.
  const holds = (t: string, i: number) => {
    const list = words.postings(t);
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const o = postingOrdinal(list[mid]!);
      if (o === i) return true;
      if (o < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  // Each fact's class in a term (four bits a fact), for terms held by too many facts to score through their postings.
  const dense = new Map<string, Uint8Array>();
  const weightIn = (t: string, i: number) => {
    let classes = dense.get(t);
    if (!classes) {
      classes = new Uint8Array((words.count + 1) >>> 1);
      for (const p of words.postings(t)) {
        const o = postingOrdinal(p);
        classes[o >>> 1]! |= postingClass(p) << ((o & 1) * 4);
      }
      dense.set(t, classes);
    }
    return CLASS_WEIGHTS[(classes[i >>> 1]! >>> ((i & 1) * 4)) & 15]!;
  };
  // Ties in ranking are many (facts worded alike): each fact's place in id order is read once.
  const ranks = new Int32Array(words.count).fill(-1);
  const tieRank = (i: number) => (ranks[i] !== -1 ? ranks[i]! : (ranks[i] = facts.tieRank(i)));
  return { count: words.count, words, terms, profile, ordinalOf: facts.ordinalOf, idf, weightIn, tieRank };
}

/** The index of facts held in memory, numbered by their place in the base (which lists them in id order). */
export function buildIndex(base: FactBase, terms: Terms = PLAIN_TERMS): FactIndex {
  const facts = base.facts;
  const words = mergeWords([fileWords(facts, terms)]);
  if (!words) throw new Error('the words of the facts did not merge');
  const ordinals = new Map<string, number>();
  facts.forEach((f, i) => {
    if (!ordinals.has(f.id)) ordinals.set(f.id, i);
  });
  return factIndex(memoryWords(words), { fact: (i) => facts[i]!, ordinalOf: (id) => ordinals.get(id), tieRank: (i) => i }, terms);
}

/**
 * The index of a loaded base: from the cache when the base comes from it (its
 * word index read a term at a time, facts read only when they are
 * candidates), else built in memory.
 */
export function indexOf(base: FactBase, vocabulary: Vocabulary): FactIndex {
  const terms = new Terms(vocabulary.groups);
  const catalog = catalogOf(base);
  const words = catalog instanceof DiskCatalog ? storedWords(catalog, terms, vocabulary.key) : null;
  if (!words || !(catalog instanceof DiskCatalog)) return buildIndex(base, terms);
  return factIndex(words, {
    fact: (i) => catalog.fact(i),
    ordinalOf: (id) => {
      const o = catalog.factOrdinal(id);
      return o < 0 ? undefined : o;
    },
    tieRank: (i) => catalog.tieRank(i),
  }, terms);
}

/** A fact's profile; the word index fills in what it knows (holds, the weights of its words). */
function profileOf(fact: Fact, terms: Terms): FactProfile {
  // Each text's terms are worked out once: a fact's title and displays serve several fields of its profile.
  const seen = new Map<string, string[]>();
  const termsOf = (text: string) => {
    let t = seen.get(text);
    if (!t) seen.set(text, (t = terms.termsOfText(text)));
    return t;
  };

  const versions = figureVersions(fact);
  const dimension = dimensionOf(versions);
  const period = fact.period ? parsePeriod(fact.period) : null;
  const displays = [fact.display, ...fact.sources.map((c) => c.display)].filter((d): d is string => d !== undefined);
  const growth =
    fact.tags.includes('growth') || displays.some((d) => /year[ -]on[ -]year|\b(up|increase|increased|rise|rose|grew|growth|down|decline|fell)\b/i.test(d));
  const nounTerms = new Set<string>();
  for (const text of [fact.title, ...fact.aliases, ...displays]) for (const t of termsOf(text)) nounTerms.add(t);
  // What the figure counts: the words of its display ("128 events"), or of its title when the display is a bare number.
  let displayTerms = new Set(displays.flatMap(termsOf));
  if (!displayTerms.size) displayTerms = new Set(termsOf(fact.title));
  return {
    fact,
    dimension,
    versions,
    growth: dimension === 'percent' && growth,
    period,
    periodYears: period ? yearsOf(period) : null,
    holds: () => false,
    titleTerms: [...new Set(termsOf(fact.title))],
    aliasTerms: fact.aliases.map((a) => [...new Set(termsOf(a))]).filter((a) => a.length > 0),
    nounTerms,
    displayTerms,
    subjectTerms: fact.subject ? [...new Set(termsOf(fact.subject))] : [],
    subjectWords: fact.subject ? [...new Set(termsOf(fact.subject))] : [],
    titleIdf: [],
    aliasIdf: [],
    titleWeight: 0,
    aliasWeights: [],
  };
}

function dimensionOf(versions: FigureVersion[]): Dimension | null {
  if (!versions.length) return null;
  const unit = versions[0]!.unit;
  if (unit === null) return 'quantity';
  if (/^[A-Z]{3}$/.test(unit)) return 'money';
  if (unit === 'percent' || unit === 'percentage-point') return 'percent';
  if (unit === 'rank') return 'rank';
  if (unit === 'year' && versions.every((v) => v.value >= 1000)) return 'year';
  return 'quantity';
}

/** A version of a fact's figure whose precision is read from its display only when a claim is compared with it. */
class Version implements FigureVersion {
  readonly high = null;
  readonly sources: string[] = [];
  private precision: Precision | null = null;
  constructor(
    readonly value: number,
    readonly bound: Bound,
    readonly unit: string | null,
    readonly display: string | null,
  ) {}
  private read(): Precision {
    return (this.precision ??= precisionOf(this.value, this.display ?? undefined));
  }
  get place(): number {
    return this.read().place;
  }
  get sigPlace(): number {
    return this.read().sigPlace;
  }
  get digits(): number {
    return this.read().digits;
  }
  get scale(): number {
    return this.read().scale;
  }
}

/** The distinct figures of a fact (display wording aside). */
function figureVersions(fact: Fact): FigureVersion[] {
  const out: Version[] = [];
  for (const v of versionsOf(fact)) {
    if (v.value === undefined) continue;
    const bound: Bound = v.bound ?? 'exact';
    const unit = v.unit ?? null;
    let same = out.find((o) => o.value === v.value && o.unit === unit && o.bound === bound);
    if (!same) out.push((same = new Version(v.value, bound, unit, v.display ?? null)));
    same.sources.push(...v.sources);
  }
  return out;
}

interface Precision {
  place: number;
  sigPlace: number;
  digits: number;
  scale: number;
}

/** Precision of a fact's figure from its display ("3.6 trillion yuan": 0.1 trillion), else from its digits. */
function precisionOf(value: number, display: string | undefined): Precision {
  if (display) {
    for (const c of extractClaims(display, { markdown: false }).claims) {
      if (c.value !== null && (c.value === value || Math.abs(c.value - value) <= 1e-9 * Math.abs(value))) {
        return { place: c.place, sigPlace: c.sigPlace, digits: c.digits, scale: c.scale };
      }
    }
  }
  const text = String(value);
  const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
  const trailing = decimals ? 0 : /0*$/.exec(text)![0].length;
  const sigPlace = decimals ? Number(`1e-${decimals}`) : Number(`1e${trailing}`);
  return { place: sigPlace, sigPlace, digits: text.replace(/[^\d]/g, '').replace(/^0+/, '').length || 1, scale: 1 };
}

const mentionCache = new WeakMap<FactProfile, Mention[]>();

/** Numbers a fact's own texts name that are not its figure: "top 100", "2018 Nobel Laureate". Read when first asked for. */
export function mentionsOf(p: FactProfile, terms: Terms): Mention[] {
  let m = mentionCache.get(p);
  if (!m) mentionCache.set(p, (m = readMentions(p.fact, p.versions, terms)));
  return m;
}

function readMentions(fact: Fact, versions: FigureVersion[], terms: Terms): Mention[] {
  const out: Mention[] = [];
  for (const text of [fact.title, fact.statement, fact.display]) {
    if (!text) continue;
    const ex = extractClaims(text, { markdown: false });
    for (const c of ex.claims) {
      if (c.value === null || c.dimension === 'date') continue;
      if (versions.some((v) => Math.abs(v.value - c.value!) <= 1e-9 * Math.abs(c.value!))) continue;
      const neighbours = neighbourTerms(ex, c, terms);
      if (neighbours.length) out.push({ dimension: c.dimension, value: c.value, neighbours });
    }
  }
  return out;
}

/** The informative words right beside a figure: the word before it and the one or two after. */
export function neighbourTerms(ex: Extraction, c: Claim, terms: Terms): string[] {
  const out: string[] = [];
  const before = c.before ? terms.termOf(c.before) : null;
  if (before) out.push(before);
  let k = c.tokenEnd;
  while (k < ex.tokens.length && ex.tokens[k]!.end <= c.end) k++;
  if (c.noun.length) {
    const t = terms.termOf(c.noun[0]!.split('-')[0]!);
    if (t) out.push(t);
  } else {
    const next = ex.tokens[k];
    const t = next && next.kind === 'word' ? terms.termOf(next.lower) : null;
    if (t) out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Ranking facts for a claim

export interface Candidate {
  profile: FactProfile;
  /** Word score, weighed by how much of the fact's title (or an alias) the sentence names. */
  score: number;
  /** Share of the title's weight (or of an alias's) the sentence names. */
  coverage: number;
  aliasHit: boolean;
  nounHit: boolean;
  /** The fact's display counts the claim's counted noun ("128 events" for "138 events"). */
  headHit: boolean;
  /** Its subject is named next to the figure ("the 2024 Harbor Fair" for a fact about the Harbor Fair). */
  subjectHit: boolean;
  /** A word of its title or aliases beyond its subject is named: "Denlo Park recorded 66 million dollars" names no fact of Denlo Park's. */
  beyondSubject: boolean;
}

/** An alias counts only with a word at least this rare (ln(1 + facts/df)): about one fact in six. */
const MIN_ALIAS_IDF = 1.9;
/** Least score for a fact to be a candidate: about one rare word next to the figure. */
export const MIN_SCORE = 2.5;
/** A year needs less: the fact's period, not its figure, is what it is compared with. */
export const MIN_SCORE_YEAR = 1.2;
/** Least share of a title's words (by weight) a sentence must name, without an alias. */
export const MIN_COVERAGE = 0.5;
/** With the counted noun found in the fact, a sentence may name less of its title. */
export const MIN_COVERAGE_WITH_NOUN = 0.45;

/** Nouns that count anything and so say nothing about which fact is meant. */
const GENERIC_NOUNS = new Set(['people', 'person', 'time', 'unit', 'item', 'thing', 'case', 'way', 'part', 'kind', 'type']);

export interface Context {
  /** Term weights by nearness to the figure. */
  weights: Map<string, number>;
  /** Every term of the sentence, its headings and the sentence before. */
  all: Set<string>;
  noun: string[];
  /** The last word of the counted noun: "patents" in "4 million valid invention patents". */
  head: string | null;
  /** Words the kind of claim stands for without writing them ("dates" for a date): they name a fact, they score nothing. */
  implied: Set<string>;
  /** Terms of the claim's own sentence. */
  own: Set<string>;
  /** A year or a date: compared with a fact's period, not its figure. */
  byPeriod: boolean;
  /** Terms only the sentence before has: they count half toward naming a fact. */
  before: Set<string>;
  /** Whether a term is named anywhere in the draft before the claim's sentence: a subject named further up ("the fair"). */
  earlier(term: string): boolean;
}

/** A word that another figure of the sentence counts ("15 enterprises") says little about this one. */
const OTHER_FIGURE_WEIGHT = 0.25;
/** The sentence's first clause names its subject for every figure in it ("Retail sales reached ..., up 3.5 percent"). */
const SUBJECT_WEIGHT = 0.45;
/** The sentence before, in the same paragraph, often names what "it" is. */
const PREVIOUS_SENTENCE_WEIGHT = 0.3;
const HEADING_WEIGHT = 0.3;
const OUTER_HEADING_WEIGHT = 0.2;
/** Each clause boundary between a word and the figure ("retail sales, at 48.8 trillion yuan, grew 3.5 percent") weakens the word. */
const CLAUSE_FACTOR = 0.7;
/** The same across a comma between Chinese words, which parts less (tokens.ts). */
const SOFT_CLAUSE_FACTOR = 0.9;
/** Clauses read back, at most, for the one a clause naming only a change speaks of. */
const MAX_TOPIC_HOPS = 3;
/** Terms that name a change or a time, not what changed. */
const CHANGE_TERMS = new Set([GROWTH, DATE, PLAIN_TERMS.termOf('year')!]);
/** A year dates the words of its own clause ("The fair, established in 2007, hosted ..."): other clauses count less. */
const YEAR_CLAUSE_FACTOR = 0.4;
/** A fact whose own display counts the claim's noun ("128 events" for "138 events") is likelier. */
const HEAD_NOUN_BONUS = 1.5;
/** A counted noun that is an alias of the fact, word for word. */
const ALIAS_NOUN_BONUS = 1.3;

interface DraftTerms {
  /** The terms of each token (null for numbers and punctuation). */
  ofToken: Array<string[] | null>;
  /** The first token each term appears at. */
  first: Map<string, number>;
}

const draftTermCache = new WeakMap<Extraction, DraftTerms>();

/** The terms of every word of a draft, read once per draft. */
function draftTerms(ex: Extraction, terms: Terms): DraftTerms {
  let cache = draftTermCache.get(ex);
  if (cache) return cache;
  const ofToken = new Array<string[] | null>(ex.tokens.length).fill(null);
  const first = new Map<string, number>();
  for (const s of ex.sentences) {
    const words: Array<{ tok: Token; index: number }> = [];
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (ex.tokens[k]!.kind === 'word') words.push({ tok: ex.tokens[k]!, index: k });
    const lower = words.map((w) => gluedWord(ex.tokens, w.index));
    const ofWord = terms.termsOfWords(lower);
    words.forEach((w, i) => {
      const parts = ex.tokens[w.index - 1]?.text === '#' && !w.tok.space ? hashtagWords(w.tok.text) : null;
      const own = parts ? parts.flatMap((_, j) => terms.termsAt(parts, j)) : ofWord[i]!;
      ofToken[w.index] = own;
      for (const t of own) if (!first.has(t)) first.set(t, w.index);
    });
  }
  draftTermCache.set(ex, (cache = { ofToken, first }));
  return cache;
}

/** The words of a hashtag written in camel case: "#HarborFair" is "harbor fair", "#GlobalInnovation" "global innovation". */
function hashtagWords(text: string): string[] | null {
  const parts = text.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+/gu);
  return parts && parts.length > 1 && parts.join('') === text ? parts.map((p) => p.toLowerCase()) : null;
}

/** "Q1", "H2", "G20": a word with one or two digits glued to it is one word; others are the word alone. */
function gluedWord(tokens: readonly Token[], k: number): string {
  const tok = tokens[k]!;
  const next = tokens[k + 1];
  if (!next || next.kind !== 'num' || next.space || next.text.length > 2 || !/^\d+$/.test(next.text) || HAN.test(tok.text)) return tok.lower;
  const after = tokens[k + 2];
  return after && !after.space && (after.kind === 'word' || after.kind === 'num') ? tok.lower : tok.lower + next.text;
}

/** Words that join a figure to the next one's subject: "5.6% and retail sales 3.5%", "5%, imports 3%". */
const JOINERS = new Set(['and', 'while', 'whereas', 'but', ',', ';', '(', 'with', 'against', 'versus', 'vs']);

/** Whether a joining word stands between the claim and token k, which follows it: then k begins another figure's words. */
function joinedAfter(ex: Extraction, claim: Claim, k: number): boolean {
  for (let j = claim.tokenEnd; j < k; j++) if (JOINERS.has(ex.tokens[j]!.lower)) return true;
  return false;
}

/** A line starting with a bullet sign or an emoji: an item of a list written without Markdown markers. */
const BULLET_START = /^(?:\p{Extended_Pictographic}|[•·▪◦‣➤→✓✔])/u;
/** At most this many bulleted lines are read back to find the line that leads into them. */
const MAX_BULLETS = 30;

/** The sentence that leads into the run of bulleted lines sentence i belongs to; null when i is no bulleted line. */
function leadIn(ex: Extraction, i: number): number | null {
  const bulleted = (k: number) => BULLET_START.test(ex.tokens[ex.sentences[k]!.tokenStart]?.text ?? '');
  if (!bulleted(i)) return null;
  for (let k = i - 1; k >= 0 && k >= i - MAX_BULLETS; k--) {
    const s = ex.sentences[k]!;
    if (s.isHeading) return null;
    if (!bulleted(k)) return k;
  }
  return null;
}

/**
 * The question that sentence i, first of its paragraph, answers: in an interview or a Q&A, "How much went into
 * research last year?" names what "3.6 trillion yuan" in the next paragraph is. Null when the paragraph before
 * does not end in a question.
 */
function questionBefore(ex: Extraction, i: number): number | null {
  const previous = ex.sentences[i - 1];
  if (!previous || previous.isHeading || previous.isTableRow) return null;
  return ex.tokens[previous.tokenEnd - 1]?.text === '?' ? i - 1 : null;
}

/** Words at most this long before a colon make a label ("Industrial output:"). */
const MAX_LABEL_TOKENS = 8;

/**
 * The label ("Industrial output:") opening the part of a line that sentence i continues after semicolons, as
 * token indices [start, end); null when the sentences before it in its block do not all end in a semicolon or the
 * first opens with no label.
 */
function semicolonLabel(ex: Extraction, i: number): [number, number] | null {
  const block = ex.sentences[i]!.block;
  let first = i;
  for (let n = 0; n < MAX_BULLETS; n++) {
    const prev = ex.sentences[first - 1];
    if (!prev || prev.block !== block || prev.isHeading || ex.tokens[prev.tokenEnd - 1]?.text !== ';') break;
    first--;
  }
  if (first === i) return null;
  const s = ex.sentences[first]!;
  for (let k = s.tokenStart; k < Math.min(s.tokenEnd, s.tokenStart + MAX_LABEL_TOKENS + 1); k++) {
    const tok = ex.tokens[k]!;
    if (tok.text === ':') return k > s.tokenStart ? [s.tokenStart, k] : null;
    // A year may date a label ("Harvest, 2024:"); another figure makes it a claim.
    if (tok.kind === 'num' && !/^\d{4}$/.test(tok.text)) return null;
  }
  return null;
}

/** A header cell says what every cell of its column is: its words count as the figure's own. */
const HEADER_WEIGHT = 1;

/**
 * Tokens on each side of a claim that its context reads: a word farther away weighs under a tenth of a word beside
 * the figure, and a bound keeps a sentence of thousands of figures linear.
 */
export const CONTEXT_TOKENS = 64;

/**
 * The terms of what a claim counts. In Chinese the word after the measure word is it, read with the word after
 * it where the two make one word of the vocabulary ("机器|人"); the second is otherwise what the thing does.
 */
function countedTerms(claim: Claim, terms: Terms): string[] {
  const words = claim.noun.flatMap((w) => w.split('-'));
  if (words.length && HAN.test(words[0]!)) {
    const t = terms.termsAt(words, 0).at(-1);
    return t === undefined || GENERIC_NOUNS.has(t) ? [] : [t];
  }
  return words.map((w) => terms.termOf(w)).filter((t): t is string => t !== null && !GENERIC_NOUNS.has(t));
}

/** The other claims of the claim's sentence within CONTEXT_TOKENS of it, in order. */
export function nearbyClaims(ex: Extraction, claim: Claim): Claim[] {
  const list = ex.claimsBySentence[claim.sentence]!;
  const from = claim.tokenStart - CONTEXT_TOKENS;
  const to = claim.tokenEnd + CONTEXT_TOKENS;
  const out: Claim[] = [];
  for (let i = firstWhere(list, (c) => c.tokenEnd >= from); i < list.length && list[i]!.tokenStart <= to; i++) if (list[i] !== claim) out.push(list[i]!);
  return out;
}

export function claimContext(ex: Extraction, claim: Claim, terms: Terms): Context {
  const draft = draftTerms(ex, terms);
  const termsOfToken = draft.ofToken;
  const sentence = ex.sentences[claim.sentence]!;
  // The window read around the figure, and the sentence's opening words, which name its subject.
  const windowStart = Math.max(sentence.tokenStart, claim.tokenStart - CONTEXT_TOKENS);
  const windowEnd = Math.min(sentence.tokenEnd, claim.tokenEnd + CONTEXT_TOKENS);
  const openingEnd = Math.min(windowStart, sentence.tokenStart + CONTEXT_TOKENS);
  const weights = new Map<string, number>();
  const all = new Set<string>();
  const noun = countedTerms(claim, terms);
  const nounSet = new Set(noun);
  const others = nearbyClaims(ex, claim);
  const claimClause = ex.tokens[claim.tokenStart]!.clause;
  const claimSoft = ex.tokens[claim.tokenStart]!.soft ?? 0;
  const firstClause = ex.tokens[sentence.tokenStart]!.clause;
  // "Events: 128", "National high-tech enterprises, 2024: 29,700": the label before a colon is the figure's own context.
  let first = claim.tokenStart;
  while (first > sentence.tokenStart && ex.tokens[first - 1]!.start >= claim.start) first--;
  const before = ex.tokens[first - 1];
  const labelled = before !== undefined && before.text === ':' && before.sentence === claim.sentence;
  const set = (t: string, w: number) => {
    all.add(t);
    if ((weights.get(t) ?? 0) < w) weights.set(t, w);
  };
  const words: Array<{ tok: Token; index: number }> = [];
  for (let k = sentence.tokenStart; k < windowEnd; k = k + 1 === openingEnd ? windowStart : k + 1) {
    const tok = ex.tokens[k]!;
    if (tok.kind === 'word') words.push({ tok, index: k });
  }
  // "contributes 60% of growth, ..., while export intensity stood at 2.68%": a first clause with a figure of the same kind
  // names that figure's subject, not every figure's; a figure belongs to its own clause's words first.
  const firstClauseTaken = claimClause !== firstClause && others.some((o) => o.dimension === claim.dimension && ex.tokens[o.tokenStart]!.clause === firstClause);
  // "2024年国内生产总值1349084亿元，比上年增长5.0%", "output reached 5.6 trillion, up 5% from a year earlier": a
  // clause naming nothing but the change speaks of what the clause before it names, as if it were its own.
  const named = new Set<number>();
  for (const { tok, index } of words) {
    if (tok.start >= claim.start && tok.end <= claim.end) continue;
    if ((termsOfToken[index] ?? []).some((t) => !CHANGE_TERMS.has(t)) && !others.some((o) => tok.start >= o.start && tok.end <= o.end)) named.add(tok.clause);
  }
  let topicClause = claimClause;
  for (let c = claimClause; !named.has(c) && c > firstClause && claimClause - c < MAX_TOPIC_HOPS; ) {
    c--;
    if (named.has(c)) topicClause = c;
  }
  const topicSoft = topicClause === claimClause ? claimSoft : (words.find((w) => w.tok.clause === topicClause)?.tok.soft ?? claimSoft);
  // Word distance: words between the token and the figure.
  const firstAfter = words.findIndex((w) => w.tok.start >= claim.end);
  const lastBefore = words.map((w) => w.tok.end <= claim.start).lastIndexOf(true);
  // "the number of stalls at the fair (nearly 100 vs. more than 100)": a bracket holding figures with no noun of their
  // own gives the figures of what stands right before it; its words count as the figure's own clause, from the bracket.
  let open = first;
  while (open > sentence.tokenStart && ex.tokens[open - 1]!.clause === claimClause) open--;
  const bracket = !claim.noun.length && ex.tokens[open]!.text === '(' && open > sentence.tokenStart ? ex.tokens[open]! : null;
  const lastBeforeBracket = bracket ? words.map((w) => w.tok.end <= bracket.start).lastIndexOf(true) : -1;
  for (let i = 0; i < words.length; i++) {
    const { tok, index: k } = words[i]!;
    const phrase = termsOfToken[k]!;
    if (!phrase.length) continue;
    let distance: number;
    const beforeBracket = bracket !== null && tok.clause === claimClause - 1 && tok.end <= bracket.start;
    if (beforeBracket) distance = lastBeforeBracket - i;
    else if (tok.end <= claim.start) distance = lastBefore - i;
    else if (tok.start >= claim.end) distance = i - (firstAfter === -1 ? i : firstAfter);
    else distance = 0;
    const inLabel = labelled && tok.end <= before.start;
    const anchor = tok.clause <= topicClause ? topicClause : claimClause;
    const clauses = inLabel || beforeBracket || (tok.clause > topicClause && tok.clause < claimClause) ? 0 : Math.abs(tok.clause - anchor);
    const softClauses = Math.min(clauses, Math.abs((tok.soft ?? 0) - (anchor === topicClause ? topicSoft : claimSoft)));
    const factor = claim.dimension === 'year' ? YEAR_CLAUSE_FACTOR : CLAUSE_FACTOR;
    let w = inLabel ? 1 : (1 / (1 + distance / 3)) * Math.max(0.2, factor ** (clauses - softClauses) * SOFT_CLAUSE_FACTOR ** softClauses);
    // A year dates the figure beside it ("29,700 enterprises in 2023"): for a year, that figure's words are its own.
    // "output expanded 5.6% and retail sales 3.5%": words after the figure that stand nearer the next figure are that
    // figure's subject, not this one's.
    const another =
      claim.dimension !== 'year' &&
      others.some(
        (o) =>
          (tok.start >= o.start && tok.end <= o.end) ||
          (o.dimension !== 'year' && o.dimension !== 'date' && o.start > claim.end && tok.start >= claim.end && tok.end <= o.start && joinedAfter(ex, claim, k)),
      );
    if (tok.clause === firstClause && !another && !firstClauseTaken) w = Math.max(w, SUBJECT_WEIGHT);
    if (another) w *= OTHER_FIGURE_WEIGHT;
    for (const t of phrase) {
      const isNoun = nounSet.has(t) && tok.start >= claim.start && tok.start <= claim.end + 40;
      set(t, isNoun ? 2 : w);
    }
  }
  // A heading's opening words, and the closing words of the sentence before.
  const addSentence = (index: number, w: number, closing = false) => {
    const s = ex.sentences[index]!;
    const from = closing ? Math.max(s.tokenStart, s.tokenEnd - CONTEXT_TOKENS) : s.tokenStart;
    const to = closing ? s.tokenEnd : Math.min(s.tokenEnd, s.tokenStart + CONTEXT_TOKENS);
    for (let k = from; k < to; k++) for (const t of termsOfToken[k] ?? []) set(t, w);
  };
  // "up 8.3 percent", "grew 3.5 percent": the claim names a growth rate even when the sentence does not say "growth".
  if (claim.change !== null) set(GROWTH, 1);
  // A date speaks of dates ("held from May 28 to June 1" is the fact titled "Dates of the Harbor Fair").
  const implied = new Set<string>(claim.dimension === 'date' ? [DATE] : []);
  // "US$502bn" says dollars as plainly as "502 billion dollars" does.
  if (claim.dimension === 'money' && claim.unit) for (const code of claim.unit.split('|')) for (const t of terms.termsOfText(CURRENCY_WORDS[code] ?? '')) set(t, 1);
  const cell = sentence.isTableRow ? cellAt(ex.tableCells, claim.start) : undefined;
  if (cell) {
    for (let k = firstWhere(ex.tokens, (tok) => tok.start >= cell.headerStart); k < ex.tokens.length && ex.tokens[k]!.end <= cell.headerEnd; k++) {
      for (const t of termsOfToken[k] ?? []) set(t, HEADER_WEIGHT);
    }
  }
  const ownSentence = new Set(all);
  sentence.headings.forEach((h, i) => addSentence(h, i === sentence.headings.length - 1 ? HEADING_WEIGHT : OUTER_HEADING_WEIGHT));
  const previous = ex.sentences[claim.sentence - 1];
  const own = new Set(all);
  if (previous && previous.block === sentence.block && !previous.isHeading) {
    addSentence(claim.sentence - 1, PREVIOUS_SENTENCE_WEIGHT, true);
    // "Retail sales: +3.5% in 2024; Dec. +3.7%; Nov. +3%": a label opening a line speaks for each part of it the
    // semicolons set apart, as for its first.
    const label = semicolonLabel(ex, claim.sentence);
    if (label) {
      for (let k = label[0]; k < label[1]; k++) {
        for (const t of termsOfToken[k] ?? []) {
          set(t, HEADER_WEIGHT);
          ownSentence.add(t);
        }
      }
    }
  } else {
    // "2024 harvest 👇" over "🔹 5,200 tonnes of apples": the line that leads into a run of bulleted lines speaks for each.
    const lead = leadIn(ex, claim.sentence) ?? questionBefore(ex, claim.sentence);
    if (lead !== null) addSentence(lead, PREVIOUS_SENTENCE_WEIGHT, true);
  }
  const onlyBefore = new Set([...all].filter((t) => !own.has(t)));
  const earlier = (t: string) => all.has(t) || (draft.first.get(t) ?? Infinity) < sentence.tokenStart;
  return { weights, all, own: ownSentence, byPeriod: claim.dimension === 'year' || claim.dimension === 'date', noun, head: noun.length ? noun[noun.length - 1]! : null, implied, before: onlyBefore, earlier };
}

/** Facts counting what the claim counts are preferred only while one scores at least this share of the best. */
const COUNTING_SHARE = 0.6;

/** A word this near the figure (in context weight) stands next to it. */
export const NEXT_TO = 0.5;

/** What a fact keeps of its score when none of the words before the claim's counted noun are its own. */
const OTHER_KIND = 0.5;
/** What a fact keeps of its score when only the sentence before or a heading names it. */
const ELSEWHERE = 0.5;
/** What a fact keeps of its score when its subject is named only further up the draft. */
const SUBJECT_FAR = 0.7;

/** A word held by more facts than this (or this share of them) only adds to facts other words found. */
const FINDING_POSTINGS = 1000;
const FINDING_SHARE = 0.02;
/** At most this many facts per claim, the best by their words, are weighed in full. */
const MAX_WEIGHED = 128;

/** A fact whose period holds the year the claim's own clause gives ("in 2023") is likelier than one it does not date. */
export const PERIOD_BONUS = 1.3;
/** Bonuses a score can get on top of its words: a candidate whose words score less than minScore / MAX_BONUS is never about. */
const MAX_BONUS = HEAD_NOUN_BONUS * ALIAS_NOUN_BONUS * PERIOD_BONUS;

const scratch = new WeakMap<FactIndex, { sums: Float64Array; marks: Uint8Array }>();

/** Word scores by ordinal, and which facts have one: kept per index and left zeroed by each ranking. */
function scratchOf(index: FactIndex): { sums: Float64Array; marks: Uint8Array } {
  let s = scratch.get(index);
  if (!s) scratch.set(index, (s = { sums: new Float64Array(index.count), marks: new Uint8Array(index.count) }));
  return s;
}

/**
 * Facts of a kind the claim can be compared with, scored by the words of the
 * claim's sentence, best first. Facts whose words cannot reach minScore are
 * left out.
 */
export function rankCandidates(index: FactIndex, ctx: Context, accept: (p: FactProfile) => boolean, minScore = 0, periodFactor: (p: FactProfile) => number = () => 1): Candidate[] {
  // Word scores through the postings: each term of the sentence adds to the facts that hold it. A word most facts
  // hold finds no fact on its own: it only adds to the facts rarer words found.
  const cap = Math.max(FINDING_POSTINGS, index.count * FINDING_SHARE);
  const { sums, marks } = scratchOf(index);
  const found: number[] = [];
  /** Common terms with their weight in the sentence times their idf. */
  const common: Array<[string, number]> = [];
  for (const [t, w] of ctx.weights) {
    const df = index.words.df(t);
    if (!df) continue;
    if (df > cap) {
      common.push([t, w * index.idf(t)]);
      continue;
    }
    const tw = w * index.idf(t);
    const list = index.words.postings(t);
    for (let k = 0; k < list.length; k++) {
      const i = postingOrdinal(list[k]!);
      if (!marks[i]) {
        marks[i] = 1;
        found.push(i);
      }
      sums[i]! += tw * CLASS_WEIGHTS[postingClass(list[k]!)]!;
    }
  }
  const raws: Array<[number, number]> = [];
  for (const i of found) {
    let raw = sums[i]!;
    sums[i] = 0;
    marks[i] = 0;
    for (const [t, w] of common) raw += w * index.weightIn(t, i);
    if (raw * MAX_BONUS >= minScore) raws.push([i, raw]);
  }
  // Only the best-worded facts are weighed in full: the others cannot come near them.
  raws.sort((a, b) => b[1] - a[1] || index.tieRank(a[0]) - index.tieRank(b[0]));
  const anywhere = (t: string) => (ctx.implied.has(t) ? 1 : ctx.before.has(t) ? 0.5 : ctx.all.has(t) ? 1 : 0);
  const near = (t: string) => (ctx.implied.has(t) ? 1 : Math.min(1, 2 * (ctx.weights.get(t) ?? 0)));
  const out: Candidate[] = [];
  for (const [i, raw] of raws.slice(0, MAX_WEIGHED)) {
    const profile = index.profile(i);
    if (!accept(profile)) continue;
    let score = raw;
    // How much of the title or an alias the sentence names: anywhere in it, or weighed by nearness to the figure.
    const named = (present: (t: string) => number, singleAliases: boolean) => {
      let best = profile.titleWeight > 0 ? profile.titleTerms.reduce((s, t, k) => s + present(t) * profile.titleIdf[k]!, 0) / profile.titleWeight : 0;
      profile.aliasTerms.forEach((a, k) => {
        const { total, rarest } = profile.aliasWeights[k]!;
        const idfs = profile.aliasIdf[k]!;
        if ((a.length > 1 || singleAliases) && total > 0 && rarest >= MIN_ALIAS_IDF) best = Math.max(best, a.reduce((s, t, j) => s + present(t) * idfs[j]!, 0) / total);
      });
      return best;
    };
    // An alias is named when all its words are, two at least ("how many projects" is only "projects"), and one of them
    // is not a common one ("first Harbor Fair" is only "harbor fair").
    const aliasHit = profile.aliasTerms.some((a, k) => a.length > 1 && profile.aliasWeights[k]!.rarest >= MIN_ALIAS_IDF && a.every((t) => ctx.all.has(t)));
    const coverage = Math.max(named(anywhere, false), aliasHit ? 1 : 0);
    const nounHit = ctx.noun.length > 0 && ctx.noun.some((t) => profile.nounTerms.has(t));
    const headHit = ctx.head !== null && profile.displayTerms.has(ctx.head);
    if (headHit) score *= HEAD_NOUN_BONUS;
    score *= periodFactor(profile);
    // "eight key cooperative projects" are another kind of project than "international tech trade innovation projects".
    const modifiers = ctx.noun.slice(0, -1);
    if (modifiers.length && !modifiers.some((t) => profile.holds(t))) score *= OTHER_KIND;
    // The counted noun is one of the fact's aliases word for word ("skilled workers", not "high-skilled workers").
    if (ctx.noun.length && profile.aliasTerms.some((a) => a.length === new Set(ctx.noun).size && a.every((t) => ctx.noun.includes(t)))) score *= ALIAS_NOUN_BONUS;
    score *= 0.4 + 0.6 * named(near, true);
    // A fact about Lakeville is not the one meant when nothing around the figure names Lakeville.
    if (profile.subjectTerms.length && !profile.subjectTerms.some((t) => ctx.all.has(t))) {
      if (!profile.subjectTerms.some(ctx.earlier)) continue;
      score *= SUBJECT_FAR;
    }
    const subjectHit = profile.subjectWords.length > 0 && profile.subjectWords.every((t) => (ctx.weights.get(t) ?? 0) >= NEXT_TO);
    const beyond = (t: string) => !profile.subjectWords.includes(t) && (ctx.all.has(t) || ctx.implied.has(t));
    const beyondSubject = profile.titleTerms.some(beyond) || profile.aliasTerms.some((a) => a.some(beyond));
    // Named only by the sentence before or a heading: a fact the claim's own sentence names is likelier.
    const ownWord = (t: string) => !profile.subjectWords.includes(t) && (ctx.own.has(t) || ctx.implied.has(t));
    // A year or date needs only its subject named: it is compared with the fact's period.
    if (!ctx.byPeriod && !profile.titleTerms.some(ownWord) && !profile.aliasTerms.some((a) => a.some(ownWord))) score *= ELSEWHERE;
    out.push({ profile, score, coverage, aliasHit, nounHit, headHit, subjectHit, beyondSubject });
  }
  return out.sort((a, b) => b.score - a.score || (a.profile.fact.id < b.profile.fact.id ? -1 : 1));
}

/**
 * Whether a candidate is named well enough to be what the claim is about. A
 * year may also be about any fact whose subject it stands beside ("the 2024
 * Harbor Fair"): it is compared with the fact's period, not its figure.
 */
export function isAbout(c: Candidate, ctx: Context, minScore = MIN_SCORE, bySubject = false): boolean {
  if (ctx.noun.length && !ctx.noun.some((t) => c.profile.holds(t))) return false;
  if (c.score < minScore) return false;
  if (bySubject && c.subjectHit) return true;
  if (!c.beyondSubject) return false;
  return c.aliasHit || c.coverage >= MIN_COVERAGE || (c.nounHit && c.coverage >= MIN_COVERAGE_WITH_NOUN);
}

/**
 * The facts a claim is about, best first: those named well enough, and among
 * them, when some count what the claim counts, only those.
 */
export function aboutCandidates(ranked: Candidate[], ctx: Context, minScore = MIN_SCORE, bySubject = false): Candidate[] {
  const about = ranked.filter((c) => isAbout(c, ctx, minScore, bySubject));
  const counting = about.filter((c) => c.headHit);
  // Not when the words name another fact far better ("World rank in cider exports: 2nd" beside a rank whose display
  // says "rank").
  return counting.length && counting[0]!.score >= COUNTING_SHARE * about[0]!.score ? counting : about;
}

/**
 * Whether the claim's sentence (with its heading and the sentence before) names the fact beyond its subject: most of
 * its title's other words (by weight), or one of its aliases whole, or the counted noun of its figure. A figure is
 * contradicted only by a fact so named: "Export intensity stood at 2.68% of GDP" does not name manufacturing's share of
 * the region's GDP.
 */
export function namedInSentence(index: FactIndex, c: Candidate, ctx: Context): boolean {
  const p = c.profile;
  const idf = index.idf;
  const own = (t: string) => ctx.all.has(t) || ctx.implied.has(t);
  if (p.aliasTerms.some((a, k) => a.length > 1 && p.aliasWeights[k]!.rarest >= MIN_ALIAS_IDF && a.every(own))) return true;
  const words = p.titleTerms.filter((t) => !p.subjectWords.includes(t));
  const share = (list: string[]) => {
    const total = list.reduce((s, t) => s + idf(t), 0);
    return total > 0 ? list.reduce((s, t) => s + (own(t) ? idf(t) : 0), 0) / total : 1;
  };
  // The counted noun ("15 companies") names the fact when the rest of its title does not say another kind of thing
  // ("national high-tech enterprises"): half of its other words must be named too.
  if (c.headHit) return share(words.filter((t) => t !== ctx.head)) >= MIN_COVERAGE;
  return words.length > 0 && share(words) >= MIN_COVERAGE;
}
