/**
 * Figures written in words: cardinals ("twenty-five", "three million"),
 * ordinals, fractions and ratios ("two-thirds", "one in five"), years said as
 * words ("twenty twenty-four"), and the number words that count nothing ("one
 * of", "a second", "two-wheelers", "seven thirty").
 */
import { DIGIT_WORDS, DURATIONS, FRACTIONS, HOURS, MINUTES, NOT_CLAIM_AFTER_ONE, NOT_CLAIM_BEFORE_ONE, NOUN_STOP, ORDINALS, TENS, UNITS, WORD_SCALES, significant } from './numbers.js';
import { EOF, type ClaimReader } from './reader.js';
import type { Figure } from './figures.js';
import { yearAt } from './dates.js';

/** A figure written in words: "eight", "twenty-five", "a dozen", "three million", "one-quarter", "third". */
export function wordFigure(r: ClaimReader, i: number): Figure | null {
  const tok = r.t(i);
  const w = tok.lower;
  const base = (value: number, next: number, extra: Partial<Figure> = {}): Figure => ({
    value, place: 1, sigPlace: 1, digits: 1, plainInteger: false, problem: null, next, ordinal: false, fraction: false, approximate: false, scaled: false, scaleFactor: 1, ...extra,
  });
  // "a dozen", "a hundred", "a million", "a quarter of", "a third of"
  if (w === 'a' || w === 'an') {
    const n = r.t(i + 1);
    if (n.lower === 'dozen') return base(12, i + 2, { approximate: true });
    // "a hundred and twenty-eight", "a thousand and six": exact, the article standing for one.
    const multiple = n.lower === 'hundred' ? 100 : WORD_SCALES[n.lower];
    if (multiple !== undefined && r.t(i + 2).lower === 'and' && (UNITS[r.t(i + 3).lower] !== undefined || TENS[r.t(i + 3).lower] !== undefined)) {
      const tail = wordFigure(r, i + 3);
      if (tail && tail.value !== null && tail.value < multiple && !tail.scaled && !tail.ordinal && !tail.fraction) {
        const value = multiple + tail.value;
        return base(value, tail.next, { digits: String(value).length, plainInteger: false });
      }
    }
    // "a hundred billion yuan": the article is one, and the scale word after it scales it.
    if (n.lower === 'hundred' && WORD_SCALES[r.t(i + 2).lower] !== undefined) {
      const s = WORD_SCALES[r.t(i + 2).lower]!;
      return base(100 * s, i + 3, { place: 100 * s, sigPlace: 100 * s, scaled: true, scaleFactor: s });
    }
    if (n.lower === 'hundred') return base(100, i + 2, { approximate: true, sigPlace: 100 });
    if (WORD_SCALES[n.lower] !== undefined) return base(WORD_SCALES[n.lower]!, i + 2, { approximate: true, place: WORD_SCALES[n.lower]!, sigPlace: WORD_SCALES[n.lower]!, scaled: true, scaleFactor: WORD_SCALES[n.lower]! });
    if (FRACTIONS[n.lower] !== undefined && !n.lower.endsWith('s') && r.t(i + 2).lower === 'of') {
      return base(100 / FRACTIONS[n.lower]!, i + 2, { fraction: true, place: 0.1, sigPlace: 0.1 });
    }
    return null;
  }
  if (w === 'half' && r.t(i + 1).lower === 'of') return base(50, i + 1, { fraction: true, place: 0.1, sigPlace: 0.1 });
  if (w === 'half' && r.t(i + 1).lower === 'a' && WORD_SCALES[r.t(i + 2).lower] !== undefined) {
    const s = WORD_SCALES[r.t(i + 2).lower]!;
    return base(s / 2, i + 3, { approximate: true, place: s / 10, sigPlace: s / 10, scaled: true, scaleFactor: s });
  }
  if (ORDINALS[w] !== undefined && UNITS[w] === undefined) {
    if (notOrdinal(r, i)) return null;
    return base(ORDINALS[w]!, i + 1, { ordinal: true });
  }
  if (UNITS[w] === undefined && TENS[w] === undefined) return null;
  // A year said as words: "twenty twenty-four", "twenty nineteen", "nineteen ninety-eight", "twenty twenty".
  if ((w === 'twenty' || w === 'nineteen') && !(r.t(i + 1).text === '-' && r.glued(i + 1))) {
    const n = r.t(i + 1).lower;
    let tail: number | null = null;
    let end = i + 2;
    if (TENS[n] !== undefined) {
      tail = TENS[n]!;
      if (r.t(i + 2).text === '-' && r.glued(i + 2) && r.glued(i + 3) && UNITS[r.t(i + 3).lower] !== undefined && UNITS[r.t(i + 3).lower]! < 10) {
        tail += UNITS[r.t(i + 3).lower]!;
        end = i + 4;
      }
    } else if (UNITS[n] !== undefined && UNITS[n]! >= 10) tail = UNITS[n]!;
    if (tail !== null && WORD_SCALES[r.t(end).lower] === undefined && r.t(end).lower !== 'hundred' && !(r.t(end).text === '-' && r.glued(end))) {
      return base(UNITS[w] !== undefined ? UNITS[w]! * 100 + tail : TENS[w]! * 100 + tail, end, { digits: 4, spokenYear: true });
    }
  }
  // Cardinal words, with "twenty-five", "one hundred and twenty-eight", "three million".
  let total = 0;
  let current = 0;
  let k = i;
  let last: 'unit' | 'ten' | 'hundred' | 'scale' | null = null;
  let place = 1;
  let endsOrdinal = false;
  for (;;) {
    const t = r.t(k);
    const l = t.lower;
    if (t.text === '-' && r.glued(k) && r.glued(k + 1) && last === 'ten' && (UNITS[r.t(k + 1).lower] !== undefined || ORDINALS[r.t(k + 1).lower] !== undefined)) {
      k++;
      continue;
    }
    if (l === 'and' && (last === 'hundred' || last === 'scale') && (UNITS[r.t(k + 1).lower] !== undefined || TENS[r.t(k + 1).lower] !== undefined)) {
      k++;
      continue;
    }
    if (t.kind !== 'word') break;
    if (UNITS[l] !== undefined && last !== 'unit') {
      current += UNITS[l]!;
      last = 'unit';
    } else if (TENS[l] !== undefined && (last === null || last === 'hundred' || last === 'scale')) {
      current += TENS[l]!;
      last = 'ten';
    } else if (last === 'ten' && ORDINALS[l] !== undefined && ORDINALS[l]! < 10 && r.t(k - 1).text === '-') {
      current += ORDINALS[l]!;
      endsOrdinal = true;
      k++;
      break;
    } else if (l === 'hundred' && last !== null && last !== 'hundred' && current > 0) {
      current *= 100;
      last = 'hundred';
    } else if (WORD_SCALES[l] !== undefined && last !== null && last !== 'scale') {
      total += (current || 1) * WORD_SCALES[l]!;
      place = WORD_SCALES[l]!;
      current = 0;
      last = 'scale';
    } else if (l === 'dozen' && last === 'unit') {
      current *= 12;
      k++;
      return base(total + current, k, { approximate: true });
    } else {
      break;
    }
    k++;
  }
  // "three point six trillion": decimals said as words, one word a digit.
  if (r.t(k).lower === 'point' && total === 0 && (last === 'unit' || last === 'ten') && DIGIT_WORDS[r.t(k + 1).lower] !== undefined) {
    let j = k + 1;
    let decimals = '';
    while (DIGIT_WORDS[r.t(j).lower] !== undefined) decimals += String(DIGIT_WORDS[r.t(j++).lower]);
    const scale = WORD_SCALES[r.t(j).lower];
    const factor = scale ?? 1;
    const sig = significant(String(current), decimals);
    return base(Number(`${current}.${decimals}`) * factor, scale !== undefined ? j + 1 : j, {
      place: factor / 10 ** decimals.length, sigPlace: sig.sigPlace * factor, digits: sig.digits, scaled: scale !== undefined, scaleFactor: factor,
    });
  }
  // "three and a half": a half more.
  if ((last === 'unit' || last === 'ten') && total === 0 && r.t(k).lower === 'and' && r.t(k + 1).lower === 'a' && r.t(k + 2).lower === 'half') {
    return base(current + 0.5, k + 3, { place: 0.1, sigPlace: 0.1, digits: String(current).length + 1 });
  }
  const value = total + current;
  if (last === 'unit' && value === 1 && k === i + 1 && notOne(r, i)) return null;
  // A fraction: "one-quarter", "two-thirds", "one third of".
  const hyphen = r.t(k).text === '-' && r.glued(k) && r.glued(k + 1);
  const fw = r.t(hyphen ? k + 1 : k);
  // "six quarters" counts quarters of a year: a fraction is less than one whole.
  if (k === i + 1 && value > 0 && value < 10 && FRACTIONS[fw.lower] !== undefined && value < FRACTIONS[fw.lower]! && (hyphen || fw.lower.endsWith('s') || r.t((hyphen ? k + 1 : k) + 1).lower === 'of')) {
    return base((100 * value) / FRACTIONS[fw.lower]!, (hyphen ? k + 1 : k) + 1, { fraction: true, place: 0.1, sigPlace: 0.1 });
  }
  // "the one-million mark": a scale joined by a hyphen.
  if (hyphen && k === i + 1 && WORD_SCALES[fw.lower] !== undefined) {
    const s = WORD_SCALES[fw.lower]!;
    return base(value * s, k + 2, { place: s, sigPlace: s, scaled: true, scaleFactor: s });
  }
  // "one in five", "two in three", "one car in four": a ratio, read as the share it is.
  const ratio = k === i + 1 && value >= 1 && value < 10 ? ratioAt(r, k, value) : null;
  if (ratio) return base(ratio.percent, ratio.next, { fraction: true, place: 0.1, sigPlace: 0.1 });
  const sig = significant(String(value / place), '');
  return base(value, k, { ordinal: endsOrdinal, place, sigPlace: sig.sigPlace * place, digits: sig.digits, scaled: place > 1, scaleFactor: place });
}

