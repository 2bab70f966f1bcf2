/**
 * Renders bibliography entries with citeproc-js from the CSL style files in
 * csl-files/. citeproc-js and the style files are loaded here only, on the
 * first citation asked for. The engine writes text and HTML itself; Markdown
 * is one more output format given to it, so italics come from the style.
 */
import type { CiteFormat, CslStyle } from './styles.js';
import type { CslItem } from './csl.js';

type CiteprocModule = typeof import('citeproc');
type Csl = CiteprocModule['default'];

const STYLE_FILES: Record<CslStyle, () => Promise<{ default: string }>> = {
  apa: () => import('./csl-files/apa.js'),
  mla: () => import('./csl-files/mla.js'),
  'chicago-author-date': () => import('./csl-files/chicago-author-date.js'),
  'chicago-notes': () => import('./csl-files/chicago-notes.js'),
  harvard: () => import('./csl-files/harvard.js'),
  vancouver: () => import('./csl-files/vancouver.js'),
};

/**
 * Corrections to style files, made to the text as loaded (the files stay as
 * published; src/cite/STYLES.md lists them). Each is a part of the file and
 * what stands for it; a file that no longer holds the part is an error, caught
 * by the tests, not a correction silently dropped.
 *
 * Chicago author-date: a newspaper article with no author is led by its
 * newspaper (or its title) and the year; the file then gives the whole date
 * again after a comma ("2025, March 2025", "“Title,” 2025"). Such an entry
 * gives the month and day after a period, without the year again (CMOS 17
 * §15.47 sets a period after an anonymous article's title): "“Title.” 2025.
 * March." An entry with an author keeps the file's full date.
 */
const ANONYMOUS_NEWS_DATE: [string, string] = [
  '<else-if type="article-newspaper article-magazine personal_communication" match="any"><date variable="issued" form="text" prefix=", "/></else-if>',
  '<else-if type="article-newspaper article-magazine personal_communication" match="any"><choose><if variable="author" match="any"><date variable="issued" form="text" prefix=", "/></if>' +
    '<else><date variable="issued" prefix=". "><date-part name="month"/><date-part name="day" prefix=" "/></date></else></choose></else-if>',
];
const STYLE_CORRECTIONS: Partial<Record<CslStyle, [string, string][]>> = { 'chicago-author-date': [ANONYMOUS_NEWS_DATE] };

/**
 * The file a note style's first notes come from, where its own file gives
 * another form: chicago-notes' file gives the short note, which CMOS keeps for
 * a work cited before; a first note is the full note.
 */
const NOTE_FILES: Partial<Record<CslStyle, () => Promise<{ default: string }>>> = {
  'chicago-notes': () => import('./csl-files/chicago-fullnote.js'),
};

/** A style file's text (for notes, its notes' file) with zgc's corrections made. */
export async function styleText(style: CslStyle, form: 'bibliography' | 'note' = 'bibliography'): Promise<string> {
  let xml = (await ((form === 'note' && NOTE_FILES[style]) || STYLE_FILES[style])()).default;
  for (const [part, replacement] of STYLE_CORRECTIONS[style] ?? []) {
    if (!xml.includes(part)) throw new Error(`the ${style} style file no longer holds the part zgc corrects`);
    xml = xml.replace(part, replacement);
  }
  return xml;
}

let loaded: Promise<{ CSL: Csl; locales: Record<string, string | object> }> | null = null;

