/**
 * Checks every claim of a draft: finds the fact its sentence is about,
 * compares the figures and gives a verdict.
 *
 * - supported: the fact (every one of its sources) agrees with the figure;
 * - contradicted: the fact rules the figure out (every source does);
 * - disputed: the sources disagree, and some agree with the figure;
 * - unsupported: no fact is surely about the figure, or the facts neither
 *   confirm nor rule it out.
 *
 * A claim is never supported on an uncertain match: when two facts fit the
 * sentence about as well and would give different verdicts, it is unsupported.
 * A figure whose fact is about another year than the sentence's is
 * unsupported, and then the sentence's year is the one contradicted. A date
 * contradicts an event's dates only when the sentence names the event and says
 * it happened then; other dates (a byline, "reported on ...") are unsupported.
 */
import type { Fact } from '../../facts/types.js';
import type { Claim } from '../claims/claim.js';
import { type Extraction, extractClaims } from '../claims/extract.js';
import { claimSpan, compareAmounts, same, compareDates, compareYears, type Amount, type Endpoint, type Outcome } from '../compare/compare.js';
import { displayRanges, mentionsOf, type FactIndex, type FactProfile, type FigureVersion } from '../align/fact-index.js';
import { claimContext, neighbourTerms, type Context } from '../align/context.js';
import { aboutCandidates, PERIOD_BONUS, MIN_SCORE, MIN_SCORE_YEAR, namedInSentence, NEXT_TO, rankCandidates, type Candidate } from '../align/candidates.js';
import { datesAFigure, isDateline, sentenceYears, clauseMonths, UNNAMED_SLICE, slicesAYear, spansYears, monthsFit, conflicts, isBaseYear, yearsText } from './periods.js';
import type { Verdict } from './verdicts.js';
import type { Terms } from '../align/terms.js';
export { VERDICTS, type Verdict } from './verdicts.js';

/** What the facts say, one entry per version of the fact's figure (or its period). */
export interface Expected {
  value: number | null;
  unit: string | null;
  bound: string | null;
  display: string | null;
  /** For years and dates: the fact's period ("2025-03-27/2025-03-31"). */
  period: string | null;
  /** The scale and precision its display is written in, for printing the figure the same way. */
  scale: number;
  place: number;
  /** A growth rate ("up 8.3 percent"), not a share. */
  growth: boolean;
  sources: string[];
  outcome: Outcome;
}

export interface CheckedClaim {
  claim: Claim;
  verdict: Verdict;
  fact: Fact | null;
  expected: Expected[];
  /** Why, when the verdict needs a word: an unreadable number, an uncertain match, another year. */
  note: string | null;
}

/** Candidates scoring at least this share of the best are as plausible as the best. */
export const CLOSE_SHARE = 0.75;
/** Candidates this close to the best cannot be told apart by words: the figure may pick among them. */
export const TIE_SHARE = 0.95;

const START_WORDS = /^(open|opens|opened|opening|begin|begins|began|beginning|start|starts|started|starting|kick|kicks|kicked|commence|commences|commenced|launch|launched)$/;
const END_WORDS = /^(close|closes|closed|closing|conclude|concludes|concluded|concluding|end|ends|ended|ending|wrap|wraps|wrapped|final|last)$/;

interface Evaluation {
  verdict: Verdict;
  expected: Expected[];
  note: string | null;
}

export function checkDraft(draft: string, index: FactIndex): CheckedClaim[] {
  const ex = extractClaims(draft);
  return checkExtraction(ex, index);
}

export function checkExtraction(ex: Extraction, index: FactIndex): CheckedClaim[] {
  const results: CheckedClaim[] = new Array(ex.claims.length);
  /** Facts of another year that a sentence's figures match: they say which year the sentence should have. */
  const otherYear = new Map<number, FactProfile[]>();
  const paired = pairedContexts(ex, index.terms);
  ex.claims.forEach((claim, i) => {
    if (claim.dimension === 'year') return;
    results[i] = checkFigure(ex, claim, index, otherYear, paired.get(claim));
  });
  const resultOf = new Map<Claim, CheckedClaim>();
  ex.claims.forEach((claim, i) => {
    if (results[i]) resultOf.set(claim, results[i]!);
  });
  ex.claims.forEach((claim, i) => {
    if (claim.dimension !== 'year') return;
    if (claim.problem !== null) {
      results[i] = result(claim, 'unsupported', null, [], claim.problem);
      return;
    }
    const figures = ex.claimsBySentence[claim.sentence]!.flatMap((c) => resultOf.get(c) ?? []);
    results[i] = checkYear(ex, claim, index, otherYear.get(claim.sentence) ?? [], figures);
  });
  // A year that only dates another figure ("5,200 tonnes in 2024") is that figure's, not a claim of its own:
  // it gets a line only when it is wrong.
  return results.filter((r, i) => !(r.verdict !== 'contradicted' && datesAFigure(ex, ex.claims[i]!)));
}

