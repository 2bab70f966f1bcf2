/** The verdicts zgc check gives a claim, in the order its summary counts them. Kept apart from check.ts so that declaring the command's options loads none of the checker. */
export type Verdict = 'supported' | 'contradicted' | 'disputed' | 'unsupported';
export const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'disputed', 'unsupported'];
