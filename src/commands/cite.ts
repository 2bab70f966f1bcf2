import { Option } from 'commander';
import type { CommandSpec, Context } from './types.js';
import { factsOption, loadCommandFacts } from './options.js';
import { selectSources } from '../cite/select.js';
import { CITE_FORMATS, citeStyleNamed, DEFAULT_CITE_STYLE, isCslStyle, isExportStyle, NOTE_STYLES, STYLE_NAMES, type CiteFormat } from '../cite/styles.js';
import { EXIT_NOT_FOUND, EXIT_OK, UsageError } from '../errors.js';
import { visibleInline } from '../output/sanitize.js';
import { resolveId, suggestIds } from '../search/resolve.js';
import { didYouMean } from '../output/fact.js';

export const cite: CommandSpec = {
  name: 'cite',
  summary: 'cite facts or sources in APA, MLA, Chicago, Harvard, Vancouver, a newsroom attribution, BibTeX, RIS or CSL-JSON',
  completes: 'ids',
  examples: [
    'zgc cite rnd-2024',
    'zgc cite globaltimes-2025-zgc-forum-preview --style mla',
    'zgc cite rnd-2024 zgc-2025-events --style chicago-author-date --format markdown',
    'zgc cite rnd-2024 --style attribution',
    'zgc cite rnd-2024 --note',
    'zgc cite rnd-2024 --style bibtex >> refs.bib',
    'zgc list --tag rnd --field id | zgc cite - --style vancouver',
  ],
  configure(cmd) {
    cmd.argument('<id...>', 'fact ids (each cites all its sources) or source ids; "-" reads ids from stdin, one per line');
    cmd.addOption(new Option('--style <style>', `citation style (default: ${DEFAULT_CITE_STYLE}; chicago is chicago-author-date)`).choices(STYLE_NAMES as string[]));
    cmd.option('--note', `print each source's first note (footnote) instead of bibliography entries, in the order given (style ${NOTE_STYLES.join(', ')}, the default with --note)`);
    cmd.addOption(new Option('--format <format>', 'text, markdown (italics as *...*) or html (default: text); for citation styles and attribution').choices(CITE_FORMATS as unknown as string[]));
    factsOption(cmd);
  },
  async run(ctx, args, opts) {
    const { io } = ctx;
    const note = opts.note === true;
    const style = citeStyleNamed(opts.style as string | undefined) ?? (note ? NOTE_STYLES[0]! : DEFAULT_CITE_STYLE);
    if (note && !NOTE_STYLES.includes(style)) throw new UsageError(`--note prints the notes of a notes style (${NOTE_STYLES.join(', ')}); ${style} has none`);
    const given = opts.format as CiteFormat | undefined;
    if (given && isExportStyle(style)) throw new UsageError(`--format does not apply to --style ${style}, which is a file format of its own`);
    const ids = args.length === 1 && args[0] === '-' ? await readIds(ctx) : args;
    const base = await loadCommandFacts(ctx, opts);
    // An alias or title stands for its fact (or source), as in zgc stat.
    const accept = { facts: true, sources: true };
    const resolved = ids.map((id) => {
      const r = resolveId(base, id, accept);
      return r ? (r.kind === 'fact' ? r.fact.id : r.source.id) : id;
    });
    const { sources, unknown } = selectSources(base, resolved);
    // Citations of the ids found are printed even when others are unknown; the exit code says some were not.
    for (const id of unknown) io.error(`zgc: no fact or source "${visibleInline(id)}"${didYouMean(await suggestIds(base, id, accept))}\n`);
    for (const s of sources) if (s.kind === 'ai-generated') io.error(`zgc: warning: source "${visibleInline(s.id)}" is AI-generated\n`);
    if (sources.length) {
      const { renderCitations, renderNotes } = await import('../cite/render.js');
      io.write(note && isCslStyle(style) ? await renderNotes(sources, style, given ?? 'text') : await renderCitations(sources, style, given ?? 'text'));
    }
    return unknown.length ? EXIT_NOT_FOUND : EXIT_OK;
  },
};

async function readIds({ io }: Context): Promise<string[]> {
  const input = await io.readStdin();
  if (input === null) throw new UsageError('"zgc cite -" reads ids from stdin, but stdin is a terminal: pipe ids in, one per line');
  const ids = input.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!ids.length) throw new UsageError('no input: stdin held no id');
  return ids;
}
