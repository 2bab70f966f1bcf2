import { describe, expect, it } from 'vitest';
import { factsDirWith, SOURCE_YAML } from '../helpers/tmp.js';
import { checkIndexOf } from '../helpers/check-index.js';
import { checkDraft } from '../../src/check/verdict/check.js';

// A made-up port town: its count of licensed shipyards, and the ferries at its regatta. Both figures count things
// the draft below might call "yards"; only one is about the regatta.
const FACTS = `facts:
  - id: port-licensed-shipyards-2024
    title: Licensed shipyards in Portmere in 2024
    statement: Portmere had 240 licensed deep-water shipyards in 2024.
    value: 240
    unit: count
    display: 240 licensed shipyards
    period: 2024
    subject: Portmere
    sources:
      - source: src-a
        quote: "Portmere had 240 licensed deep-water shipyards in 2024."
  - id: regatta-ferries-2024
    title: Ferries at the 2024 Portmere regatta
    statement: Forty ferries sailed in the 2024 Portmere regatta.
    value: 40
    unit: count
    display: 40 ferries
    period: 2024
    subject: Portmere regatta
    sources:
      - source: src-a
        quote: "Forty ferries sailed in the 2024 Portmere regatta."
`;

describe('a counted noun alone', () => {
  it('does not name a fact whose title says another kind of thing: no contradiction', async () => {
    const index = await checkIndexOf(factsDirWith({ 'sources.yaml': SOURCE_YAML, 'facts.yaml': FACTS }));
    const draft = 'We covered the 2024 Portmere regatta.\n\nBoats came from 12 Portmere shipyards along the coast.\n';
    const r = checkDraft(draft, index).find((c) => c.claim.text.includes('12'));
    expect(r?.verdict).toBe('unsupported');
  });

  it('still contradicts when the sentence names the rest of the title', async () => {
    const index = await checkIndexOf(factsDirWith({ 'sources.yaml': SOURCE_YAML, 'facts.yaml': FACTS }));
    const r = checkDraft('Portmere counted 250 licensed shipyards in 2024.\n', index).find((c) => c.claim.text.includes('250'));
    expect(r).toMatchObject({ verdict: 'contradicted', fact: { id: 'port-licensed-shipyards-2024' } });
  });
});