/** After a number word ending at token k: "in five", "car in four", as a percentage and where it ends; null for none. */
function ratioAt(r: ClaimReader, k: number, value: number): { percent: number; next: number } | null {
  let j = k;
  if (r.t(j).kind === 'word' && r.t(j).lower !== 'in' && !NOUN_STOP.has(r.t(j).lower)) j++;
  if (r.t(j).lower !== 'in') return null;
  const d = r.t(j + 1);
  const whole = d.kind === 'num' && /^\d{1,3}$/.test(d.text) ? Number(d.text) : (UNITS[d.lower] ?? TENS[d.lower]);
  if (whole === undefined || whole <= value || whole > 100) return null;
  // "one in five years" counts years, not a share.
  if (DURATIONS.test(r.t(j + 2).lower)) return null;
  return { percent: (100 * value) / whole, next: j + 2 };
}

/** "one of", "no one", "one another": the word one that counts nothing. */
function notOne(r: ClaimReader, i: number): boolean {
  const next = r.t(i + 1);
  const prev = r.t(i - 1);
  // "by one count", "on one estimate": a source, not a quantity.
  if ((prev.lower === 'by' || prev.lower === 'on') && /^(count|estimate|measure|account|reckoning|tally)$/.test(next.lower)) return true;
  if (next.kind === 'word' && NOT_CLAIM_AFTER_ONE.has(next.lower)) return true;
  if (next.text === '-' && r.glued(i + 1) && /^(on|off|stop|time|way|sided)$/.test(r.t(i + 2).lower)) return true;
  // "the one-million mark" is a million.
  if (next.text === '-' && r.glued(i + 1) && WORD_SCALES[r.t(i + 2).lower] !== undefined) return false;
  return prev.kind === 'word' && NOT_CLAIM_BEFORE_ONE.has(prev.lower);
}

