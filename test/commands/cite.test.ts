import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { runZgc } from '../helpers/io.js';

const FACTS = path.resolve(__dirname, '../fixtures/cite');
const zgc = (argv: string[], options: Parameters<typeof runZgc>[1] = {}) => runZgc([...argv, '--facts', FACTS], options);

const LEDGER_APA = 'Ortiz, A., & Howard, B. (2025, March 21). Mill town reopens its riverside ledger hall. The Riverside Ledger. https://ledger.example/mill';
const FERRY_APA = 'Ferry crossings double as bridge stays shut. (2024, November). Coastline Times. https://coastline.example/ferry';
const ORCHARD_APA = 'Zhou, L. (n.d.). Orchard growers count a record harvest. Orchard Daily.';

describe('zgc cite', () => {
  it('cites a source id in APA by default', async () => {
    const r = await zgc(['cite', 'ledger-mill']);
    expect(r).toEqual({ code: 0, stdout: LEDGER_APA + '\n', stderr: '' });
  });

  it('cites every source of a fact id', async () => {
    const r = await zgc(['cite', 'ferry-trips-2024']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${FERRY_APA}\n${LEDGER_APA}\n`);
  });

  it('gives several ids one sorted bibliography, each source once', async () => {
    const r = await zgc(['cite', 'harvest-2024', 'ledger-mill', 'ferry-trips-2024']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${FERRY_APA}\n${LEDGER_APA}\n${ORCHARD_APA}\n`);
  });

  it('reports an unknown id on stderr with exit 1 and still cites the ids it knows', async () => {
    const r = await zgc(['cite', 'ledger-mill', 'no-such-thing']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(LEDGER_APA + '\n');
    expect(r.stderr).toBe('zgc: no fact or source "no-such-thing"\n');
  });

  it('prints nothing when no id is known', async () => {
    const r = await zgc(['cite', 'nothing', 'nothing-either']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'zgc: no fact or source "nothing"\nzgc: no fact or source "nothing-either"\n' });
  });

  it('writes Markdown with italics and HTML with <i>', async () => {
    const md = await zgc(['cite', 'orchard-harvest', '--style', 'chicago-notes', '--format', 'markdown']);
    expect(md.stdout).toBe('Zhou, Lanfang. “Orchard Growers Count a Record Harvest.” *Orchard Daily*, n.d.\n');
    const html = await zgc(['cite', 'orchard-harvest', '--style', 'harvard', '--format', 'html']);
    expect(html.stdout).toBe(
      '<div class="csl-bib-body">\n  <div class="csl-entry">Zhou, L. (no date) ‘Orchard growers count a record harvest’, <i>Orchard Daily</i>.</div>\n</div>\n',
    );
  });

  it('gives the newsroom attribution', async () => {
    const r = await zgc(['cite', 'ledger-mill', '--style', 'attribution']);
    expect(r.stdout).toBe('according to the Riverside Ledger (March 21, 2025)\n');
  });

  it('reads ids from stdin with "-"', async () => {
    const r = await zgc(['cite', '-', '--style', 'vancouver'], { stdin: 'orchard-harvest\n\nledger-mill\n' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('1. Zhou L. Orchard growers count a record harvest. Orchard Daily.');
    expect(r.stdout.split('\n')[1]).toMatch(/^2\. Ortiz A, Howard B\./);
  });

  it('warns on stderr when a source is AI-generated', async () => {
    const r = await zgc(['cite', 'harbour-summary', '--style', 'attribution']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('according to Summary Bot (2025)\n');
    expect(r.stderr).toBe('zgc: warning: source "ai-summary" is AI-generated\n');
  });

  it('--note prints Chicago full notes (chicago-notes is its style), in the order given; other styles have none', async () => {
    const r = await zgc(['cite', 'orchard-harvest', 'ledger-mill', '--note']);
    expect(r).toEqual({
      code: 0,
      stdout:
        'Lanfang Zhou, “Orchard Growers Count a Record Harvest,” Orchard Daily, n.d.\n' +
        'Ana Ortiz and Ben Howard, “Mill Town Reopens Its Riverside Ledger Hall,” The Riverside Ledger, March 21, 2025, https://ledger.example/mill.\n',
      stderr: '',
    });
    expect((await zgc(['cite', 'orchard-harvest', '--note', '--style', 'chicago-notes'])).stdout).toBe('Lanfang Zhou, “Orchard Growers Count a Record Harvest,” Orchard Daily, n.d.\n');
    const apa = await zgc(['cite', 'orchard-harvest', '--note', '--style', 'apa']);
    expect(apa).toEqual({ code: 2, stdout: '', stderr: 'zgc: --note prints the notes of a notes style (chicago-notes); apa has none\n' });
  });

  it('refuses --format with a file format and an unknown style', async () => {
    const bib = await zgc(['cite', 'ledger-mill', '--style', 'bibtex', '--format', 'html']);
    expect(bib.code).toBe(2);
    expect(bib.stdout).toBe('');
    expect(bib.stderr).toBe('zgc: --format does not apply to --style bibtex, which is a file format of its own\n');
    const unknown = await zgc(['cite', 'ledger-mill', '--style', 'ieee']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^zgc: --style: unknown value "ieee" \(one of apa, mla, /);
  });

  it('lists the styles in --help', async () => {
    const r = await runZgc(['cite', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('"apa", "mla", "chicago-author-date", "chicago-notes", "harvard", "vancouver", "attribution", "bibtex", "ris", "csl-json"');
  });
});

describe('zgc stat --cite', () => {
  it('prints the answer, a blank line, then the citations of its sources', async () => {
    const r = await zgc(['stat', 'ferry-trips-2024', '--format', 'plain', '--cite', 'mla']);
    expect(r.code).toBe(0);
    const [answer, citations] = r.stdout.split('\n\n');
    expect(answer).toMatch(/^id\tferry-trips-2024\n/);
    expect(citations).toBe(
      '“Ferry Crossings Double as Bridge Stays Shut.” Coastline Times, Nov. 2024, https://coastline.example/ferry.\n' +
        'Ortiz, Ana, and Ben Howard. “Mill Town Reopens Its Riverside Ledger Hall.” The Riverside Ledger, 21 Mar. 2025, https://ledger.example/mill.\n',
    );
  });

  it('cites after the table too, and not at all for a miss', async () => {
    const r = await zgc(['stat', 'harvest-2024', '--format', 'table', '--cite', 'attribution']);
    expect(r.stdout.endsWith('\n\naccording to the Riverside Ledger (March 21, 2025)\naccording to Orchard Daily\n')).toBe(true);
    const miss = await zgc(['stat', 'quantum eels', '--cite', 'apa']);
    expect(miss.code).toBe(1);
    expect(miss.stdout).toBe('');
  });

  it('refuses --cite with data formats and --field', async () => {
    const json = await zgc(['stat', 'harvest-2024', '--json', '--cite', 'apa']);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^zgc: --cite prints citations after the answer in table or plain output, not json/);
    const field = await zgc(['stat', 'harvest-2024', '--field', 'id', '--cite', 'apa']);
    expect(field.code).toBe(2);
  });
});

describe('start-up cost', () => {
  it('reaches citeproc-js and the style files only through dynamic imports', async () => {
    const result = await build({
      entryPoints: [path.resolve(__dirname, '../../src/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      external: ['citeproc'],
      logLevel: 'silent',
      define: { 'import.meta.url': '"file:///zgc.cjs"' },
    });
    const inputs = result.metafile.inputs;
    const eager = new Set<string>();
    const visit = (file: string) => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const i of inputs[file]?.imports ?? []) if (i.kind !== 'dynamic-import') visit(i.path);
    };
    visit(Object.keys(inputs).find((f) => f.endsWith('src/main.ts'))!);
    expect([...eager].some((f) => f.endsWith('src/cite/styles.ts'))).toBe(true);
    expect([...eager].filter((f) => f === 'citeproc' || /src\/cite\/(engine|render)\.ts$|src\/cite\/csl-files\//.test(f))).toEqual([]);
  });
});

const SHIPPED = path.resolve(__dirname, '../../facts');

describe('style names', () => {
  it('take "chicago" as Chicago author-date, in cite --style and stat --cite', async () => {
    const alias = await runZgc(['cite', 'rnd-2024', '--style', 'chicago', '--facts', SHIPPED]);
    const full = await runZgc(['cite', 'rnd-2024', '--style', 'chicago-author-date', '--facts', SHIPPED]);
    expect(alias.code).toBe(0);
    expect(alias.stdout).toBe(full.stdout);
    const stat = await runZgc(['stat', 'rnd-2024', '--cite', 'chicago', '--facts', SHIPPED]);
    expect(stat.code).toBe(0);
  });
});
