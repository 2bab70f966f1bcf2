import type { Loc } from '../errors.js';

export const SOURCE_KINDS = ['news', 'commentary', 'press-release', 'official-data', 'republication', 'ai-generated', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const BOUNDS = ['exact', 'about', 'more-than', 'at-least', 'nearly', 'at-most'] as const;
export type Bound = (typeof BOUNDS)[number];

/** One article. */
export interface Source {
  id: string;
  title: string;
  /** null when the article does not say who published it. */
  publisher: string | null;
  author: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  published: string | null;
  accessed?: string;
  url?: string;
  kind: SourceKind;
  via?: string;
  archive?: string;
  notes?: string;
  loc: Loc;
}

/** One article's support for a fact, with the article's own figure where it differs. */
export interface Citation {
  source: string;
  quote: string;
  value?: number;
  unit?: string;
  display?: string;
  bound?: Bound;
  notes?: string;
  loc: Loc;
  /** Where the quote stands, for lint's findings. */
  quoteLoc: Loc;
}

export interface Fact {
  id: string;
  title: string;
  statement: string;
  value?: number;
  unit?: string;
  display?: string;
  bound?: Bound;
  /** "2024", "2025-03-27" or an ISO 8601 interval "2025-03-27/2025-03-31". */
  period?: string;
  subject?: string;
  aliases: string[];
  tags: string[];
  notes?: string;
  sources: Citation[];
  loc: Loc;
}

/** What one facts file holds once parsed and validated on its own. */
export interface FactFile {
  file: string;
  sources: Source[];
  facts: Fact[];
}

export interface FactBase {
  dir: string;
  files: string[];
  facts: Fact[];
  sources: Source[];
  factById: Map<string, Fact>;
  sourceById: Map<string, Source>;
}
