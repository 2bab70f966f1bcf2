import { loadFacts } from '../../src/facts/load.js';
import { vocabularyOf } from '../../src/facts/vocabulary.js';
import { buildIndex, type FactIndex } from '../../src/check/align/fact-index.js';
import { Terms } from '../../src/check/align/terms.js';

/** check's index of a facts directory, read with the directory's own vocabulary, as `zgc check --no-cache` reads it. */
export async function checkIndexOf(dir: string): Promise<FactIndex> {
  const base = await loadFacts(dir);
  return buildIndex(base, new Terms((await vocabularyOf(base)).groups));
}