async function loadEngine() {
  loaded ??= (async () => {
    const mod = (await import('citeproc')) as unknown as { default?: Csl } & Csl;
    const CSL = mod.default ?? mod;
    addMarkdownFormat(CSL);
    const [us, gb] = await Promise.all([import('./csl-files/locale-en-us.js'), import('./csl-files/locale-en-gb.js')]);
    return { CSL, locales: { 'en-US': us.default, 'en-GB': gb.default as object } };
  })();
  return loaded;
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|]/g;
const unescapeMarkdown = (s: string) => s.replace(/\\([\\`*_[\]<>#|])/g, '$1');

/** Wraps text in a Markdown marker, keeping spaces outside it, where CommonMark needs them. */
function emphasis(marker: string) {
  return (_state: unknown, str?: string) => {
    if (str === undefined) return '';
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(str)!;
    return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : str;
  };
}

/** A Markdown output format for citeproc-js: the text format with emphasis, escapes and <URL> links. */
function addMarkdownFormat(CSL: Csl): void {
  const formats = CSL.Output.Formats;
  if (formats.markdown) return;
  formats.markdown = {
    ...formats.text,
    text_escape: (text: string) => (text ?? '').replace(MARKDOWN_SPECIAL, '\\$&'),
    '@font-style/italic': emphasis('*'),
    '@font-style/oblique': emphasis('*'),
    '@font-weight/bold': emphasis('**'),
    '@URL/true': (_state: unknown, str?: string) => `<${unescapeMarkdown(str ?? '')}>`,
    // citeproc-js wraps URLs in this decoration too: only a bare DOI gets the resolver's address.
    '@DOI/true': (_state: unknown, str?: string) => {
      const target = unescapeMarkdown(str ?? '');
      return `<${/^https?:\/\//.test(target) ? target : `https://doi.org/${target}`}>`;
    },
  };
}

export interface Bibliography {
  /** What goes before the entries: citeproc's <div class="csl-bib-body"> in HTML, nothing otherwise. */
  start: string;
  entries: string[];
  /** The id of the item each entry cites, in the entries' order. */
  ids: string[];
  end: string;
}

/**
 * The one correction made to the processor's output: an entry never ends on
 * the ";" or "," that a style sets before a part the source lacks (Vancouver
 * puts "2024 May;" before a page number a web article does not have).
 */
function closeEntry(entry: string, format: CiteFormat): string {
  if (format === 'html') return entry.replace(/[;,](\s*(?:<\/div>\s*)+)$/, '.$1');
  return entry.replace(/[;,]$/, '.');
}

/**
 * Cite Them Right files an anonymous newspaper article under its newspaper; with
 * no newspaper known either, its CSL file leads with the bare year. Such an item
 * is given as a generic article, which the file leads with the title, as the
 * guide asks for anonymous works.
 */
function forHarvard(item: CslItem): CslItem {
  return item.type === 'article-newspaper' && !item.author && !item['container-title'] ? { ...item, type: 'article' } : item;
}

/** A processor for the items in the style and format. */
async function engineFor(items: CslItem[], style: CslStyle, format: CiteFormat, form: 'bibliography' | 'note' = 'bibliography') {
  const { CSL, locales } = await loadEngine();
  const styleXml = await styleText(style, form);
  const byId = new Map(items.map((i) => [i.id, style === 'harvard' ? forHarvard(i) : i]));
  const sys = {
    // Each style names its own locale (Cite Them Right is British); any other asks for US English.
    retrieveLocale: (lang: string) => locales[lang] ?? locales['en-US'],
    retrieveItem: (id: string) => byId.get(id)!,
  };
  const engine = new CSL.Engine(sys, styleXml);
  engine.opt.development_extensions.wrap_url_and_doi = format !== 'text';
  engine.setOutputFormat(format);
  engine.updateItems(items.map((i) => i.id));
  return engine;
}

/**
 * The note (footnote or endnote) of each item in a note style, in the order
 * given: the full note a first citation takes. In text and Markdown a note
 * is one line; in HTML the processor's markup, which holds no element.
 */
export async function renderCslNotes(items: CslItem[], style: CslStyle, format: CiteFormat): Promise<string[]> {
  const engine = await engineFor(items, style, format, 'note');
  return items.map((i) => closeEntry(engine.makeCitationCluster([{ id: i.id }]).replace(/\s+/g, ' ').trim(), 'text'));
}

/** Bibliography entries for the items in the style, sorted as the style sorts them. */
export async function renderCslBibliography(items: CslItem[], style: CslStyle, format: CiteFormat): Promise<Bibliography> {
  const engine = await engineFor(items, style, format);
  const result = engine.makeBibliography();
  if (!result) return { start: '', entries: [], ids: [], end: '' };
  const [meta, raw] = result;
  const ids = meta.entry_ids.map((e) => e[0]!);
  if (format === 'html') return { start: meta.bibstart, entries: raw.map((e) => closeEntry(e, format)), ids, end: meta.bibend };
  // Text: one entry per line, with the style's left-margin numbers ("1.  ") given single spaces.
  const entries = raw.map((e) => closeEntry(e.replace(/\s+/g, ' ').trim(), format));
  return { start: '', entries, ids, end: '' };
}