function result(claim: Claim, verdict: Verdict, fact: Fact | null, expected: Expected[], note: string | null): CheckedClaim {
  return { claim, verdict, fact, expected, note };
}

// ---------------------------------------------------------------------------
// Figures and dates

function compatible(claim: Claim, p: FactProfile): boolean {
  switch (claim.dimension) {
    case 'money':
      return p.dimension === 'money';
    case 'quantity':
      // A figure with no unit ("3.6 trillion") may be money; a counted noun decides through the words.
      return p.dimension === 'quantity' || (p.dimension === 'money' && claim.scale > 1);
    case 'percent':
      // A change is compared with changes only. A percentage that does not say it is one ("5.2%" in a column headed
      // "Consensus") may be either: a growth fact can confirm it, never rule it out (see evaluate).
      return p.dimension === 'percent' && (p.growth === (claim.change !== null) || (claim.change === null && p.growth && !claim.share));
    case 'rank':
      return p.dimension === 'rank';
    case 'date':
      return p.period !== null && p.period.precision !== 'year';
    case 'year':
      return p.dimension === 'year' || p.period !== null;
  }
}

/** "nearly 100 vs. more than 100", "$494.69 billion versus about $502 billion", "100 or 120": two versions of one figure. */
const PAIR_JOIN = /^(vs\.?|versus|v\.|or)$/i;

/**
 * The two figures of a pair are about the same thing: each is matched with the words around both, so that one side
 * cannot find another fact than the other (the farther side is farther from the words that name it).
 */
function pairedContexts(ex: Extraction, terms: Terms): Map<Claim, Context> {
  const out = new Map<Claim, Context>();
  for (const list of ex.claimsBySentence) {
    for (let k = 0; k + 1 < list.length; k++) {
      const a = list[k]!;
      const b = list[k + 1]!;
      if (a.dimension !== b.dimension || a.dimension === 'year' || (a.unit ?? '') !== (b.unit ?? '')) continue;
      const between = ex.tokens.slice(a.tokenEnd, b.tokenStart).filter((t) => t.start >= a.end && t.end <= b.start).map((t) => t.text).join('');
      if (!PAIR_JOIN.test(between)) continue;
      const ca = out.get(a) ?? claimContext(ex, a, terms);
      const cb = claimContext(ex, b, terms);
      const merged = mergeContexts(ca, cb);
      out.set(a, merged);
      out.set(b, merged);
    }
  }
  return out;
}

function mergeContexts(a: Context, b: Context): Context {
  const weights = new Map(a.weights);
  for (const [t, w] of b.weights) if ((weights.get(t) ?? 0) < w) weights.set(t, w);
  const all = new Set([...a.all, ...b.all]);
  const own = new Set([...a.own, ...b.own]);
  const noun = a.noun.length ? a.noun : b.noun;
  return {
    weights, all, own, noun, byPeriod: a.byPeriod,
    head: noun.length ? noun[noun.length - 1]! : null,
    implied: new Set([...a.implied, ...b.implied]),
    before: new Set([...a.before, ...b.before].filter((t) => !own.has(t))),
    earlier: (t) => a.earlier(t) || b.earlier(t),
  };
}