/**
 * Ordinal words that rank nothing: "a second", "per second"; and "first",
 * which is a rank only as one ("ranked first", "first place"), not in "first
 * held in 2007" or "for the first time".
 */
function notOrdinal(r: ClaimReader, i: number): boolean {
  const w = r.t(i).lower;
  const prev = r.t(i - 1).lower;
  const next = r.t(i + 1).lower;
  // "First, ...", "Second, ...": a sentence's opening word orders the argument, it ranks nothing.
  if (r.t(i - 1) === EOF && r.t(i + 1).text === ',') return true;
  if (w === 'first') {
    // "was first in Asia" ranks; "was first held" does not.
    const ranked = /^(rank|ranks|ranked|ranking|placed|came|finished)$/.test(prev) || (/^(is|was|remains|remained|stood|stands)$/.test(prev) && (r.t(i + 1).kind !== 'word' || /^(in|among|of|on|globally|worldwide|overall)$/.test(next)));
    const place = /^(place|position|spot)$/.test(next) || (next === '-' && /^(ranked|place)$/.test(r.t(i + 2).lower));
    return !(ranked || place);
  }
  if (w === 'second' && (prev === 'per' || prev === 'a' || prev === 'split')) return true;
  // "the third quarter", "the first half", "fourth-quarter growth": a part of the year, not a rank.
  const part = next === '-' ? r.t(i + 2).lower : next;
  if (/^(quarter|quarters|half|halves)$/.test(part) && ORDINALS[w]! <= 4) return true;
  return false;
}

