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
 */
import { CLASS_WEIGHTS } from './terms.js';
import { postingClass, postingOrdinal } from './word-index.js';
import type { FactProfile, FactIndex } from './fact-index.js';
import type { Context } from './context.js';

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

/** A fact whose own display counts the claim's noun ("128 events" for "138 events") is likelier. */
const HEAD_NOUN_BONUS = 1.5;
/** A counted noun that is an alias of the fact, word for word. */
const ALIAS_NOUN_BONUS = 1.3;

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