function checkFigure(ex: Extraction, claim: Claim, index: FactIndex, otherYear: Map<number, FactProfile[]>, paired?: Context): CheckedClaim {
  if (claim.dimension !== 'date' && claim.value === null) return result(claim, 'unsupported', null, [], claim.problem);
  if (claim.dimension === 'date' && isDateline(ex, claim)) return result(claim, 'unsupported', null, [], 'a dateline: the date of the copy, not a claim about a fact');
  const ctx = paired ?? claimContext(ex, claim, index.terms);
  // A date, like a year, is compared with a period: it needs fewer words to find its fact.
  const minScore = claim.dimension === 'date' ? MIN_SCORE_YEAR : MIN_SCORE;
  const { strong, weak } = claim.dimension === 'date' && claim.date?.from.year ? { strong: [], weak: [] } : sentenceYears(ex, claim);
  const months = claim.dimension === 'date' ? [] : clauseMonths(ex, claim);
  const periodFactor = (p: FactProfile) => {
    if ((strong.length > 0 && p.periodYears !== null && !conflicts(p, strong)) || monthsFit(p, months) === true) return PERIOD_BONUS;
    // "Fixed-asset investment: +3.3%" in a review of the year is the year's figure, not January to November's; and
    // "12月6.2%", "Dec. +6.2%" is December's, not the year's.
    if (!months.length) return slicesAYear(p) ? UNNAMED_SLICE : 1;
    return spansYears(p) ? UNNAMED_SLICE : 1;
  };
  let about = aboutCandidates(rankCandidates(index, ctx, (p) => compatible(claim, p), minScore, periodFactor), ctx, minScore);
  // A figure in dollars is about the fact in dollars when there is one: the same fact converted ("... in US dollars",
  // whose title holds the other's words). Any other fact in another currency stays in play ("Lakeville's funds" beside
  // a company's dollars, retail sales in yuan beside exports in dollars), so that the currency does not choose the fact.
  if (claim.dimension === 'money' && claim.unit) {
    const sameUnit = about.filter((c) => c.profile.versions.some((v) => unitMatches(claim.unit!, v.unit)));
    const converted = (c: Candidate) => sameUnit.some((s) => s !== c && c.profile.titleTerms.every((t) => s.profile.titleTerms.includes(t)));
    if (sameUnit.length) about = about.filter((c) => sameUnit.includes(c) || !converted(c));
  }
  const outOfPeriod = (p: FactProfile) => conflicts(p, strong) || monthsFit(p, months) === false;
  let inPeriod = about.filter((c) => !outOfPeriod(c.profile));
  const otherPeriod = about.filter((c) => outOfPeriod(c.profile));
  // A weak year only chooses between facts named about as well: it never overrides the words.
  if (inPeriod.length) {
    const top = inPeriod[0]!.score;
    const close = inPeriod.filter((c) => c.score >= CLOSE_SHARE * top);
    if (close.some((c) => !conflicts(c.profile, weak)) && close.some((c) => conflicts(c.profile, weak))) {
      inPeriod = inPeriod.filter((c) => c.score < CLOSE_SHARE * top || !conflicts(c.profile, weak));
    }
  }
  for (const c of otherPeriod) {
    const e = evaluate(ex, claim, c.profile, index.terms);
    if (e.verdict === 'supported' || e.verdict === 'disputed') {
      const list = otherYear.get(claim.sentence) ?? [];
      list.push(c.profile);
      otherYear.set(claim.sentence, list);
    }
  }
  if (!inPeriod.length) {
    if (otherPeriod.length) {
      const p = otherPeriod[0]!.profile;
      return result(claim, 'unsupported', p.fact, evaluate(ex, claim, p, index.terms).expected, `the facts are about ${p.fact.period}, not ${yearsText(strong)}`);
    }
    return result(claim, 'unsupported', null, [], null);
  }
  const decided = decide(ex, claim, inPeriod, ctx, index);
  // "167 projects worth 17 billion yuan" by the end of 2023: the fact the words name best gives the figure for another
  // year; a weaker fact of the sentence's year does not rule the figure out (the year is what is wrong).
  if (decided.verdict === 'contradicted') {
    // Scores compared without the bonus the sentence's year gave the facts of its period.
    const better = otherPeriod.find((c) => c.score * PERIOD_BONUS >= inPeriod[0]!.score && positive(evaluate(ex, claim, c.profile, index.terms).verdict));
    if (better) return result(claim, 'unsupported', better.profile.fact, evaluate(ex, claim, better.profile, index.terms).expected, `the facts are about ${better.profile.fact.period}, not ${yearsText(strong)}`);
  }
  return decided;
}

function positive(v: Verdict): boolean {
  return v === 'supported' || v === 'disputed';
}

