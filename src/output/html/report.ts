/**
 * What the HTML report is made from: zgc check's JSON result for each claim
 * (claimJson, the documented shape), the words that tied it to its fact, the
 * drafts' text, and of the facts only what the claims name: each fact's title,
 * and each source's citation, kind and where a republished copy was found.
 */
import path from 'node:path';
import type { FactBase } from '../../facts/types.js';
import type { CheckedClaim } from '../../check/verdict/check.js';
import type { CiteStyle } from '../../cite/styles.js';
import { claimJson, countVerdicts, sourceLabel, type CheckedFile, type ClaimJson, type Counts } from '../check.js';
import { sourceCaveat } from '../../cite/short.js';
import { citationsHtml } from './citations.js';

export interface ReportClaim extends ClaimJson {
  /** The claim's number on the page: its mark is #claim-N, its note #note-N. */
  id: number;
  /** The draft's words that tied the figure to its fact, most telling first. */
  words: string[];
}

export interface ReportDraft {
  file: string;
  text: string;
  /** Rendered as Markdown; otherwise as plain text, paragraph by paragraph. */
  markdown: boolean;
  claims: ReportClaim[];
  counts: Counts;
}

export interface ReportSource {
  id: string;
  /** What a reader must know before trusting it: "AI-generated", "republication, via ..."; null for most. */
  caveat: string | null;
  /** Publisher and date, as zgc check's lines name a source. */
  label: string;
  /** The formatted citation, HTML made safe (citations.ts). */
  citation: string;
}

export interface Report {
  drafts: ReportDraft[];
  counts: Counts;
  /** The facts directory, as zgc names files: relative to the working directory when it is under it. */
  factsDir: string;
  factCount: number;
  checkedAt: Date;
  style: CiteStyle;
  factTitles: Map<string, string>;
  sources: Map<string, ReportSource>;
  version: string;
}

export interface ReportFile extends CheckedFile {
  text: string;
  /** Words tying each claim to its fact (tyingWords), where it has one. */
  words: Map<CheckedClaim, string[]>;
}

export interface ReportOptions {
  cwd: string;
  factCount: number;
  checkedAt: Date;
  style: CiteStyle;
  version: string;
  shown: (r: CheckedClaim) => boolean;
}

function shownDir(dir: string, cwd: string): string {
  const relative = path.relative(cwd, dir);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

/** Drafts ending in .txt or .text are plain text; any other (and stdin) is read as Markdown, as zgc check reads it. */
export function isPlainText(file: string): boolean {
  return /\.te?xt$/i.test(file);
}

export async function buildReport(files: readonly ReportFile[], base: FactBase, options: ReportOptions): Promise<Report> {
  let next = 1;
  const drafts: ReportDraft[] = files.map((f) => ({
    file: f.file,
    text: f.text,
    markdown: !isPlainText(f.file),
    claims: f.results.filter(options.shown).map((r) => ({ ...claimJson(f.file, r, base), id: next++, words: f.words.get(r) ?? [] })),
    counts: countVerdicts([f]),
  }));
  const claims = drafts.flatMap((d) => d.claims);
  const factTitles = new Map<string, string>();
  for (const c of claims) {
    const fact = c.fact === null ? undefined : base.factById.get(c.fact);
    if (fact) factTitles.set(fact.id, fact.title);
  }
  const cited = [...new Set(claims.flatMap((c) => c.sources.map((s) => s.id)))].flatMap((id) => base.sourceById.get(id) ?? []);
  const citations = await citationsHtml(cited, options.style);
  const sources = new Map<string, ReportSource>(
    cited.map((s) => [s.id, { id: s.id, caveat: sourceCaveat(s), label: sourceLabel(s, s.id), citation: citations.get(s.id) ?? '' }]),
  );
  return { drafts, counts: countVerdicts([...files]), factsDir: shownDir(base.dir, options.cwd), factCount: options.factCount, checkedAt: options.checkedAt, style: options.style, factTitles, sources, version: options.version };
}
