/**
 * `zgc stat <query> --cite STYLE`: the answer, then the citations of its
 * sources in that style, as plain text. The engine loads only under --cite.
 */
import { Option, type Command } from 'commander';
import type { Fact, FactBase } from '../facts/types.js';
import { UsageError } from '../errors.js';
import { sourcesOfFacts } from './select.js';
import { citeStyleNamed, STYLE_NAMES, type CiteStyle } from './styles.js';

export function citeOption(cmd: Command): Command {
  return cmd.addOption(new Option('--cite <style>', 'after the answer, cite its sources in this style (see zgc cite --help)').choices(STYLE_NAMES as string[]));
}

/** The style asked for, if any; citations follow the answer only in the table and plain formats. */
export function readCiteStyle(opts: Record<string, unknown>, format: string, field: string | undefined): CiteStyle | undefined {
  const style = citeStyleNamed(opts.cite as string | undefined);
  if (style === undefined) return undefined;
  if (field !== undefined) throw new UsageError('--cite and --field disagree: give one');
  if (format !== 'table' && format !== 'plain') throw new UsageError(`--cite prints citations after the answer in table or plain output, not ${format}; for data use "zgc cite <id> --style csl-json"`);
  return style;
}

/** A blank line, then the citations of every source of the facts found (none when nothing was found). */
export async function citeFacts(base: FactBase, facts: Fact[], style: CiteStyle): Promise<string> {
  const sources = sourcesOfFacts(base, facts);
  if (!sources.length) return '';
  const { renderCitations } = await import('./render.js');
  return '\n' + (await renderCitations(sources, style, 'text'));
}