/** The best candidate's verdict, unless an about-as-good candidate would say otherwise. */
function decide(ex: Extraction, claim: Claim, candidates: Candidate[], ctx: Context, index: FactIndex): CheckedClaim {
  const best = candidates[0]!;
  const close = candidates.filter((c) => c.score >= CLOSE_SHARE * best.score).slice(0, 4);
  const evaluations = close.map((c) => ({ c, e: withMentions(ex, claim, c.profile, evaluate(ex, claim, c.profile, index.terms), index.terms) }));
  const first = evaluations[0]!;
  const disagree = evaluations.some((x) => positive(x.e.verdict) !== positive(first.e.verdict));
  // Facts named alike, differing only in their figures (one ferry of 136 seats, one of 18): the figure says which.
  // Not when the sentence names the subject of another close candidate that disagrees ("Medico has pledged 17
  // billion yuan for Lakeville" beside Lakeville's funds): then the figure would be choosing between subjects.
  const tie = evaluations.find((x) => positive(x.e.verdict) && x.c.score >= TIE_SHARE * best.score);
  const otherSubject = tie && evaluations.some((x) => positive(x.e.verdict) !== positive(tie.e.verdict) && x.c.profile.subjectTerms.some((t) => ctx.own.has(t) && !tie.c.profile.subjectWords.includes(t)));
  if (disagree && tie && !otherSubject) return result(claim, tie.e.verdict, tie.c.profile.fact, tie.e.expected, tie.e.note);
  // A figure in a currency no candidate has, equal to one candidate's figure in another: the currency is wrong.
  if (!disagree && first.e.verdict === 'unsupported' && claim.dimension === 'money') {
    const sameNumber = evaluations.find((x) => x.e.verdict === 'contradicted');
    if (sameNumber) return result(claim, 'contradicted', sameNumber.c.profile.fact, sameNumber.e.expected, sameNumber.e.note);
  }
  if (disagree) {
    const names = evaluations.map((x) => x.c.profile.fact.id).join(', ');
    return result(claim, 'unsupported', null, [], `the sentence fits more than one fact (${names})`);
  }
  if (first.e.verdict === 'contradicted' && !namedInSentence(index, best, ctx)) {
    return result(claim, 'unsupported', null, [], `the sentence does not name ${best.profile.fact.id} well enough to rule the figure out`);
  }
  return result(claim, first.e.verdict, best.profile.fact, first.e.expected, first.e.note);
}

/** Numbers a fact's own text names ("the top 100") confirm the same number beside the same word. */
function withMentions(ex: Extraction, claim: Claim, p: FactProfile, e: Evaluation, terms: Terms): Evaluation {
  if (e.verdict === 'supported' || e.verdict === 'disputed' || claim.value === null) return e;
  const mentions = mentionsOf(p, terms);
  if (!mentions.length) return e;
  const near = neighbourTerms(ex, claim, terms);
  // Percentage points are not the percentage the fact's text names (10.6个百分点 for "fell 10.6 percent").
  const beside = mentions.filter((m) => m.dimension === claim.dimension && (m.dimension !== 'percent' || m.unit === claim.unit) && m.neighbours.some((t) => near.includes(t)));
  if (!beside.length) return e;
  if (beside.some((m) => Math.abs(m.value - claim.value!) <= 1e-9 * Math.abs(m.value))) {
    return { verdict: 'supported', expected: [], note: 'named in the fact\'s text' };
  }
  // The figure stands where the fact's text has another number: it may be that number, not the fact's figure.
  return { verdict: 'unsupported', expected: e.expected, note: `the fact's text has ${beside.map((m) => m.value).join(', ')} there` };
}

function unitMatches(claimUnit: string, factUnit: string | null): boolean {
  return factUnit !== null && claimUnit.split('|').includes(factUnit);
}

function evaluate(ex: Extraction, claim: Claim, p: FactProfile, terms: Terms): Evaluation {
  if (claim.dimension === 'date') return evaluateDate(ex, claim, p, terms);
  const expected = p.versions.map((v) => expectedOfVersion(v, compareVersion(claim, v), p.growth));
  const verdict = aggregate(expected.map((x) => x.outcome));
  // A growth rate rules out a bare percentage only when the claim says it is a change too.
  if (verdict === 'contradicted' && p.growth && claim.dimension === 'percent' && claim.change === null) return { verdict: 'unsupported', expected, note: null };
  return { verdict, expected, note: null };
}

function aggregate(outcomes: Outcome[]): Verdict {
  if (!outcomes.length) return 'unsupported';
  if (outcomes.every((o) => o === 'supported')) return 'supported';
  if (outcomes.some((o) => o === 'supported')) return 'disputed';
  if (outcomes.every((o) => o === 'contradicted')) return 'contradicted';
  return 'unsupported';
}

