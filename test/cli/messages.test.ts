import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';

// cli.ts escapes every message it prints; a command that escaped its own message too would print "\\x1b".
describe('a usage error naming an argument', () => {
  for (const argv of [
    ['list', '--period', '20\x1b[31m24'],
    ['stat', 'rnd-2024', '--field', 'ti\x1btle'],
  ]) {
    it(`shows the argument escaped once: zgc ${argv[0]} ${argv[1]}`, async () => {
      const r = await runZgc(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('\\x1b');
      expect(r.stderr).not.toContain('\\\\x1b');
      expect(r.stderr).not.toContain('\x1b');
    });
  }
});

// As for a command typed wrong, a value typed wrong gets the nearest value the option takes, on one line.
describe('a value an option does not take', () => {
  for (const [argv, line] of [
    [['cite', 'rnd-2024', '--style', 'chicgo'], 'zgc: --style: unknown value "chicgo"; did you mean "chicago"? (one of apa, mla, chicago-author-date, chicago-notes, harvard, vancouver, attribution, bibtex, ris, csl-json, chicago, chicago-notes-bibliography, csl, json)'],
    [['list', '--format', 'tabel'], 'zgc: --format: unknown value "tabel"; did you mean "table"? (one of table, plain, json, ndjson, tsv, csv)'],
    [['stat', 'rnd-2024', '--field', 'dispaly'], 'zgc: --field: unknown value "dispaly"; did you mean "display"? (one of id, title, statement, value, unit, display, bound, period, subject, aliases, tags, notes, disputed, sources)'],
    [['sources', '--field', 'publishr'], 'zgc: --field: unknown value "publishr"; did you mean "publisher"? (one of id, title, publisher, author, published, accessed, url, kind, via, archive, notes, facts)'],
    [['cite', 'rnd-2024', '--format', 'markdwn'], 'zgc: --format: unknown value "markdwn"; did you mean "markdown"? (one of text, markdown, html)'],
    [['stat', 'rnd-2024', '--cite', 'vancover'], 'zgc: --cite: unknown value "vancover"; did you mean "vancouver"? (one of apa, mla, chicago-author-date, chicago-notes, harvard, vancouver, attribution, bibtex, ris, csl-json, chicago, chicago-notes-bibliography, csl, json)'],
    [['check', '--only', 'supported,contradcted', 'draft.md'], 'zgc: --only: unknown value "contradcted"; did you mean "contradicted"? (one of supported, contradicted, disputed, unsupported)'],
    [['completion', 'zhs'], 'zgc: <shell>: unknown value "zhs"; did you mean "zsh"? (one of bash, zsh, fish)'],
    [['cite', 'rnd-2024', '--style', 'ieee'], 'zgc: --style: unknown value "ieee" (one of apa, mla, chicago-author-date, chicago-notes, harvard, vancouver, attribution, bibtex, ris, csl-json, chicago, chicago-notes-bibliography, csl, json)'],
  ] as const) {
    it(`zgc ${argv.join(' ')}`, async () => {
      const r = await runZgc([...argv]);
      expect(r).toEqual({ code: 2, stdout: '', stderr: line + '\n' });
    });
  }
});
