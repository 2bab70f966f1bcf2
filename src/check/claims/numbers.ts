/**
 * The words and signs of numbers: number words, scales, currencies, units,
 * months and quarters, qualifiers, words of rise and fall, and how one
 * numeral ("1,234.5", "3,6", "1e3") reads. Used by claims (extract.ts) and,
 * for months and quarters, by the verdicts (check.ts).
 */
import type { ClaimBound } from './claim.js';
import type { Token } from '../draft/tokens.js';
// ---------------------------------------------------------------------------
// Number vocabulary

export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
export const WORD_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
export const DIGIT_WORDS: Record<string, number> = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
};
export const FRACTIONS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};
/** Scales written after a figure, spaced or glued ("3.6 trillion", "3.6tn"). */
export const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, billions: 1e9, bn: 1e9, bln: 1e9, trillion: 1e12, trillions: 1e12, tn: 1e12, trn: 1e12,
};
/** Scales glued to a figure only: "10k", "$5m", "2.5b". */
export const GLUED_SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
/** Words after "10m" that make it metres: "10m tall", "a 5m-high wall", "2m away". */
export const MEASURE_AFTER = /^(tall|high|long|wide|deep|away|above|below|high|across|thick|deep|under|underground|radius|diameter|depth|height|length|width|square|sq|metres|meters|run|sprint|race|hurdles|freestyle|dash)$/;

export const CURRENCY_CODES: Record<string, string> = {
  rmb: 'CNY', cny: 'CNY', usd: 'USD', eur: 'EUR', gbp: 'GBP', jpy: 'JPY', hkd: 'HKD', inr: 'INR', krw: 'KRW', chf: 'CHF', aud: 'AUD', cad: 'CAD', sgd: 'SGD',
};
export const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY|CNY', '₹': 'INR', '₩': 'KRW' };
/** "US$", "HK$": the letters glued before a dollar sign. */
export const DOLLAR_PREFIXES: Record<string, string> = { us: 'USD', hk: 'HKD', a: 'AUD', au: 'AUD', c: 'CAD', ca: 'CAD', s: 'SGD', nz: 'NZD' };

/** Unit words after a figure, longest first: token texts (lower case) and the unit they name. */
export const UNIT_PHRASES: Array<[string[], string]> = [
  [['percentage', 'points'], 'percentage-point'],
  [['percentage', 'point'], 'percentage-point'],
  [['basis', 'points'], 'basis-point'],
  [['basis', 'point'], 'basis-point'],
  [['per', 'cent'], 'percent'],
  [['percent'], 'percent'],
  [['pct'], 'percent'],
  [['%'], 'percent'],
  [['pp'], 'percentage-point'],
  [['ppt'], 'percentage-point'],
  [['bps'], 'basis-point'],
  [['u', '.', 's', '.', 'dollars'], 'USD'],
  [['u', '.', 's', '.', 'dollar'], 'USD'],
  [['us', 'dollars'], 'USD'],
  [['us', 'dollar'], 'USD'],
  [['american', 'dollars'], 'USD'],
  [['hong', 'kong', 'dollars'], 'HKD'],
  [['singapore', 'dollars'], 'SGD'],
  [['australian', 'dollars'], 'AUD'],
  [['canadian', 'dollars'], 'CAD'],
  [['dollars'], 'USD'],
  [['dollar'], 'USD'],
  [['chinese', 'yuan'], 'CNY'],
  [['yuan'], 'CNY'],
  [['renminbi'], 'CNY'],
  [['euros'], 'EUR'],
  [['euro'], 'EUR'],
  [['pounds', 'sterling'], 'GBP'],
  [['yen'], 'JPY'],
  [['rupees'], 'INR'],
  [['swiss', 'francs'], 'CHF'],
];

