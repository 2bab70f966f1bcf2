/**
 * The short citation zgc prints beside an answer: author, "title", publisher,
 * date. Full styles (APA, MLA, ...) are the cite command's business.
 */
import type { Source } from '../facts/types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 21, 2025", "March 2025", "2025" or "n.d." */
export function longDate(published: string | null): string {
  if (!published) return 'n.d.';
  const [y, m, d] = published.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}

export function authorList(authors: string[]): string {
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** Author, “title”, publisher, date; with `longDates`, the date as a reader writes it ("March 21, 2025"), else ISO. */
export function shortCitation(s: Source, options: { longDates?: boolean } = {}): string {
  const parts = [];
  if (s.author.length) parts.push(authorList(s.author));
  parts.push(`“${s.title}”`);
  parts.push(s.publisher ?? 'publisher unknown');
  parts.push(s.published ? (options.longDates ? longDate(s.published) : s.published) : 'date unknown');
  return parts.join(', ');
}

/** Labels a reader must see before trusting a source. */
export function sourceCaveat(s: Source): string | null {
  if (s.kind === 'ai-generated') return 'AI-generated';
  if (s.kind === 'republication') return s.via ? `republication, via ${s.via}` : 'republication';
  return null;
}
