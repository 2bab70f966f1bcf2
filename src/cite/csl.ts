/**
 * A source as CSL-JSON, the item format every CSL processor reads: news and
 * commentary are newspaper articles whose container is the publisher; press
 * releases and official data are reports by the issuing body. Author names are
 * split into family and given parts here, since the styles invert, initial and
 * sort them.
 */
import type { Source, SourceKind } from '../facts/types.js';

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  /** An organisation or a one-word name: printed as it is, never inverted or initialled. */
  literal?: string;
}

export interface CslDate {
  'date-parts': [number[]];
}

export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'article' | 'report' | 'webpage';
  title: string;
  'container-title'?: string;
  publisher?: string;
  genre?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
}

const CSL_TYPE: Record<SourceKind, CslItem['type']> = {
  news: 'article-newspaper',
  commentary: 'article-newspaper',
  republication: 'article-newspaper',
  'ai-generated': 'article-newspaper',
  'press-release': 'report',
  'official-data': 'report',
  other: 'webpage',
};

/** "2025", "2025-03" or "2025-03-21" as CSL date parts, at the precision given. */
export function cslDate(date: string | null | undefined): CslDate | undefined {
  if (!date) return undefined;
  const parts = date.split('-').map(Number);
  if (!parts.length || parts.some((n) => !Number.isInteger(n))) return undefined;
  return { 'date-parts': [parts] };
}

// Surnames that open a name written family-first ("Tao Mingyang"), as Chinese news sites print their reporters' names.
const CHINESE_SURNAMES = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng ' +
    'zeng xiao tian dong yuan pan yu jiang cai du ye cheng wei su lu lv ding ren shen yao cui zhong tan fan jin shi liao jia xia fu fang bai ' +
    'zou meng xiong qin qiu yin xue yan duan lei hou long shao qian tao hao kong mao chang wan gu lai kang yi qiao niu hong mo xing ou ' +
    'zhan ji geng bao ning che qi ni guan mu rao shang dai ge ai nie'
  ).split(' '),
);
// One or more pinyin syllables, tone marks removed: the given name of a family-first Chinese name.
const PINYIN = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|ian|iao|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v))+$/;
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'des', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten']);
const SUFFIXES = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV']);

const isCapitalsWord = (w: string) => /^\p{Lu}{2,}$/u.test(w);
const capitalize = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
const plain = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isPinyin = (w: string) => PINYIN.test(plain(w).replace(/['-]/g, ''));

/**
 * Splits an author as written into family and given names:
 * "Family, Given" as written; a word in capitals beside a pinyin given name is the family name ("LU Zijian");
 * a common Chinese surname followed by a pinyin given name is family-first ("Tao Mingyang");
 * otherwise the last word, with any particle before it, is the family name ("Mira Tan").
 * A single word is an organisation or a mononym and is kept whole.
 */
export function parseName(written: string): CslName {
  const name = written.trim().replace(/\s+/g, ' ');
  const comma = name.split(', ');
  if (comma.length === 2 && comma[0] && comma[1]) return { family: comma[0], given: comma[1] };
  const words = name.split(' ');
  if (words.length < 2) return { literal: name };
  const capitals = words.filter(isCapitalsWord);
  const others = words.filter((w) => !isCapitalsWord(w));
  if (capitals.length === 1 && others.every(isPinyin)) {
    return { family: capitalize(capitals[0]!), given: others.join(' ') };
  }
  if (words.length === 2 && CHINESE_SURNAMES.has(plain(words[0]!)) && isPinyin(words[1]!)) {
    return { family: words[0]!, given: words[1]! };
  }
  const out: CslName = {};
  if (words.length > 2 && SUFFIXES.has(words[words.length - 1]!)) out.suffix = words.pop()!;
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  out.family = words.slice(start).join(' ');
  out.given = words.slice(0, start).join(' ');
  return out;
}

/** The CSL-JSON item for a source. */
export function toCsl(s: Source): CslItem {
  const type = CSL_TYPE[s.kind];
  const item: CslItem = { id: s.id, type, title: s.title };
  const publisher = s.publisher?.trim() || undefined;
  if (type === 'report') {
    // A release or a statistics bulletin is authored by the body that issues it when no person signs it.
    if (publisher) item.publisher = publisher;
    if (s.kind === 'press-release') item.genre = 'Press release';
    item.author = s.author.length ? s.author.map(parseName) : publisher ? [{ literal: publisher }] : undefined;
  } else {
    if (publisher) item['container-title'] = publisher;
    if (s.author.length) item.author = s.author.map(parseName);
  }
  if (!item.author) delete item.author;
  const issued = cslDate(s.published);
  if (issued) item.issued = issued;
  const accessed = cslDate(s.accessed);
  if (accessed) item.accessed = accessed;
  if (s.url) item.URL = s.url;
  return item;
}

/**
 * The order of a list of exports or attributions: first author's family name
 * (or the title, for an anonymous source, as the styles file it), then date, then title.
 */
export function sortKey(item: CslItem): string[] {
  const first = item.author?.[0];
  const lead = first ? (first.family ?? first.literal ?? '') : item.title;
  const date = item.issued ? item.issued['date-parts'][0].map((n) => String(n).padStart(4, '0')).join('-') : '';
  return [lead.toLocaleLowerCase('en'), date, item.title.toLocaleLowerCase('en'), item.id];
}

export function compareItems(a: CslItem, b: CslItem): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < ka.length; i++) {
    const c = ka[i]!.localeCompare(kb[i]!, 'en');
    if (c) return c;
  }
  return 0;
}
