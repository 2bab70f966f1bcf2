/**
 * Checks made on the raw bytes of a facts file before the YAML parser sees
 * them: the parser can exhaust the stack on pathological nesting, so size and
 * depth are bounded first, and the text must be valid UTF-8.
 */

/** Facts files larger than this are refused (documented in the README). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Deeper flow or block nesting than any facts file needs is refused. */
export const MAX_DEPTH = 64;
/**
 * The most values one file may hold, as counted by checkNesting (a key and its
 * value count two, an item of a list one): the parser's memory grows with the
 * number of values, not with bytes, and 8 MiB of tiny values took over a
 * gigabyte. A fact of the shipped kind is 30 to 40 values, so this is about
 * 6,000 facts, or 15,000 of the smallest a file can hold; at the limit a first
 * run peaks near 250 MB. A larger file is refused before it is parsed: split it.
 */
export const MAX_VALUES = 250_000;

export interface PreflightFailure {
  offset: number;
  message: string;
}

/** Decodes UTF-8 strictly, pointing at the first byte of the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | PreflightFailure {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { offset: 0, message: 'encoding error: the file is UTF-16; facts files must be UTF-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { offset: firstInvalidUtf8(bytes), message: 'encoding error: the file is not valid UTF-8' };
  }
}

/** One linear pass (RFC 3629): the offset of the first byte that does not start a valid sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}

/**
 * Scans for nesting deeper than MAX_DEPTH, counting flow brackets outside
 * quoted scalars and comments, and block indentation levels, and for more than
 * MAX_VALUES values (keys, values and list items: each ": " counts two, each
 * "- ", and in flow collections each bracket and comma, one). It errs on the
 * side of refusing: no real facts file comes near either limit.
 */
export function checkNesting(text: string): PreflightFailure | null {
  let depth = 0;
  let values = 0;
  const tooMany = (offset: number): PreflightFailure => ({ offset, message: `more than ${MAX_VALUES.toLocaleString('en-US')} values in one file: split it into smaller files` });
  let quote: '"' | "'" | null = null;
  let lineStart = true;
  let indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (lineStart) {
      let j = i;
      while (text[j] === ' ' || (text[j] === '-' && text[j + 1] === ' ')) {
        if (text[j] === '-') values++;
        j++;
      }
      if (text[j] !== '\n' && text[j] !== '\r' && text[j] !== '#' && j < text.length) {
        const indent = j - i;
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > MAX_DEPTH) return { offset: i, message: `nesting deeper than ${MAX_DEPTH} levels` };
      }
      lineStart = false;
    }
    if (c === '\n') {
      lineStart = true;
    } else if (c === ':' && (text[i + 1] === ' ' || text[i + 1] === '\n' || text[i + 1] === '\r' || i + 1 === text.length)) {
      values += 2;
      if (values > MAX_VALUES) return tooMany(i);
    } else if (c === ',' && depth > 0) {
      if (++values > MAX_VALUES) return tooMany(i);
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const prev = i === 0 ? '\n' : text[i - 1]!;
      if (/[\s\[{,:-]/.test(prev)) quote = c;
    } else if (c === '[' || c === '{') {
      depth++;
      if (++values > MAX_VALUES) return tooMany(i);
      if (depth + indents.length > MAX_DEPTH) return { offset: i, message: `nesting deeper than ${MAX_DEPTH} levels` };
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
    }
  }
  return null;
}