function compareVersion(claim: Claim, v: FigureVersion): Outcome {
  if (claim.value === null) return 'unsupported';
  // Another currency cannot be compared without an exchange rate; only the fact's own number in it is surely wrong.
  if (claim.dimension === 'money' && claim.unit && !unitMatches(claim.unit, v.unit)) return Math.abs(claim.value - v.value) <= 1e-9 * Math.abs(v.value) ? 'contradicted' : 'unsupported';
  // Percentage points for a percentage (or the reverse) is a wrong figure.
  if (claim.dimension === 'percent' && claim.unit !== v.unit && !(claim.unit === 'percent' && v.unit === null)) return 'contradicted';
  // "10–50%" where the fact keeps a range's top ("at most 50", displayed "10-50%"): the range its display writes.
  if (claim.high !== null && displayRanges(v).some((r) => same(r[0], claim.value!) && same(r[1], claim.high!))) return 'supported';
  let amount: Amount = { value: claim.value, high: claim.high, bound: claim.bound, place: claim.place, sigPlace: claim.sigPlace, digits: claim.digits };
  // "Exports: 3.6" under a fact written in trillions: the draft leaves the scale to the reader.
  if (claim.scale === 1 && claim.unit === null && v.scale > 1 && Math.abs(claim.value) < 1000) {
    const s = v.scale;
    amount = { ...amount, value: claim.value * s, high: claim.high === null ? null : claim.high * s, place: claim.place * s, sigPlace: claim.sigPlace * s };
  }
  if (claim.dimension === 'percent' && claim.change === 'down' && amount.value > 0) {
    amount = { ...amount, value: -amount.value, high: amount.high === null ? null : -amount.high };
  }
  return compareAmounts(amount, v);
}

function expectedOfVersion(v: FigureVersion, outcome: Outcome, growth = false): Expected {
  return { value: v.value, unit: v.unit, bound: v.bound, display: v.display, period: null, scale: v.scale, place: v.place, growth, sources: v.sources, outcome };
}

/** A fact's period as the figure a year or a date is compared with. */
function periodExpected(p: FactProfile, outcome: Outcome): Expected {
  return {
    value: null, unit: null, bound: null, display: null, period: p.fact.period ?? null, scale: 1, place: 1, growth: false,
    sources: [...new Set(p.fact.sources.map((c) => c.source))], outcome,
  };
}

function endpointOf(ex: Extraction, claim: Claim): Endpoint {
  const sentence = ex.sentences[claim.sentence]!;
  for (let k = claim.tokenStart - 1; k >= sentence.tokenStart && k >= claim.tokenStart - 8; k--) {
    const w = ex.tokens[k]!.lower;
    if (START_WORDS.test(w) || (w === 'first' && ex.tokens[k + 1]?.lower === 'day')) return 'start';
    if (END_WORDS.test(w)) return 'end';
  }
  return null;
}

function evaluateDate(ex: Extraction, claim: Claim, p: FactProfile, terms: Terms): Evaluation {
  const period = p.period!;
  const span = claimSpan(claim.date!, p.periodYears![0]);
  let outcome = compareDates(span, claim.date!.to === null, period, endpointOf(ex, claim));
  // Sentences hold many dates (a byline, "reported on December 30"): a date rules an event's dates out only when the
  // sentence names the event and says it happened then ("was held", "opened", "runs").
  if (outcome === 'contradicted' && !(namesSubject(ex, claim, p, terms) && eventVerb(ex, claim))) outcome = 'unsupported';
  return { verdict: outcome, expected: [periodExpected(p, outcome)], note: null };
}

function namesSubject(ex: Extraction, claim: Claim, p: FactProfile, terms: Terms): boolean {
  if (!p.subjectWords.length) return true;
  const ctx = claimContext(ex, claim, terms);
  return p.subjectWords.every((t) => ctx.all.has(t));
}

const EVENT_VERBS = /^(held|hold|holds|ran|run|runs|running|convened|staged|opened|opens|open|closed|closes|close|concluded|concludes|conclude|began|begins|begin|started|starts|start|ended|ends|end|kicked|kicks|launched|unveiled|announced)$/;

