/**
 * What a claim's draft says around it: the words of its sentence, weighed by
 * their nearness to the figure, with what its clause, the sentence before, the
 * headings above, a table's header, a lead-in line, a question or a label add.
 */
import { HAN } from '../../search/han.js';
import { DATE, GROWTH, PLAIN_TERMS, Terms } from './terms.js';
import type { Claim } from '../claims/claim.js';
import type { Extraction } from '../claims/extract.js';
import { cellAt, firstWhere, type Token } from '../draft/tokens.js';

// ---------------------------------------------------------------------------
// Words

const CURRENCY_WORDS: Record<string, string> = { CNY: 'yuan renminbi', USD: 'dollars', EUR: 'euros', GBP: 'pounds', JPY: 'yen', HKD: 'dollars', INR: 'rupees' };

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
    // Capitals are kept where they tell a name from a word ("US", "us"): termOf reads them.
    const lower = words.map((w) => (/^[A-Z]{2,4}$/.test(w.tok.text) && ex.tokens[w.index + 1]?.kind !== 'num' ? w.tok.text : gluedWord(ex.tokens, w.index)));
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

/** What the words of the question an answer follows weigh. */
const QUESTION_WEIGHT = 0.6;

/** A header cell says what every cell of its column is: its words count as the figure's own. */
const HEADER_WEIGHT = 1;

/**
 * Tokens on each side of a claim that its context reads: a word farther away weighs under a tenth of a word beside
 * the figure, and a bound keeps a sentence of thousands of figures linear.
 */
export const CONTEXT_TOKENS = 64;

/**
 * The terms of what a claim counts. In Chinese the word after the measure word is it, read with the word after
 * it where the two make one word of the vocabulary ("吞吐|量"); the second is otherwise what the thing does.
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
  // "2024年港口吞吐量13.1亿吨，比上年增长4.9%", "output reached 5.6 trillion, up 5% from a year earlier": a
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
    // "9920万美元": the unit written in Chinese is the claim's unit, which the figure's currency already says; as a word
    // it would count twice.
    if (tok.start >= claim.start && tok.end <= claim.end && HAN.test(tok.text)) continue;
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
          // The counted noun of a figure opening the sentence ("The city's eight municipal investment funds, with a
          // combined 100 billion yuan") is the sentence's subject, which every figure of it shares.
          (tok.start >= o.start && tok.end <= o.end && !(k >= o.tokenEnd && o.end <= claim.start && ex.tokens[o.tokenStart]!.clause === firstClause && claimClause !== firstClause)) ||
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
    const lead = leadIn(ex, claim.sentence);
    if (lead !== null) addSentence(lead, PREVIOUS_SENTENCE_WEIGHT, true);
    else {
      // An answer is about what its question asks, as a figure is about its sentence's subject.
      const question = questionBefore(ex, claim.sentence);
      if (question !== null) addSentence(question, QUESTION_WEIGHT, true);
    }
  }
  const onlyBefore = new Set([...all].filter((t) => !own.has(t)));
  const earlier = (t: string) => all.has(t) || (draft.first.get(t) ?? Infinity) < sentence.tokenStart;
  return { weights, all, own: ownSentence, byPeriod: claim.dimension === 'year' || claim.dimension === 'date', noun, head: noun.length ? noun[noun.length - 1]! : null, implied, before: onlyBefore, earlier };
}