export const QUALIFIERS: Array<[string[], ClaimBound]> = [
  [['in', 'excess', 'of'], 'more-than'],
  [['no', 'more', 'than'], 'at-most'],
  [['not', 'more', 'than'], 'at-most'],
  [['no', 'less', 'than'], 'at-least'],
  [['not', 'less', 'than'], 'at-least'],
  [['no', 'fewer', 'than'], 'at-least'],
  [['not', 'fewer', 'than'], 'at-least'],
  [['a', 'minimum', 'of'], 'at-least'],
  [['a', 'maximum', 'of'], 'at-most'],
  [['as', 'many', 'as'], 'at-most'],
  [['as', 'much', 'as'], 'at-most'],
  [['as', 'high', 'as'], 'at-most'],
  [['as', 'low', 'as'], 'at-least'],
  [['just', 'shy', 'of'], 'nearly'],
  [['more', 'than'], 'more-than'],
  [['upwards', 'of'], 'more-than'],
  [['well', 'over'], 'more-than'],
  [['just', 'over'], 'more-than'],
  [['well', 'above'], 'more-than'],
  [['just', 'above'], 'more-than'],
  [['at', 'least'], 'at-least'],
  [['at', 'most'], 'at-most'],
  [['up', 'to'], 'at-most'],
  [['less', 'than'], 'less-than'],
  [['fewer', 'than'], 'less-than'],
  [['just', 'under'], 'nearly'],
  [['close', 'to'], 'nearly'],
  [['an', 'estimated'], 'about'],
  [['over'], 'more-than'],
  [['above'], 'more-than'],
  [['exceeding'], 'more-than'],
  [['exceeds'], 'more-than'],
  [['exceeded'], 'more-than'],
  [['surpassing'], 'more-than'],
  [['surpassed'], 'more-than'],
  [['topping'], 'more-than'],
  [['topped'], 'more-than'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['approx'], 'about'],
  [['roughly'], 'about'],
  [['some'], 'about'],
  [['circa'], 'about'],
  [['estimated'], 'about'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
  [['under'], 'less-than'],
  [['below'], 'less-than'],
];
/** Verbs that put a figure's value above it, even across "the" ("exceeded the 100 mark"). */
export const VERB_QUALIFIERS = new Set(['exceeding', 'exceeds', 'exceeded', 'surpassing', 'surpassed', 'surpasses', 'topping', 'topped', 'tops', 'passed', 'crossed']);
export const SYMBOL_QUALIFIERS: Record<string, ClaimBound> = { '~': 'about', '≈': 'about', '∼': 'about', '>': 'more-than', '≥': 'at-least', '<': 'less-than', '≤': 'at-most' };
export const DURATIONS = /^(years?|months?|weeks?|days?|decades?|quarters?)$/;
/** Qualifiers that before a year are prepositions of time ("over 2024", "below 2020 levels"). */
export const TIME_PREPOSITIONS = new Set(['over', 'under', 'above', 'below', 'some', 'around', 'about', 'estimated']);

/** "mid-2024", "end-2024": words joined to a year by a hyphen. */
export const YEAR_PREFIXES = /^(mid|early|late|pre|post|end|start|year)$/;

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** The month a capitalised word names ("December", "Dec"), or undefined; "May" only where it cannot be the verb. */
export function monthOf(tokens: readonly Token[], k: number): number | undefined {
  const tok = tokens[k]!;
  if (tok.kind !== 'word' || !/^\p{Lu}/u.test(tok.text)) return undefined;
  if (tok.lower === 'may' && !(tokens[k - 1]?.lower === 'in' || tokens[k + 1]?.kind === 'num')) return undefined;
  return MONTHS[tok.lower];
}

/** Ordinal words of the quarters of a year. */
export const QUARTER_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 };

/**
 * The months a quarter named at token k covers: "third quarter", "third-quarter", "Q3" give [7, 8, 9]; undefined when
 * no quarter is named there.
 */
export function quarterMonthsAt(tokens: readonly Token[], k: number): number[] | undefined {
  const tok = tokens[k]!;
  let q: number | undefined;
  const next = tokens[k + 1]?.text === '-' ? tokens[k + 2] : tokens[k + 1];
  if (QUARTER_ORDINALS[tok.lower] !== undefined && next?.lower === 'quarter') q = QUARTER_ORDINALS[tok.lower];
  else if (tok.lower === 'q' && tokens[k + 1]?.kind === 'num' && !tokens[k + 1]!.space && /^[1-4]$/.test(tokens[k + 1]!.text)) q = Number(tokens[k + 1]!.text);
  return q === undefined ? undefined : [3 * q - 2, 3 * q - 1, 3 * q];
}

/** Words before a four-digit number that make it a year. */
export const YEAR_CUES = new Set([
  'in', 'since', 'by', 'from', 'until', 'till', 'to', 'before', 'after', 'during', 'of', 'through', 'throughout', 'between', 'and', 'or', 'early', 'late', 'mid', 'the', 'this', 'that', 'last', 'next',
  'fiscal', 'fy', 'circa', 'year', 'end', 'for', 'at', 'on', 'as', 'its', 'their', 'pre', 'post',
]);

export const HOURS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']);
export const MINUTES = new Set(['oh', 'five', 'ten', 'fifteen', 'twenty', 'thirty', 'forty', 'forty-five', 'fifty']);

/** The note of a year in a citation. */
export const CITATION_YEAR = 'a citation\'s year (when a source was published), not a claim about a fact';

