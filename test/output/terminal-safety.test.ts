/**
 * Property: whatever text a fact file, a query or a file name holds, zgc's
 * output never carries a raw control character other than newline and tab,
 * nor a bidi override; with colour on, the only escapes are zgc's own SGR codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { factsDirWith } from '../helpers/tmp.js';
import { visible, visibleInline } from '../../src/output/sanitize.js';

const HOSTILE = [
  '\x1b[31m', '\x1b[2J', '\x1b[H', '\x1b]0;pwned\x07', '\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\',
  '\r', '\b', '\x00', '\x7f', '\x85', '\x9b', '\u202e', '\u2066', '\u200f', '\x07', '\x0b', '\f',
];

/** Text drawn from ordinary characters and hostile sequences alike. */
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ minLength: 1, maxLength: 6 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim().length > 0 && !s.includes('<fill in>'));

// Our own colour codes: SGR sequences only.
const stripOwnColour = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function yamlString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function factsWith(title: string, quote: string, publisher: string): string {
  return factsDirWith({
    'f.yaml': `sources:
  - id: src-a
    title: ${yamlString(title)}
    publisher: ${yamlString(publisher)}
    published: 2024
    kind: news
    notes: ${yamlString(quote)}
facts:
  - id: fact-a
    title: ${yamlString(title)}
    statement: ${yamlString(quote)}
    display: ${yamlString(title)}
    aliases: [${yamlString(publisher)}]
    sources:
      - source: src-a
        quote: ${yamlString(quote)}
`,
  });
}

const COMMANDS = [
  ['stat', 'fact-a'],
  ['list'],
  ['search', 'fact'],
  ['sources'],
  ['source', 'src-a'],
];
const FORMATS = ['table', 'plain', 'tsv', 'csv', 'json', 'ndjson'];

describe('terminal safety', () => {
  it('makes every control character visible', () => {
    expect(visibleInline('a\x1b[2Jb\r\n\t\u202e')).toBe('a\\x1b[2Jb\\r\\n\\t\\u202e');
    expect(visible('a\nb\tc\x07')).toBe('a\nb\tc\\x07');
  });

  it('no command in any format lets a raw control character through', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, hostileText, async (title, quote, publisher) => {
        const dir = factsWith(title, quote, publisher);
        for (const argv of COMMANDS) {
          for (const format of FORMATS) {
            if ((argv[0] === 'stat' || argv[0] === 'source') && ['tsv', 'csv', 'ndjson'].includes(format)) continue;
            const plain = await runZgc([...argv, '--facts', dir, '--format', format]);
            expect(plain.stdout + plain.stderr, `${argv.join(' ')} --format ${format}`).not.toMatch(RAW);
            cases++;
          }
          const coloured = await runZgc([...argv, '--facts', dir, '--format', 'table'], { stdoutIsTTY: true });
          expect(stripOwnColour(coloured.stdout + coloured.stderr)).not.toMatch(RAW);
        }
      }),
      { numRuns: 40 },
    );
    expect(cases).toBeGreaterThan(40 * 20);
  }, 120_000);

  it('a hostile query or file name is shown escaped on stderr', async () => {
    const r = await runZgc(['stat', 'no\x1b[2Jsuch\u202efact', '--facts', factsWith('t', 'q', 'p')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no\\x1b[2Jsuch\\u202efact');
    expect(r.stderr).not.toMatch(RAW);
    const badName = factsDirWith({ 'evil\x1b[31m.yaml': 'facts: [\n' });
    const load = await runZgc(['list', '--facts', badName]);
    expect(load.code).toBe(2);
    expect(load.stderr).toContain('evil\\x1b[31m.yaml');
    expect(load.stderr).not.toMatch(RAW);
  });
});
