/**
 * Figures written with digits: a numeral with its glued suffix, its scale
 * ("14m", "3.6 trillion"), its currency and its unit; and numbers that are no
 * figure (telephone numbers).
 */
import { CURRENCY_CODES, CURRENCY_SYMBOLS, GLUED_SCALES, MEASURE_AFTER, type Numeral, SCALE_WORDS, UNIT_PHRASES, readNumeral } from './numbers.js';
import type { ClaimReader } from './reader.js';

/** A numeral as a figure of the draft: where it ends, and what its words make of it. */
export interface Figure extends Omit<Numeral, 'skip'> {
  /** Index after the figure's last token. */
  next: number;
  ordinal: boolean;
  fraction: boolean;
  /** "a dozen": approximate by nature. */
  approximate: boolean;
  /** "twenty twenty-four": a year said as words. */
  spokenYear?: boolean;
  scaled: boolean;
  /** The scale word's factor (1e12 for "trillion"), 1 without one. */
  scaleFactor: number;
}

/** "+86 10 5555 0100", "(010) 5555-0100": a telephone number is no claim; returns where it ends. */
export function phoneNumber(r: ClaimReader, i: number): number | null {
  const prev = r.t(i - 1);
  const opened = (prev.text === '+' || prev.text === '(') && r.glued(i);
  let k = i;
  let groups = 0;
  while (r.t(k).kind === 'num' && /^\d+$/.test(r.t(k).text)) {
    groups++;
    k++;
    if (r.t(k).text === ')' && r.glued(k) && groups === 1 && prev.text === '(') k++;
    if ((r.t(k).text === '-' || r.t(k).text === '.') && r.glued(k) && r.t(k + 1).kind === 'num' && r.glued(k + 1)) k++;
  }
  // "010-5555-0199": three groups joined by dashes or dots are no range; "010-5555": a leading zero is no figure.
  const joined = groups >= 3 && r.t(i + 1).text === '-';
  const leadingZero = groups >= 2 && /^0\d/.test(r.t(i).text) && r.t(i + 1).text === '-';
  return (opened && groups >= 3) || groups >= 4 || joined || leadingZero ? k : null;
}

/** A numeral with its glued suffix and scale; null when it is no figure (a version, an identifier). */
export function numeralFigure(r: ClaimReader, i: number): Figure | null {
  const n = readNumeral(r.t(i).text);
  if (n.skip) return null;
  const fig: Figure = { ...n, next: i + 1, ordinal: false, fraction: false, approximate: false, scaled: false, scaleFactor: 1 };
  const suffix = r.t(i + 1);
  if (r.glued(i + 1) && suffix.kind === 'word') {
    if (/^(st|nd|rd|th)$/.test(suffix.lower) && n.plainInteger) {
      fig.ordinal = true;
      fig.next = i + 2;
    } else if (SCALE_WORDS[suffix.lower] !== undefined || GLUED_SCALES[suffix.lower] !== undefined) {
      const s = SCALE_WORDS[suffix.lower] ?? GLUED_SCALES[suffix.lower]!;
      // "14m", "1.3bn", "200M+" are millions and billions; "10m tall", "5m away" are metres, and "5t" tonnes: a lone t
      // counts as a scale only beside a currency, a lone m unless a word of measure follows.
      if (suffix.lower === 't' && !currencyBefore(r, i)) return null;
      if (suffix.lower === 'm' && suffix.text === 'm' && !currencyBefore(r, i) && (MEASURE_AFTER.test(r.t(i + 2).lower) || /^an?$/.test(r.t(i - 1).lower))) return null;
      scale(fig, s);
      fig.next = i + 2;
    } else {
      return null;
    }
  }
  if (!fig.scaled) {
    let k = fig.next;
    if (r.t(k).text === '-' && r.glued(k) && r.glued(k + 1)) k++;
    const w = r.t(k);
    if (w.kind === 'word' && SCALE_WORDS[w.lower] !== undefined && !(r.glued(k) && k === fig.next)) {
      scale(fig, SCALE_WORDS[w.lower]!);
      fig.next = k + 1;
    }
  }
  return fig;
}

function currencyBefore(r: ClaimReader, i: number): boolean {
  const prev = r.t(i - 1);
  return CURRENCY_SYMBOLS[prev.text] !== undefined || CURRENCY_CODES[prev.lower] !== undefined;
}

export function scale(fig: Figure, s: number): void {
  if (fig.value !== null) fig.value = Number(`${fig.value}e${Math.round(Math.log10(s))}`);
  fig.place *= s;
  fig.sigPlace *= s;
  fig.scaled = true;
  fig.scaleFactor = s;
  fig.plainInteger = false;
}

export function unitAt(r: ClaimReader, k: number): { unit: string; next: number } | null {
  for (const [words, unit] of UNIT_PHRASES) {
    let ok = true;
    for (let w = 0; w < words.length; w++) {
      const t = r.t(k + w);
      if (t.lower !== words[w]) {
        ok = false;
        break;
      }
      // "%" may follow with or without a space; "U.S." is glued together.
      if (w > 0 && w < 4 && (words[w] === '.' || words[w - 1] === '.') && !r.glued(k + w)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // The bare abbreviations must stand alone: "pp" yes, "ppm" never reaches here.
    if (words[0] === 'u' && !/^[uU]$/.test(r.t(k).text)) continue;
    return { unit, next: k + words.length };
  }
  // Currency codes after the figure: "2.5 billion USD".
  const t = r.t(k);
  if (t.kind === 'word' && CURRENCY_CODES[t.lower] !== undefined && t.text === t.text.toUpperCase()) return { unit: CURRENCY_CODES[t.lower]!, next: k + 1 };
  return null;
}
