/**
 * Parses one facts file into typed sources and facts, with every problem the
 * file has on its own (syntax, schema, dates, numbers), each at its position.
 * Checks that need the whole directory (duplicate ids, references) live in
 * load.ts.
 */
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Loc, Problem } from '../errors.js';
import type { Citation, Fact, FactFile, Source } from './types.js';
import { checkNesting, decodeUtf8, MAX_FILE_BYTES } from './yaml-safety.js';
import schema from '../../schema/facts.schema.json';
import { nearestName } from '../search/nearest.js';

type Yaml = typeof import('yaml');

/** What `zgc new` writes for a required value not given yet; the loader refuses it. */
export const PLACEHOLDER = '<fill in>';
type Path = (string | number)[];

export interface ParsedFile extends FactFile {
  problems: Problem[];
  /** The vocabulary a vocabulary.yaml holds, as written. */
  vocabulary?: RawVocabulary;
}

/** A vocabulary as the file writes it (see vocabulary.ts). */
export interface RawVocabulary {
  synonyms?: string[][];
  abbreviations?: Record<string, string>;
  names?: Record<string, string[]>;
}

/** The one file of a facts directory that may hold a vocabulary, at its root. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

export interface ParseTools {
  yaml: Yaml;
  validate: ValidateFunction;
}

let parseTools: Promise<ParseTools> | null = null;

/** Loads the YAML parser and compiles the schema, once per process and only when a file must be parsed. */
export function loadParseTools(): Promise<ParseTools> {
  parseTools ??= compileParseTools();
  return parseTools;
}

