/**
 * The facts as check reads them: each fact's profile (its figures with the
 * precision their display was written in, the kind of claim it can be compared
 * with, its words), and the index that finds facts by the words of a sentence.
 *
 * The word index comes from the cache when the facts do (word-index.ts); a
 * fact is read and profiled only when its words make it a candidate.
 */
import type { Bound, Fact, FactBase } from '../../facts/types.js';
import { versionsOf } from '../../facts/versions.js';
import { catalogOf, DiskCatalog } from '../../facts/catalog.js';
import { CLASS_WEIGHTS, PLAIN_TERMS, Terms } from './terms.js';
import type { Vocabulary } from '../../facts/vocabulary.js';
import { fileWords, memoryWords, mergeWords, postingClass, postingOrdinal, storedWords, type Words } from './word-index.js';
import type { Dimension } from '../claims/claim.js';
import { extractClaims } from '../claims/extract.js';
import { parsePeriod, yearsOf, type Amount, type DaySpan } from '../compare/compare.js';
import { neighbourTerms } from './context.js';

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
  /** "percent", "percentage-point", a currency; null for a count. */
  unit: string | null;
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

const rangeCache = new WeakMap<FigureVersion, Array<[number, number]>>();

/** The ranges a version's display writes ("10-50% more costly") where its figure keeps only one end. Read when first asked for. */
export function displayRanges(v: FigureVersion): Array<[number, number]> {
  let ranges = rangeCache.get(v);
  if (!ranges) {
    const claims = v.display ? extractClaims(v.display, { markdown: false }).claims : [];
    rangeCache.set(v, (ranges = claims.flatMap((c) => (c.value !== null && c.high !== null ? [[c.value, c.high] as [number, number]] : []))));
  }
  return ranges;
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
      if (neighbours.length) out.push({ dimension: c.dimension, value: c.value, unit: c.unit, neighbours });
    }
  }
  return out;
}
