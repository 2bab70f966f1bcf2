/**
 * A facts directory's vocabulary: what its subject calls the same thing by
 * other words (synonyms, abbreviations, a subject's other names). It lives in
 * vocabulary.yaml at the directory's root, is validated with the facts (the
 * schema's `vocabulary` key), and is all check and the fuzzy lookup know of a
 * subject's words: the code holds none.
 *
 * A lookup from the cache does not parse YAML: the vocabulary is kept in the
 * cache under the file's SHA-256 (the catalog knows it), and parsed again only
 * when that file changed.
 */
import path from 'node:path';
import { readRegularFile } from './read.js';
import { MAX_FILE_BYTES } from './yaml-safety.js';
import type { FactBase } from './types.js';
import { catalogOf, DiskCatalog } from './catalog.js';
import { CacheFile, jsonSection, KIND_VOCABULARY, writeContainer } from './cache.js';
import { loadParseTools, parseFactFile, VOCABULARY_FILE, type RawVocabulary } from './parse.js';

/** One group of words or phrases that mean the same thing, as written. */
export interface VocabularyGroup {
  phrases: string[];
  /** A group naming a subject (from `names`): a query naming another subject is about something else. */
  names: boolean;
}

export interface Vocabulary {
  groups: VocabularyGroup[];
  /** Identifies the vocabulary for caches of what is made from it: the file's hash, '' for none. */
  key: string;
}

export const EMPTY_VOCABULARY: Vocabulary = { groups: [], key: '' };

/** The groups a vocabulary file writes, in its order: synonyms, then abbreviations, then names. */
export function vocabularyGroups(raw: RawVocabulary): VocabularyGroup[] {
  const groups: VocabularyGroup[] = [];
  for (const g of raw.synonyms ?? []) groups.push({ phrases: [...g], names: false });
  for (const [short, long] of Object.entries(raw.abbreviations ?? {})) groups.push({ phrases: [short, long], names: false });
  for (const [name, others] of Object.entries(raw.names ?? {})) groups.push({ phrases: [name, ...others], names: true });
  return groups;
}

const memo = new WeakMap<FactBase, Promise<Vocabulary>>();

/** The vocabulary of a loaded base: none when its directory has no vocabulary.yaml. */
export function vocabularyOf(base: FactBase): Promise<Vocabulary> {
  let v = memo.get(base);
  if (!v) memo.set(base, (v = readVocabulary(base)));
  return v;
}

async function readVocabulary(base: FactBase): Promise<Vocabulary> {
  const catalog = catalogOf(base);
  if (catalog instanceof DiskCatalog) {
    const entry = catalog.contents.find(([rel]) => rel === VOCABULARY_FILE);
    if (!entry) return EMPTY_VOCABULARY;
    const hash = entry[1];
    const file = path.join(catalog.cacheDir, `vocabulary-${hash}.zgc`);
    const stored = readStored(file);
    if (stored) return { groups: stored, key: hash };
    const groups = await parseVocabulary(path.join(base.dir, VOCABULARY_FILE));
    if (groups) writeContainer(file, KIND_VOCABULARY, [jsonSection(groups)]);
    return { groups: groups ?? [], key: hash };
  }
  // Loaded without the cache: the loader has parsed (and accepted) the file if it is there.
  const groups = await parseVocabulary(path.join(base.dir, VOCABULARY_FILE));
  return groups ? { groups, key: 'memory' } : EMPTY_VOCABULARY;
}

/** The groups of a vocabulary file; null when it cannot be read (the loader has reported why). */
async function parseVocabulary(file: string): Promise<VocabularyGroup[] | null> {
  const read = readRegularFile(file, MAX_FILE_BYTES);
  if ('problem' in read) return null;
  const parsed = parseFactFile(read.bytes, file, await loadParseTools());
  if (parsed.problems.length) return null;
  return parsed.vocabulary ? vocabularyGroups(parsed.vocabulary) : [];
}

/** A stored vocabulary, checked field by field: nothing read from the cache is trusted. */
function readStored(file: string): VocabularyGroup[] | null {
  const f = CacheFile.open(file, KIND_VOCABULARY);
  if (!f) return null;
  const data = f.sectionCount === 1 ? f.json(0) : null;
  f.close();
  if (!Array.isArray(data)) return null;
  for (const g of data as unknown[]) {
    const group = g as { phrases?: unknown; names?: unknown } | null;
    if (!group || typeof group !== 'object' || typeof group.names !== 'boolean' || !Array.isArray(group.phrases)) return null;
    if (!group.phrases.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 100)) return null;
  }
  return data as VocabularyGroup[];
}