async function compileParseTools(): Promise<ParseTools> {
  const [yaml, ajvModule] = await Promise.all([import('yaml'), import('ajv')]);
  const Ajv = (ajvModule as unknown as { default: typeof import('ajv').default }).default ?? ajvModule;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  return { yaml, validate: ajv.compile(schema) };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseFactFile(bytes: Uint8Array, file: string, tools: ParseTools): ParsedFile {
  const problems: Problem[] = [];
  const result: ParsedFile = { file, sources: [], facts: [], problems };
  const fail = (line: number, col: number, message: string) => {
    problems.push({ file, line, col, severity: 'error', message });
    return result;
  };
  if (bytes.length > MAX_FILE_BYTES) return fail(1, 1, `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  const decoded = decodeUtf8(bytes);
  if ('message' in decoded) {
    const prefix = bytes.subarray(0, decoded.offset);
    const lineStart = prefix.lastIndexOf(0x0a) + 1;
    return fail(prefix.filter((b) => b === 0x0a).length + 1, decoded.offset - lineStart + 1, decoded.message);
  }
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  const { yaml } = tools;
  const lineCounter = new yaml.LineCounter();
  const at = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  const nesting = checkNesting(text);
  if (nesting) {
    // Positions come from the text itself: the parser is not run on it.
    const before = text.slice(0, nesting.offset);
    const line = before.split('\n').length;
    return fail(line, nesting.offset - before.lastIndexOf('\n'), nesting.message);
  }

  const directive = repeatedYamlDirective(text);
  if (directive) return fail(directive.line, 1, 'a second %YAML directive: a file declares its YAML version once');

  let doc: Document.Parsed;
  try {
    doc = yaml.parseDocument(text, {
      lineCounter,
      schema: 'core',
      version: '1.2',
      merge: false,
      uniqueKeys: true,
      strict: true,
      prettyErrors: false,
      keepSourceTokens: false,
      stringKeys: false,
    });
  } catch (err) {
    return fail(1, 1, `cannot parse: ${(err as Error).message.split('\n')[0]}`);
  }
  for (const e of doc.errors) {
    const { line, col } = at(e.pos[0]);
    // The core schema knows no tags such as !!timestamp; say so rather than what the tag would expect.
    const tag = text[e.pos[0]] === '!' ? /^\S+/.exec(text.slice(e.pos[0]))?.[0] : undefined;
    fail(line, col, tag ? `tag "${tag}" is not allowed` : yamlMessage(e.code, e.message));
  }
  if (problems.length) return result;

  const structural = checkStructure(doc, yaml, at, file, text);
  if (structural.length) {
    problems.push(...structural);
    return result;
  }
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (yaml.isScalar(contents) && contents.value === null)) {
    return fail(1, 1, 'the file is empty: a facts file is a mapping with "sources:" and/or "facts:"');
  }
  if (!yaml.isMap(contents)) {
    const { line, col } = at(contents.range?.[0] ?? 0);
    return fail(line, col, 'a facts file must be a mapping with "sources:" and/or "facts:", not a ' + (yaml.isSeq(contents) ? 'list' : 'scalar'));
  }
  const data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;

  const locOf = (path: Path, key?: string): Loc => {
    const node = nodeAt(doc, yaml, path, key);
    const { line, col } = at(node?.range?.[0] ?? 0);
    return { file, line, col };
  };

  const schemaErrors = validateInChunks(data, tools.validate);
  if (schemaErrors.length) {
    for (const e of simplifyErrors(schemaErrors)) {
      const path = pointerToPath(e.instancePath);
      const key = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
      const loc = locOf(path, key);
      problems.push({ ...loc, severity: 'error', message: schemaMessage(e, path) });
    }
  }
  checkValues(data, locOf, problems);
  if (problems.length) return result;

  const raw = data as { sources?: RawSource[]; facts?: RawFact[]; vocabulary?: RawVocabulary };
  if (raw.vocabulary !== undefined) {
    const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    if (name !== VOCABULARY_FILE) {
      const loc = locOf([], 'vocabulary');
      return fail(loc.line, loc.col, `a vocabulary belongs in ${VOCABULARY_FILE} at the root of the facts directory`);
    }
    result.vocabulary = raw.vocabulary;
  }
  result.sources = (raw.sources ?? []).map((s, i) => toSource(s, locOf(['sources', i])));
  result.facts = (raw.facts ?? []).map((f, i) => toFact(f, locOf(['facts', i]), (j) => locOf(['facts', i, 'sources', j]), (j) => locOf(['facts', i, 'sources', j, 'quote'])));
  return result;
}

/** Items of a top-level list validated per call: see validateInChunks. */
const CHUNK = 256;

/**
 * Validates a file's data, its long lists a chunk at a time. Ajv's generated
 * code gathers the errors of a list's items by concatenating each item's
 * errors to all before them, so one call over a list of n broken items costs
 * n^2 (100,000 facts each missing a field took minutes); a chunk bounds that
 * to CHUNK^2 a chunk, so errors cost linear time. Paths are as one call gives.
 */
function validateInChunks(data: Record<string, unknown>, validate: ValidateFunction): ErrorObject[] {
  const lists = (['sources', 'facts'] as const).filter((k) => Array.isArray(data[k]) && (data[k] as unknown[]).length > CHUNK);
  if (!lists.length) return validate(data) ? [] : [...(validate.errors ?? [])];
  // The file itself, with each long list cut to its first chunk; then the rest of each list, a chunk at a time.
  const head: Record<string, unknown> = { ...data };
  for (const k of lists) head[k] = (data[k] as unknown[]).slice(0, CHUNK);
  const errors: ErrorObject[] = validate(head) ? [] : [...(validate.errors ?? [])];
  for (const k of lists) {
    const items = data[k] as unknown[];
    for (let from = CHUNK; from < items.length; from += CHUNK) {
      if (validate({ [k]: items.slice(from, from + CHUNK) })) continue;
      const prefix = `/${k}/`;
      for (const e of validate.errors ?? []) {
        if (!e.instancePath.startsWith(prefix)) continue;
        const rest = e.instancePath.slice(prefix.length);
        const slash = rest.indexOf('/');
        const index = Number(slash < 0 ? rest : rest.slice(0, slash)) + from;
        errors.push({ ...e, instancePath: prefix + index + (slash < 0 ? '' : rest.slice(slash)) });
      }
    }
  }
  return errors;
}

/**
 * The line of a second %YAML directive before the document starts, which YAML
 * forbids and the parser lets pass (the file would then read as empty).
 */
function repeatedYamlDirective(text: string): { line: number } | null {
  if (!text.startsWith('%') && !text.includes('\n%')) return null;
  let seen = false;
  let line = 0;
  for (const l of text.split('\n', 1000)) {
    line++;
    if (l.startsWith('---') || (l.trim() !== '' && !l.startsWith('%') && !l.startsWith('#'))) return null;
    if (/^%YAML(\s|$)/.test(l)) {
      if (seen) return { line };
      seen = true;
    }
  }
  return null;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return first.replace(/^Map keys must be unique/, 'duplicate key');
  if (code === 'TAB_AS_INDENT') return 'tab used for indentation: indent with spaces';
  if (code === 'MULTIPLE_DOCS') return 'a second YAML document: a facts file holds one document';
  return first;
}

/** Anchors, aliases, tags, merge keys and prototype keys are refused where they stand. */
function checkStructure(doc: Document.Parsed, yaml: Yaml, at: (o: number) => { line: number; col: number }, file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const report = (node: { range?: [number, number, number] | null } | null | undefined, message: string, offset?: number) => {
    const { line, col } = at(offset ?? node?.range?.[0] ?? 0);
    problems.push({ file, line, col, severity: 'error', message });
  };
  // A node's range starts at its content; its anchor or tag stands before it.
  const before = (node: YamlNode, marker: string) => {
    const start = node.range?.[0] ?? 0;
    const i = text.lastIndexOf(marker, start);
    return i >= 0 ? i : start;
  };
  yaml.visit(doc, {
    Alias(_, node) {
      report(node, `alias "*${node.source}" is not allowed: write the value out`);
    },
    Node(_, node) {
      const n = node as YamlNode & { anchor?: string; tag?: string };
      if (n.anchor) report(n, `anchor "&${n.anchor}" is not allowed`, before(n, `&${n.anchor}`));
      if (n.tag) {
        let at = before(n, '!');
        while (at > 0 && text[at - 1] === '!') at--;
        const written = /^\S+/.exec(text.slice(at))?.[0] ?? n.tag;
        report(n, `tag "${written}" is not allowed`, at);
      }
    },
    Pair(_, pair: Pair) {
      const key = pair.key as YamlNode | null;
      if (!yaml.isScalar(key) || typeof key.value !== 'string') {
        report(key, 'keys must be plain words');
        return;
      }
      if (key.value === '<<') report(key, 'merge key "<<" is not allowed: write the fields out');
      else if (FORBIDDEN_KEYS.has(key.value)) report(key, `key "${key.value}" is not allowed`);
    },
  });
  return problems;
}

function nodeAt(doc: Document.Parsed, yaml: Yaml, path: Path, key?: string): YamlNode | null {
  let node = doc.contents as YamlNode | null;
  for (const seg of path) {
    if (yaml.isMap(node)) {
      const pair = node.items.find((p) => yaml.isScalar(p.key) && p.key.value === seg);
      if (!pair) return node;
      node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (yaml.isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  if (key !== undefined && yaml.isMap(node)) {
    const pair = node.items.find((p) => yaml.isScalar(p.key) && p.key.value === key);
    if (pair) return pair.key as YamlNode;
  }
  return node;
}

function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Ajv reports every branch of a failed oneOf; a person wants one line saying
 * what the field should be. Keep the oneOf error and drop its branches.
 */
function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  // Paths looked up by their prefixes (a few per error), so that many errors cost linear time.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  /** Whether a oneOf error stands at the path or above it (strictly above, with `above`). */
  const oneOfAt = (p: string, above: boolean) => {
    if (!oneOfPaths.size) return false;
    if (!above && oneOfPaths.has(p)) return true;
    for (let i = p.lastIndexOf('/'); i >= 0; i = p.lastIndexOf('/', i - 1)) {
      if (oneOfPaths.has(p.slice(0, i))) return true;
      if (i === 0) break;
    }
    return false;
  };
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'oneOf') {
      // Only the outermost oneOf speaks for a field.
      if (oneOfAt(e.instancePath, true)) return false;
    } else if (oneOfAt(e.instancePath, false)) {
      return false;
    }
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') return `${String(path[path.length - 2] ?? 'item')}[${last}]`;
  return last === undefined ? 'the file' : `"${last}"`;
}

function schemaMessage(e: ErrorObject, path: Path): string {
  const field = fieldName(path);
  const described = (e.parentSchema as { description?: string } | undefined)?.description;
  if (e.data === PLACEHOLDER) return `${field} is still "${PLACEHOLDER}": replace it with the real text`;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const what = path[0] === 'sources' ? 'a source' : path.includes('sources') ? 'a source entry' : 'a fact';
      return `${what} needs "${missing}"`;
    }
    case 'additionalProperties': {
      // The fields the mapping takes, for "did you mean": a typo of one is the likeliest unknown field.
      const unknown = (e.params as { additionalProperty: string }).additionalProperty;
      const near = nearestName(unknown, Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}));
      return `unknown field "${unknown}"${near ? `; did you mean "${near}"?` : ''}`;
    }
    case 'type':
      return `${field} must be ${article((e.params as { type: string }).type)}`;
    case 'enum':
      return `${field} must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    case 'pattern':
    case 'oneOf':
      return `${field} must be ${described ? lowerFirst(described.replace(/\.$/, '')) : 'valid'}`;
    case 'minItems': {
      if (path[path.length - 1] === 'sources' && path.length > 1) return 'a fact needs at least one source: a fact without a source does not exist';
      const limit = (e.params as { limit: number }).limit;
      return limit > 1 ? `${field} needs at least ${limit} entries${path.includes('synonyms') ? ': a group of synonyms names two words or more' : ''}` : `${field} must not be empty`;
    }
    case 'minLength':
      return `${field} must not be empty`;
    case 'maxLength':
      return `${field} is longer than ${(e.params as { limit: number }).limit} characters`;
    case 'minProperties':
      return 'the file is empty: a facts file is a mapping with "sources:" and/or "facts:"';
    default:
      return `${field} ${e.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  if (type === 'integer') return 'a whole number';
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Real calendar dates and numbers a double can hold exactly: beyond what the schema can say. */
function checkValues(data: Record<string, unknown>, locOf: (p: Path) => Loc, problems: Problem[]): void {
  const walk = (value: unknown, path: Path) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push({ ...locOf(path), severity: 'error', message: `${fieldName(path)} must be a finite number` });
      else if (Number.isInteger(value) && !Number.isSafeInteger(value)) problems.push({ ...locOf(path), severity: 'error', message: `${fieldName(path)} is too large to hold exactly (over 2^53)` });
    } else if (typeof value === 'string') {
      const key = path[path.length - 1];
      if ((key === 'published' || key === 'accessed' || key === 'period' || key === 'from' || key === 'to') && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isCalendarDate(value)) {
        problems.push({ ...locOf(path), severity: 'error', message: `${fieldName(path)}: ${value} is not a date in the calendar` });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(data, []);
  const facts = Array.isArray(data.facts) ? data.facts : [];
  facts.forEach((f: unknown, i: number) => {
    const period = (f as { period?: unknown })?.period;
    if (period && typeof period === 'object' && !Array.isArray(period)) {
      const { from, to } = period as { from?: unknown; to?: unknown };
      if (from !== undefined && to !== undefined && String(from) > String(to)) {
        problems.push({ ...locOf(['facts', i, 'period']), severity: 'error', message: `"period" ends (${String(to)}) before it starts (${String(from)})` });
      }
    }
  });
}

export function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A source as the file writes it: one author or a list, a year as a number. */
type RawSource = Omit<Source, 'author' | 'published' | 'loc'> & { author?: string | string[]; published: string | number | null };
type RawCitation = Omit<Citation, 'loc' | 'quoteLoc'>;
/** A fact as the file writes it: a period may be a number or a from/to mapping. */
type RawFact = Omit<Fact, 'aliases' | 'tags' | 'period' | 'sources' | 'loc'> & {
  aliases?: string[];
  tags?: string[];
  period?: number | string | { from: string | number; to: string | number };
  sources: RawCitation[];
};

/** Fresh objects with only the known fields: nothing from the file is merged into anything. */
function toSource(s: RawSource, loc: Loc): Source {
  return {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    author: s.author === undefined ? [] : Array.isArray(s.author) ? [...s.author] : [s.author],
    published: s.published === null ? null : String(s.published),
    ...(s.accessed !== undefined && { accessed: s.accessed }),
    ...(s.url !== undefined && { url: s.url }),
    kind: s.kind,
    ...(s.via !== undefined && { via: s.via }),
    ...(s.archive !== undefined && { archive: s.archive }),
    ...(s.notes !== undefined && { notes: s.notes }),
    loc,
  };
}

export function formatPeriod(p: RawFact['period']): string | undefined {
  if (p === undefined) return undefined;
  if (typeof p === 'object') return `${String(p.from)}/${String(p.to)}`;
  return String(p);
}

function toFact(f: RawFact, loc: Loc, citationLoc: (i: number) => Loc, quoteLoc: (i: number) => Loc): Fact {
  return {
    id: f.id,
    title: f.title,
    statement: f.statement,
    ...(f.value !== undefined && { value: f.value }),
    ...(f.unit !== undefined && { unit: f.unit }),
    ...(f.display !== undefined && { display: f.display }),
    ...(f.bound !== undefined && { bound: f.bound }),
    ...(f.period !== undefined && { period: formatPeriod(f.period) }),
    ...(f.subject !== undefined && { subject: f.subject }),
    aliases: [...(f.aliases ?? [])],
    tags: [...(f.tags ?? [])],
    ...(f.notes !== undefined && { notes: f.notes }),
    sources: f.sources.map((c, i) => ({
      source: c.source,
      quote: c.quote,
      ...(c.value !== undefined && { value: c.value }),
      ...(c.unit !== undefined && { unit: c.unit }),
      ...(c.display !== undefined && { display: c.display }),
      ...(c.bound !== undefined && { bound: c.bound }),
      ...(c.notes !== undefined && { notes: c.notes }),
      loc: citationLoc(i),
      quoteLoc: quoteLoc(i),
    })),
    loc,
  };
}
