/**
 * The words before a figure that qualify it ("more than", "about", "surpassed
 * the"), and those around a percentage that make it a change ("up 8.3
 * percent", "8.3 percent year on year").
 */
import { DOWN_WORDS, PHRASAL_UP, QUALIFIERS, UP_WORDS, VERB_QUALIFIERS } from './numbers.js';
import type { ClaimBound } from './claim.js';
import type { ClaimReader } from './reader.js';

/** The longest qualifier ending at token k; a verb may stand before "the" and a quote ("surpassed the "1-million benchmark""). */
export function qualifierBefore(r: ClaimReader, k: number): { bound: ClaimBound; start: number } | null {
  let j = k;
  while (j >= 0 && (r.t(j).text === '"' || r.t(j).text === '“' || r.t(j).text === "'")) j--;
  if (r.t(j).lower === 'the') j--;
  if (j !== k && VERB_QUALIFIERS.has(r.t(j).lower)) return { bound: 'more-than', start: j };
  return qualifierEndingAt(r, k);
}

function qualifierEndingAt(r: ClaimReader, k: number): { bound: ClaimBound; start: number } | null {
  for (const [words, bound] of QUALIFIERS) {
    const s = k - words.length + 1;
    if (s < 0) continue;
    let ok = true;
    for (let w = 0; w < words.length; w++) {
      if (r.t(s + w).lower !== words[w] || r.t(s + w).kind !== 'word') {
        ok = false;
        break;
      }
    }
    if (ok) {
      // "approx." keeps its dot.
      return { bound, start: s };
    }
    if (words.length === 1 && words[0] === 'approx' && r.t(k).text === '.' && r.t(k - 1).lower === 'approx') return { bound, start: k - 1 };
  }
  return null;
}

/** A percentage that is a change: "up 8.3 percent", "grew by 8.3%", "8.3 percent year on year". */
export function changeOf(r: ClaimReader, start: number, afterUnit: number, noun: string[]): 'up' | 'down' | null {
  const clause = r.t(start).clause;
  // "Export growth: 8.3%": a label before a colon speaks for the figure after it.
  const labelled = r.t(start - 1).text === ':' && r.t(start - 1).sentence === r.t(start).sentence;
  let dir: 'up' | 'down' | null = null;
  for (let k = start - 1, words = 0; k >= 0 && words < 5; k--) {
    const t = r.t(k);
    if (t.sentence !== r.t(start).sentence) break;
    if (t.clause !== clause && !(labelled && t.clause === clause - 1)) break;
    if (t.kind !== 'word') continue;
    words++;
    // "makes up a quarter of GDP" is a share, not a rise.
    if (UP_WORDS.has(t.lower) && !(t.lower === 'up' && PHRASAL_UP.test(r.t(k - 1).lower))) {
      dir = 'up';
      break;
    }
    if (DOWN_WORDS.has(t.lower)) {
      dir = 'down';
      break;
    }
    if (t.lower === 'to' && words === 1) break;
  }
  if (dir === null) {
    for (const w of noun.slice(0, 2)) {
      if (UP_WORDS.has(w)) dir = 'up';
      else if (DOWN_WORDS.has(w)) dir = 'down';
      if (dir) break;
    }
  }
  if (dir === null) {
    // "8.3 percent more than in 2023", "3 percent lower than a year earlier": a comparison is a change.
    const a = r.t(afterUnit).lower;
    const b = r.t(afterUnit + 1).lower;
    if (b === 'than' && /^(more|higher|greater|above|up)$/.test(a)) dir = 'up';
    else if (b === 'than' && /^(less|lower|fewer|smaller|below|down)$/.test(a)) dir = 'down';
  }
  if (dir === null) {
    // "year on year" in the same clause marks a change even with no verb.
    const words: string[] = [];
    for (let k = afterUnit; k < r.tokens.length && r.t(k).clause === clause && words.length < 8; k++) words.push(r.t(k).lower);
    const after = words.join(' ');
    if (/^(year on year|year - on - year|yoy|y - o - y|y \/ y|from a year (earlier|ago)|on (the )?(previous|last) year|over (the )?(previous|last) year)/.test(after)) dir = 'up';
  }
  return dir;
}
