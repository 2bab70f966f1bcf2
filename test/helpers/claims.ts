import { expect } from 'vitest';
import type { Claim } from '../../src/check/claims/claim.js';
import { extractClaims } from '../../src/check/claims/extract.js';

export const claims = (text: string, markdown = true): Claim[] => extractClaims(text, { markdown }).claims;
export const one = (text: string): Claim => {
  const found = claims(text);
  expect(found, `claims in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
};
export const texts = (text: string) => claims(text).map((c) => c.text);