/**
 * A number word joined by a hyphen to a word, in a compound that names a kind of thing: "two-wheelers", "a four-wheel
 * drive", "a two-way street", "three-dimensional", "second-hand", "first-ever" (an ordinal ranks only as "second-largest"
 * or "first-placed"); or in a compound that another figure counts ("1.3m electric two-wheelers", "12 two-day workshops").
 * "A three-day forum" measures one and is a claim; "twenty-five", "two-thirds" and "one-million" are figures whole.
 */
export function inCompound(r: ClaimReader, i: number, fig: Figure): boolean {
  const word = r.t(fig.next + 1);
  if (fig.fraction || fig.scaled || fig.spokenYear || r.t(fig.next).text !== '-' || !r.glued(fig.next) || !r.glued(fig.next + 1) || word.kind !== 'word') return false;
  const w = word.lower;
  if (fig.ordinal) return !/^(?:[a-z]*est|worst|most|least|place|placed|ranked|ranking|position)$/.test(w);
  const numberWord = (l: string) => UNITS[l] !== undefined || TENS[l] !== undefined || WORD_SCALES[l] !== undefined || ORDINALS[l] !== undefined || FRACTIONS[l] !== undefined || l === 'hundred' || l === 'dozen';
  if (numberWord(w)) return false;
  if (/^(?:wheel|way|dimensional|stop|off|on|child|state|stroke|horse|track|digit|star|door|engine|cylinder|tier)$/.test(w) || /^[a-z]+ers$|^(?:wheel|seat|lin|point|tim|hand|deck|post|part)er$|^[a-z]{3,}ed$/.test(w)) return true;
  // Another figure before it, across at most two words that are not verbs ("1.3m electric"), counts the compound.
  for (let k = i - 1, words = 0; ; k--) {
    const t = r.t(k);
    if (t.kind === 'num') return yearAt(r, k) === null;
    if (t.kind !== 'word' || NOUN_STOP.has(t.lower) || /(?:ed|ing)$/.test(t.lower)) return false;
    if (numberWord(t.lower) && ORDINALS[t.lower] === undefined) return true;
    // A scale glued to its figure ("1.3m") is the figure's.
    if (!(r.glued(k) && r.t(k - 1).kind === 'num') && ++words > 2) return false;
  }
}

/** An hour word after "it's", "it is" or "at", then minutes or "o'clock"; returns where the time ends. */
export function spokenTime(r: ClaimReader, i: number): number | null {
  if (!HOURS.has(r.t(i).lower)) return null;
  const b1 = r.t(i - 1).lower;
  const after = r.t(i + 1).lower;
  if (after === 'o\'clock' || (after === 'o' && r.t(i + 2).text === "'")) return i + 2;
  const cue = b1 === 'at' || b1 === 'it\'s' || (b1 === 's' && r.t(i - 2).text === "'") || (b1 === 'is' && r.t(i - 2).lower === 'it');
  if (!cue || !MINUTES.has(after)) return null;
  let k = i + 2;
  if (r.t(k).text === '-' && r.glued(k) && /^(five|one|two|three|four|six|seven|eight|nine)$/.test(r.t(k + 1).lower)) k += 2;
  return k;
}
