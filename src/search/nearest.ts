/**
 * "Did you mean": the name closest to what was typed, among a few known names
 * (an option's values, a file's fields). Close is a word the typed text begins
 * (three letters at least), else the fewest edits within a budget that grows
 * with the length typed, by the edit distance the fuzzy lookup uses.
 */
import { editDistance } from './terms.js';

/** The most edits a typed name of this length may carry and still have a nearest name. */
function budget(length: number): number {
  return length <= 3 ? 1 : length < 8 ? 2 : 3;
}

/** The known name closest to `given` (case aside), or undefined when none is close; ties go to the earlier name. */
export function nearestName(given: string, names: readonly string[]): string | undefined {
  const typed = given.trim().toLowerCase();
  if (!typed) return undefined;
  const maxD = budget(typed.length);
  let best: string | undefined;
  let bestD = Infinity;
  for (const name of names) {
    const known = name.toLowerCase();
    const d = known === typed ? 0 : typed.length >= 3 && known.startsWith(typed) ? 0.5 : editDistance(typed, known, maxD);
    if (d <= maxD && d < bestD) {
      best = name;
      bestD = d;
    }
  }
  return best;
}
