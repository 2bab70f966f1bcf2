/** Property tests: no bytes and no YAML structure makes the loader crash; it answers with facts or positioned problems. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadParseTools, parseFactFile } from '../../src/facts/parse.js';

const RUNS = 300;

function expectCleanResult(bytes: Uint8Array) {
  return loadParseTools().then((tools) => {
    const r = parseFactFile(bytes, 'fuzz.yaml', tools);
    for (const p of r.problems) {
      expect(p.file).toBe('fuzz.yaml');
      expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
      expect(Number.isInteger(p.col) && p.col >= 1).toBe(true);
      expect(p.message.length).toBeGreaterThan(0);
    }
    // Either it loaded, or it said why; never both half-way.
    if (r.problems.length) expect(r.facts.length + r.sources.length).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
}

/** YAML-ish text: the tokens that make parsers and validators work hard. */
const yamlToken = fc.constantFrom(
  'sources:', 'facts:', '\n', '  ', '- ', 'id: ', 'title: ', 'value: ', 'period: ', 'kind: news', 'published: ', 'source: ', 'quote: ',
  '[', ']', '{', '}', ', ', '"', "'", '&a ', '*a', '!!binary ', '<<: ', '#', '---\n', '%YAML 1.1\n', '\t', '__proto__: ', '1e400', '.nan',
  '2025-02-30', '9007199254740993', 'no', 'null', '~', '|', '>-', '\r\n', '\uFEFF', 'x-1', 'é', '\u202e', '\x00',
);

describe('loader fuzzing', () => {
  it(`random bytes (${RUNS} cases)`, async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), expectCleanResult), { numRuns: RUNS });
  });

  it(`random YAML-like token soup (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(yamlToken, { maxLength: 60 }), (tokens) => expectCleanResult(Buffer.from(tokens.join('')))),
      { numRuns: RUNS },
    );
  });

  it(`random structured documents (${RUNS} cases)`, async () => {
    const { stringify } = await import('yaml');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('id', 'title', 'value', 'sources', 'facts', 'quote', 'kind', 'published', 'x'), tie('node'), { maxKeys: 5 })),
    })).node;
    const doc = fc.record({ sources: fc.array(value, { maxLength: 3 }), facts: fc.array(value, { maxLength: 3 }) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(doc, (d) => expectCleanResult(Buffer.from(stringify(d)))), { numRuns: RUNS });
  });

  it('deep nesting of every bracket kind never aborts', async () => {
    for (const open of ['[', '{', '- ', '  a:\n']) {
      await expectCleanResult(Buffer.from('facts: ' + open.repeat(20000)));
    }
  });
});
