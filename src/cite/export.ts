/**
 * Exports for reference managers, written from the same CSL-JSON items the
 * styles render: BibTeX (read by BibTeX and biblatex), RIS and CSL-JSON.
 */
import type { CslDate, CslItem, CslName } from './csl.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

// Characters TeX reads as commands, escaped in one pass so that escapes are not escaped again.
const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

export function texEscape(s: string): string {
  return oneLine(s).replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIAL[c]!);
}

function bibtexName(n: CslName): string {
  // Braces keep an organisation's name whole: BibTeX would otherwise split it at spaces and "and".
  if (n.literal !== undefined) return `{${texEscape(n.literal)}}`;
  const family = texEscape(n.family ?? '');
  if (!n.given) return `{${family}}`;
  return n.suffix ? `${family}, ${texEscape(n.suffix)}, ${texEscape(n.given)}` : `${family}, ${texEscape(n.given)}`;
}

const isoDate = (d: CslDate) => d['date-parts'][0].map((n, i) => (i ? String(n).padStart(2, '0') : String(n))).join('-');

/** URLs are read verbatim by the url and biblatex packages; only braces would unbalance the entry. */
const bibtexUrl = (u: string) => oneLine(u).replace(/\{/g, '%7B').replace(/\}/g, '%7D');

export function toBibtex(item: CslItem): string {
  const entryType = item.type === 'article-newspaper' ? 'article' : item.type === 'report' ? 'techreport' : 'misc';
  const fields: [string, string][] = [];
  if (item.author?.length) fields.push(['author', `{${item.author.map(bibtexName).join(' and ')}}`]);
  // Double braces keep the title's capitals as published: styles would otherwise lower-case "ZGC".
  fields.push(['title', `{{${texEscape(item.title)}}}`]);
  if (item['container-title']) fields.push([item.type === 'article-newspaper' ? 'journal' : 'howpublished', `{${texEscape(item['container-title'])}}`]);
  if (item.publisher) fields.push(['institution', `{${texEscape(item.publisher)}}`]);
  if (item.genre) fields.push(['type', `{${texEscape(item.genre)}}`]);
  if (item.issued) {
    const [year, month] = item.issued['date-parts'][0];
    fields.push(['year', `{${year}}`]);
    if (month) fields.push(['month', MONTHS[month - 1]!]);
    fields.push(['date', `{${isoDate(item.issued)}}`]);
  }
  if (item.URL) fields.push(['url', `{${bibtexUrl(item.URL)}}`]);
  if (item.accessed) fields.push(['urldate', `{${isoDate(item.accessed)}}`]);
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@${entryType}{${item.id},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join(',\n')}\n}\n`;
}

const RIS_TYPE: Record<CslItem['type'], string> = { 'article-newspaper': 'NEWS', article: 'GEN', report: 'RPRT', webpage: 'ELEC' };

const risDate = (d: CslDate) => {
  const [y, m, day] = d['date-parts'][0];
  return `${y}/${m ? String(m).padStart(2, '0') : ''}/${day ? String(day).padStart(2, '0') : ''}/`;
};

function risName(n: CslName): string {
  if (n.literal !== undefined) return n.literal;
  return [n.family, n.given, n.suffix].filter(Boolean).join(', ');
}

export function toRis(item: CslItem): string {
  const lines: [string, string][] = [['TY', RIS_TYPE[item.type]]];
  for (const a of item.author ?? []) lines.push(['AU', risName(a)]);
  lines.push(['TI', item.title]);
  if (item['container-title']) lines.push(['T2', item['container-title']]);
  if (item.publisher) lines.push(['PB', item.publisher]);
  if (item.genre) lines.push(['M3', item.genre]);
  if (item.issued) {
    lines.push(['PY', String(item.issued['date-parts'][0][0])]);
    lines.push(['DA', risDate(item.issued)]);
  }
  if (item.URL) lines.push(['UR', item.URL]);
  if (item.accessed) lines.push(['Y2', risDate(item.accessed)]);
  lines.push(['ID', item.id]);
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\n') + '\nER  - \n';
}

export function toCslJson(items: CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}
