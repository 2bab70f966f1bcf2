/**
 * The words zgc check matches on: a text's words as terms (stemmed, with
 * synonyms folded and words that say nothing dropped), and each fact's terms
 * with the weight of the field they come from.
 *
 * What these functions return is kept in the cache (word-index.ts): the build
 * id must cover this file, so that a change here never meets terms cached by
 * the code before it.
 */
import type { Fact } from '../facts/types.js';
import { normalizeText } from '../search/normalize.js';

const STOPWORDS = new Set(
  (
    'a an the of in on at to for from by with within without into onto over under about between among through during before after since until as than and or but nor so yet if ' +
    'that which who whom whose what when where while because although though this these those it its their his her our your my is are was were be been being am will would shall should ' +
    'can could may might must has have had do does did not no also said says say according per cent percent percentage point points total number numbers amount some such there here ' +
    'then now more most less least very just only each every other another all both any many much few several same own out up down off again further once ' +
    'he she they them we us you i me him one two three four five six seven eight nine ten eleven twelve dozen hundred thousand million billion trillion first second third ' +
    'bn mn tn k m b s t how year-on-year yoy approximately around nearly almost roughly above below vs versus'
  ).split(' '),
);

/** Words that mean the same thing for matching, the first of each group standing for all. */
const SYNONYM_GROUPS: string[][] = [
  ['spend', 'spending', 'spent', 'expenditure', 'expenditures', 'outlay', 'outlays'],
  ['r&d', 'rnd'],
  ['zgc', 'zhongguancun'],
  ['guest', 'guests', 'attendee', 'attendees', 'participant', 'participants', 'delegate', 'delegates', 'visitor', 'visitors'],
  ['organization', 'organizations', 'organisation', 'organisations'],
  ['robot', 'robots', 'robotic', 'robotics'],
  ['enterprise', 'enterprises', 'company', 'companies', 'firm', 'firms', 'business', 'businesses'],
  ['country', 'countries', 'nation', 'nations'],
  ['tech', 'technology', 'technologies', 'technological'],
  ['establish', 'established', 'establishment', 'founded', 'founding', 'launched'],
  ['growth', 'grow', 'grew', 'grown', 'growing', 'increase', 'increased', 'increases', 'rise', 'rose', 'risen', 'rising'],
  ['rank', 'ranked', 'ranking', 'rankings', 'ranks', 'position', 'place'],
  ['invest', 'invested', 'investing', 'investment', 'investments', 'investor', 'investors'],
  ['agreement', 'agreements', 'deal', 'deals', 'accord'],
  ['sme', 'smes'],
  ['manufacture', 'manufacturing', 'manufacturer', 'manufacturers', 'manufactured'],
  ['worker', 'workers', 'professional', 'professionals', 'employee', 'employees'],
  ['qubit', 'qubits', 'quantum-bit'],
  ['event', 'events', 'activity', 'activities'],
  ['held', 'hold', 'holds', 'holding', 'ran', 'run', 'runs', 'running', 'convened', 'staged'],
  ['session', 'sessions', 'sub-forum', 'sub-forums'],
  ['application', 'applications', 'filing', 'filings'],
  ['year', 'years', 'yr', 'yrs'],
];

/** Words ending in s that are no plurals: "news" is not "new". */
const NOT_PLURAL = new Set(['news', 'series', 'species', 'means', 'headquarters', 'whereas', 'across', 'perhaps', 'always', 'lens', 'gas', 'canvas', 'chaos', 'alias', 'status', 'campus', 'census']);

function baseStem(word: string): string {
  if (NOT_PLURAL.has(word)) return word;
  let w = word.replace(/'s$/, '').replace(/'$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|ics)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export const ESTABLISH = baseStem('establish');
export const GROWTH = baseStem('growth');
export const DATE = baseStem('date');
export const QUBIT = baseStem('qubit');
const SYNONYMS = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const canonical = baseStem(group[0]!);
  for (const w of group) SYNONYMS.set(baseStem(w), canonical);
}

/** The matching form of one lower-case word, or null for a word that says nothing. */
export function termOf(lower: string): string | null {
  if (STOPWORDS.has(lower) || /^\d/.test(lower) || lower.length < 2) return null;
  const stem = baseStem(lower);
  if (STOPWORDS.has(stem)) return null;
  return SYNONYMS.get(stem) ?? stem;
}

/** Terms of a text (a fact's title, alias, statement), with "research and development" read as R&D. */
export function termsOfText(text: string): string[] {
  const words = normalizeText(text).split(' ').filter((w) => w && !/^\d/.test(w));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'research' && words[i + 1] === 'and' && words[i + 2] === 'development') {
      out.push('r&d', 'research', 'development');
      i += 2;
      continue;
    }
    if (words[i] === 'first' && /^(held|hosted|staged|convened)$/.test(words[i + 1] ?? '')) {
      out.push(ESTABLISH);
      i += 1;
      continue;
    }
    if (words[i] === 'quantum' && /^bits?$/.test(words[i + 1] ?? '')) out.push(QUBIT);
    if (words[i] === 'patent' && words[i + 1] === 'cooperation' && words[i + 2] === 'treaty') out.push('pct');
    const t = termOf(words[i]!);
    if (t) out.push(t);
  }
  return out;
}


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
export function factTerms(fact: Fact, termsOf: (text: string) => readonly string[] = termsOfText): Map<string, number> {
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
