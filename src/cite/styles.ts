/**
 * The citation styles zgc knows by name. This module is small on purpose: the
 * command line reads it at start-up, while the CSL engine and the style files
 * load only when a citation is rendered (render.ts).
 */
export const CITE_STYLES = [
  'apa',
  'mla',
  'chicago-author-date',
  'chicago-notes',
  'harvard',
  'vancouver',
  'attribution',
  'bibtex',
  'ris',
  'csl-json',
] as const;
export type CiteStyle = (typeof CITE_STYLES)[number];

/** Styles a CSL processor renders from a CSL style file. */
export const CSL_STYLES = ['apa', 'mla', 'chicago-author-date', 'chicago-notes', 'harvard', 'vancouver'] as const;
export type CslStyle = (typeof CSL_STYLES)[number];

/** Styles whose citations are notes (footnotes or endnotes): zgc cite --note prints those. */
export const NOTE_STYLES: readonly CiteStyle[] = ['chicago-notes'];

/** Styles that are file formats for reference managers: --format does not apply to them. */
export const EXPORT_STYLES = ['bibtex', 'ris', 'csl-json'] as const;

export const CITE_FORMATS = ['text', 'markdown', 'html'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

export const DEFAULT_CITE_STYLE: CiteStyle = 'apa';

/** Other names people give a style: "chicago" alone is Chicago's author-date style. */
export const STYLE_ALIASES: Record<string, CiteStyle> = { chicago: 'chicago-author-date', 'chicago-notes-bibliography': 'chicago-notes', csl: 'csl-json', json: 'csl-json' };

/** The names --style and --cite take: the styles, then their aliases. */
export const STYLE_NAMES: readonly string[] = [...CITE_STYLES, ...Object.keys(STYLE_ALIASES)];

/** The style a name given on the command line stands for (the name checked by commander's choices). */
export function citeStyleNamed(name: string | undefined): CiteStyle | undefined {
  return name === undefined ? undefined : (STYLE_ALIASES[name] ?? (name as CiteStyle));
}

export const STYLE_TITLES: Record<CiteStyle, string> = {
  apa: 'APA 7th edition',
  mla: 'MLA 9th edition',
  'chicago-author-date': 'Chicago 17th edition, author-date',
  'chicago-notes': 'Chicago 17th edition, notes and bibliography',
  harvard: 'Harvard (Cite Them Right 11th edition)',
  vancouver: 'Vancouver',
  attribution: 'newsroom attribution: "according to the Global Times (March 21, 2025)"',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

export function isCslStyle(style: CiteStyle): style is CslStyle {
  return (CSL_STYLES as readonly string[]).includes(style);
}

export function isExportStyle(style: CiteStyle): boolean {
  return (EXPORT_STYLES as readonly string[]).includes(style);
}