function eventVerb(ex: Extraction, claim: Claim): boolean {
  const sentence = ex.sentences[claim.sentence]!;
  for (let k = Math.max(sentence.tokenStart, claim.tokenStart - 10); k < Math.min(sentence.tokenEnd, claim.tokenEnd + 4); k++) {
    if (EVENT_VERBS.test(ex.tokens[k]!.lower)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Years

function checkYear(ex: Extraction, claim: Claim, index: FactIndex, otherYear: FactProfile[], figures: CheckedClaim[]): CheckedClaim {
  const y0 = claim.value!;
  const y1 = claim.high ?? y0;
  // A year dates the figure of its own clause ("48.8 trillion yuan in 2024", "up 8.3 percent on 2023"): that figure's fact comes first.
  const clause = ex.tokens[claim.tokenStart]!.clause;
  const nearest = figures
    .filter((r) => r.claim.dimension !== 'year' && ex.tokens[r.claim.tokenStart]!.clause === clause)
    .sort((a, b) => gap(a.claim, claim) - gap(b.claim, claim))[0];
  const dated = nearest && nearest.fact !== null && nearest.verdict !== 'unsupported' ? nearest : undefined;
  const datedOrdinal = dated ? index.ordinalOf(dated.fact!.id) : undefined;
  const datedProfile = datedOrdinal === undefined ? undefined : index.profile(datedOrdinal);
  if (datedProfile && (datedProfile.periodYears || datedProfile.dimension === 'year')) {
    const e = evaluateYear(ex, claim, datedProfile, y0, y1);
    if (e.verdict === 'supported') return result(claim, 'supported', datedProfile.fact, e.expected, null);
  }
  const ctx = claimContext(ex, claim, index.terms);
  const about = aboutCandidates(rankCandidates(index, ctx, (p) => compatible(claim, p), MIN_SCORE_YEAR), ctx, MIN_SCORE_YEAR, true);
  const best = about[0];
  if (best) {
    // The best-named fact, or one named just as well, may confirm the year.
    const tied = about.filter((c) => c.score >= TIE_SHARE * best.score).slice(0, 6);
    const judged = tied.map((c) => ({ c, e: evaluateYear(ex, claim, c.profile, y0, y1) }));
    const support = judged.find((x) => x.e.verdict === 'supported');
    if (support) return result(claim, 'supported', support.c.profile.fact, support.e.expected, null);
    // A founding year or any year that is the fact's own figure is wrong when it differs, if the sentence says what
    // the year is of ("founded in", "since"): the fact's own words, beyond its subject, stand next to the year.
    const first = judged[0]!;
    const own = best.profile.titleTerms.filter((t) => !best.profile.subjectWords.includes(t));
    const named = own.some((t) => (ctx.weights.get(t) ?? 0) >= NEXT_TO);
    if (best.profile.dimension === 'year' && first.e.verdict === 'contradicted' && named) return result(claim, 'contradicted', best.profile.fact, first.e.expected, null);
  }
  // The sentence's other figures match a fact of another year: this year is the wrong one.
  const witness = otherYear.find((p) => p.periodYears && !(y0 <= p.periodYears[1] && y1 >= p.periodYears[0]));
  if (witness) {
    const e = evaluateYear(ex, claim, witness, y0, y1);
    return result(claim, 'contradicted', witness.fact, e.expected, 'the sentence\'s figures are those of another year');
  }
  return result(claim, 'unsupported', null, [], null);
}

/** How far a figure stands from a year, in characters; a figure after the year counts double ("29,700 enterprises in 2023 and 8 funds"). */
function gap(figure: Claim, year: Claim): number {
  return figure.end <= year.start ? year.start - figure.end : 2 * (figure.start - year.end);
}

function evaluateYear(ex: Extraction, claim: Claim, p: FactProfile, y0: number, y1: number): Evaluation {
  if (p.dimension === 'year') {
    const expected = p.versions.map((v) => {
      const outcome = compareAmounts({ value: y0, high: y1 === y0 ? null : y1, bound: 'exact', place: 1, sigPlace: 1, digits: 4 }, v);
      return expectedOfVersion(v, outcome);
    });
    return { verdict: aggregate(expected.map((x) => x.outcome)), expected, note: null };
  }
  // The base year of a year-on-year rate: "up 8.3 percent on 2023" for growth in 2024.
  const shift = p.growth && isBaseYear(ex, claim) ? 1 : 0;
  const outcome = compareYears([y0 + shift, y1 + shift], p.periodYears!);
  return { verdict: outcome, expected: [periodExpected(p, outcome)], note: null };
}
