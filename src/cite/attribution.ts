/**
 * The attribution an editor writes into copy: "according to the Global Times
 * (March 21, 2025)". No CSL style exists for it, so it is written here: the
 * publisher, with "the" where its name takes one, and the date at the
 * precision known (none when unknown).
 */
import type { Source } from '../facts/types.js';
import { authorList, longDate } from './short.js';

// Last words of names that take "the": newspapers and magazines ("the Global Times", "the Beijing Post")
// and public bodies ("the National Bureau"). "Daily" and "News" are left out: "China Daily", "CBS News" take none.
const TAKES_THE = new Set(
  (
    'times post herald journal tribune guardian telegraph independent observer economist globe standard gazette chronicle examiner ' +
    'inquirer star sun mirror express review monitor register courier bulletin record dispatch mail weekly wire ' +
    'agency bureau ministry council commission administration association institute academy committee department office ' +
    'organization organisation foundation center centre secretariat government parliament congress assembly bank fund forum'
  ).split(' '),
);

/** The publisher as it reads after "according to": "the Global Times", "CGTN", "the Guardian". */
export function publisherPhrase(publisher: string): string {
  const name = publisher.trim().replace(/\s+/g, ' ');
  // A name that includes its article keeps it, lower-cased as it is mid-sentence.
  const own = /^the\s+(.+)$/i.exec(name);
  if (own) return `the ${own[1]}`;
  // A possessive ("People's Daily") or a name with no capital letter to go by takes none.
  if (/['’]s\b/.test(name)) return name;
  const words = name.split(' ');
  const last = words[words.length - 1]!.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (words.length > 1 && (TAKES_THE.has(last) || / of /i.test(name))) return `the ${name}`;
  return name;
}

/** One attribution: "according to the Global Times (March 21, 2025)". */
export function attribution(s: Source): string {
  const publisher = s.publisher?.trim();
  // Without a publisher the writer is named; without either, the article is, by its title.
  const who = publisher ? publisherPhrase(publisher) : s.author.length ? authorList(s.author) : `“${s.title}”`;
  const when = s.published ? ` (${longDate(s.published)})` : '';
  return `according to ${who}${when}`;
}
