/**
 * JSON for stdout. JSON.stringify escapes C0 controls but leaves DEL, C1
 * codes, bidi overrides and line separators raw, which a terminal would act
 * on; they are written as \u escapes instead: the same data, nothing raw.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function toJson(value: unknown, pretty = false): string {
  return JSON.stringify(value, null, pretty ? 2 : undefined).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One document, pretty-printed, with its newline. */
export function jsonDocument(value: unknown): string {
  return toJson(value, true) + '\n';
}

/** One object per line. */
export function jsonLines(values: unknown[]): string {
  return values.map((v) => toJson(v) + '\n').join('');
}