/** Words that end the counted noun after a figure. */
export const NOUN_STOP = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'within', 'without', 'into', 'onto', 'over', 'under', 'about', 'between', 'among', 'through', 'during', 'before',
  'after', 'since', 'until', 'as', 'than', 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'while', 'because', 'although',
  'though', 'this', 'these', 'those', 'it', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'will', 'would', 'shall', 'should',
  'can', 'could', 'may', 'might', 'must', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no', 'also', 'said', 'says', 'say', 'according', 'reached', 'reach', 'reaches', 'totaled',
  'totalled', 'hit', 'hits', 'stood', 'stands', 'rose', 'fell', 'grew', 'up', 'down', 'per', 'each', 'every', 'more', 'less', 'most', 'least', 'further', 'or', 'plus', 'like', 'such',
  'there', 'here', 'then', 'now', 'year-on-year', 'yoy', 'respectively', 'last', 'next', 'ago', 'earlier', 'later', 'annually', 'vs', 'versus',
]);
export const UP_WORDS = new Set([
  'up', 'rose', 'rise', 'rises', 'rising', 'risen', 'grew', 'grow', 'grows', 'growing', 'grown', 'growth', 'increase', 'increased', 'increases', 'increasing', 'jump', 'jumped', 'jumps',
  'climb', 'climbed', 'climbs', 'gain', 'gained', 'gains', 'expand', 'expanded', 'expands', 'expansion', 'surge', 'surged', 'soar', 'soared', 'higher', 'boost', 'boosted', 'accelerated', 'hike',
]);
export const DOWN_WORDS = new Set([
  'down', 'fell', 'fall', 'falls', 'falling', 'fallen', 'decline', 'declined', 'declines', 'declining', 'decrease', 'decreased', 'decreases', 'drop', 'dropped', 'drops', 'dip', 'dipped',
  'shrank', 'shrink', 'shrinks', 'shrunk', 'contract', 'contracted', 'contraction', 'slump', 'slumped', 'slid', 'lower', 'plunged', 'plunge', 'tumbled',
]);
export const PHRASAL_UP = /^(make|makes|made|making|take|takes|took|taking|took|set|sets|end|ends|ended|add|adds|added|sum|sums|summed|pick|picked|draw|drew|drawn|divide|divided|split|break|broke|broken)$/;
export const NOT_CLAIM_AFTER_ONE = new Set(['of', 'another', 'by', 'or', 'another', 'day', 'hand', 'off', 'stop', 'on']);
export const NOT_CLAIM_BEFORE_ONE = new Set(['no', 'the', 'this', 'that', 'any', 'every', 'each', 'which', 'anyone', 'someone', 'everyone']);

// ---------------------------------------------------------------------------
// Reading one numeral

export interface Numeral {
  value: number | null;
  place: number;
  sigPlace: number;
  digits: number;
  /** Digits only, no separators, no decimals: "2025". */
  plainInteger: boolean;
  problem: string | null;
  /** Not a number at all: a version "1.2.3". */
  skip: boolean;
}

export function exp10(n: number): number {
  return Number(`1e${n}`);
}

export function significant(intDigits: string, decimals: string): { digits: number; sigPlace: number } {
  const all = (intDigits + decimals).replace(/^0+/, '');
  const digits = Math.max(1, all.length);
  if (decimals.length > 0) return { digits, sigPlace: exp10(-decimals.length) };
  const trailing = /0*$/.exec(intDigits)![0].length;
  return { digits, sigPlace: trailing === intDigits.length ? 1 : exp10(trailing) };
}

export function readNumeral(raw: string): Numeral {
  const text = raw.replace(/\u00a0/g, ' ');
  const none = (problem: string): Numeral => ({ value: null, place: 1, sigPlace: 1, digits: 1, plainInteger: false, problem, skip: false });
  let m = /^(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(text);
  if (m) {
    const e = Number(m[3]);
    const decimals = m[2] ?? '';
    const sig = significant(m[1]!, decimals);
    return { value: Number(text), place: exp10(e - decimals.length), sigPlace: sig.sigPlace * exp10(e), digits: sig.digits, plainInteger: false, problem: null, skip: false };
  }
  // "1.000" and "29.700" are thousands in much of Europe: three decimals after a leading non-zero group are not read.
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(text)) return none(`"${raw}" reads two ways (a point for thousands?); write 1,000 or 1.0`);
  m = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (m) {
    const int = m[1]!.replace(/[, ]/g, '');
    const decimals = m[2] ?? '';
    const sig = significant(int, decimals);
    return {
      value: Number(decimals ? `${int}.${decimals}` : int),
      place: exp10(-decimals.length),
      sigPlace: sig.sigPlace,
      digits: sig.digits,
      plainInteger: m[1] === int && !decimals,
      problem: null,
      skip: false,
    };
  }
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text) || /^\d{1,3}(?:\.\d{3})*,\d+$/.test(text)) {
    return none(`"${raw}" reads two ways (points for thousands and a decimal comma?); zgc reads only 1,234.5`);
  }
  if (/^\d+(?:\.\d+){2,}$/.test(text)) return { ...none('a version number'), skip: true };
  return none(`"${raw}" reads two ways: commas and spaces in a number must group thousands`);
}


/** Whether words say a change: a word of rise or fall, or "y/y", "yoy", "year on year". */
export function changeIn(tokens: Token[]): 'up' | 'down' | null {
  const words = tokens.map((t) => t.lower).join(' ');
  if (tokens.some((t) => DOWN_WORDS.has(t.lower))) return 'down';
  if (tokens.some((t) => UP_WORDS.has(t.lower)) || /\b(y \/ y|yoy|year on year|year - on - year|q \/ q|qoq|change)\b/.test(words)) return 'up';
  return null;
}

