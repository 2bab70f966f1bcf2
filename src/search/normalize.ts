import { spaceHan } from './han.js';

/**
 * One way of writing text for matching: compatibility forms folded (full-width
 * letters, ligatures), lower case, typographic quotes straightened, every run of
 * punctuation or space turned into one space, Chinese split into its words.
 * "AT&T" keeps its ampersand.
 */
export function normalizeText(s: string): string {
  return spaceHan(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

export function tokenize(s: string): string[] {
  const n = normalizeText(s);
  return n ? n.split(' ') : [];
}
