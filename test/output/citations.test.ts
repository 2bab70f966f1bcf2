/**
 * Each citation shows its own quote, and a source a fact cites twice is listed
 * once with all its quotes: in stat cards, check evidence and list. Dates read
 * as prose in cards and check lines; JSON keeps ISO. Scripts get every version
 * of a disputed fact and the sources' ids from --field.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { periodText, dateText } from '../../src/output/dates.js';

const TWICE = path.resolve(__dirname, '../fixtures/twice');
const zgc = (args: string[], env: NodeJS.ProcessEnv = {}) => runZgc([...args, '--facts', TWICE], { env: { COLUMNS: '200', ...env } });

describe('a source cited twice by one fact', () => {
  it('is listed once on the card, with each of its quotes', async () => {
    const r = await zgc(['stat', 'regatta-dates-2025', '--format', 'table']);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain('“The regatta opened on March 27 on the north quay.”');
    expect(text).toContain('“Held from March 27 to 31, the regatta is hosted by the harbour board and the rowing clubs of the bay.”');
    expect(text.match(/Regatta returns to the quay/g)).toHaveLength(1);
    expect(text).toContain('[1] Ines Varga, “Regatta returns to the quay”, Quay Herald, March 21, 2025');
    expect(text).toContain('[2] “Sails over the quay”, Tide Weekly, April 2025');
    expect(text).not.toContain('[3]');
    // Both quotes stand under [1], before [2].
    expect(text.indexOf('Held from March 27')).toBeLessThan(text.indexOf('[2]'));
  });

  it('keeps each quote with its own version when the fact is disputed', async () => {
    const text = (await zgc(['stat', 'regatta-boats-2025', '--format', 'table'])).stdout;
    const lines = text.split('\n');
    const about = lines.findIndex((l) => l.includes('about 300 boats (2025)'));
    const more = lines.findIndex((l) => l.includes('more than 320 boats (2025)'));
    expect(lines.slice(about + 1, more).filter((l) => l.startsWith('        “'))).toEqual([
      '        “Some 300 boats took to the water.”',
      '        “Organisers counted about 300 boats at the start line.”',
    ]);
    expect(lines.slice(more + 1).some((l) => l.includes('“More than 320 boats were entered.”'))).toBe(true);
  });

  it('gives every quote of a source as check evidence', async () => {
    const checked = await runZgc(['check', '-', '--json', '--facts', TWICE], { stdin: 'About 300 boats raced in the 2025 Quay Regatta.\n' });
    const claim = JSON.parse(checked.stdout).claims.find((c: { fact: string }) => c.fact === 'regatta-boats-2025');
    const herald = claim.sources.find((s: { id: string }) => s.id === 'quay-herald-regatta');
    expect(herald.quotes).toEqual(['Some 300 boats took to the water.', 'Organisers counted about 300 boats at the start line.']);
    expect(claim.sources.filter((s: { id: string }) => s.id === 'quay-herald-regatta')).toHaveLength(1);
  });

  it("names the source once in list's sources column and in --field sources", async () => {
    const tsv = (await zgc(['list', '--format', 'tsv'])).stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(tsv.find((r) => r[0] === 'regatta-dates-2025')![4]).toBe('quay-herald-regatta tide-weekly-regatta');
    expect((await zgc(['stat', 'regatta-dates-2025', '--field', 'sources'])).stdout).toBe('quay-herald-regatta,tide-weekly-regatta\n');
    expect((await zgc(['list', '--field', 'sources'])).stdout).toBe('quay-herald-regatta,tide-weekly-regatta\nquay-herald-regatta,tide-weekly-regatta\n');
  });
});

describe('dates as prose', () => {
  it('writes periods as a reader expects them', () => {
    expect(periodText('2025-03-27/2025-03-31')).toBe('March 27–31, 2025');
    expect(periodText('2025-03-30/2025-04-02')).toBe('March 30 – April 2, 2025');
    expect(periodText('2024-12-30/2025-01-02')).toBe('December 30, 2024 – January 2, 2025');
    expect(periodText('2021/2023')).toBe('2021–2023');
    expect(periodText('2024-11')).toBe('November 2024');
    expect(dateText('2025-03-21')).toBe('March 21, 2025');
  });

  it('in cards and check lines, while JSON and pipes keep ISO 8601', async () => {
    expect((await zgc(['stat', 'regatta-dates-2025', '--format', 'table'])).stdout).toContain('\n  March 27–31, 2025\n');
    const json = JSON.parse((await zgc(['stat', 'regatta-dates-2025', '--json'])).stdout);
    expect(json.fact.period).toBe('2025-03-27/2025-03-31');
    expect((await zgc(['stat', 'regatta-dates-2025', '--format', 'plain'])).stdout).toContain('period\t2025-03-27/2025-03-31\n');
    const checked = await runZgc(['check', '-', '--facts', TWICE], { stdin: 'The 2025 Quay Regatta was held from April 2 to 6.\n' });
    expect(checked.stdout).toContain('March 27–31, 2025');
    expect(checked.stdout).not.toContain('2025-03-27/2025-03-31');
  });
});

describe('--field and the pipe formats on a disputed fact', () => {
  const VERSIONS = 'disputed: about 300 boats (quay-herald-regatta) | more than 320 boats (tide-weekly-regatta)';
  it('print every version with its sources, one way', async () => {
    expect((await zgc(['stat', 'regatta-boats-2025', '--field', 'display'])).stdout).toBe(VERSIONS + '\n');
    expect((await zgc(['stat', 'regatta-boats-2025', '--field', 'value'])).stdout).toBe('disputed: 300 (quay-herald-regatta) | 320 (tide-weekly-regatta)\n');
    expect((await zgc(['stat', 'regatta-boats-2025', '--field', 'bound'])).stdout).toBe('disputed: about (quay-herald-regatta) | more-than (tide-weekly-regatta)\n');
    expect((await zgc(['stat', 'regatta-boats-2025', '--format', 'plain'])).stdout).toContain(`value\t${VERSIONS}\n`);
    const tsv = (await zgc(['list', '--format', 'tsv'])).stdout;
    expect(tsv).toContain(`\t${VERSIONS}\t`);
    const csv = (await zgc(['list', '--format', 'csv'])).stdout;
    expect(csv).toContain(`,${VERSIONS},`);
    expect((await zgc(['list', '--disputed', '--field', 'display'])).stdout).toBe(VERSIONS + '\n');
    // A batch keeps its lines aligned: the disputed answer is not an empty line.
    const batch = await runZgc(['stat', '-', '--field', 'display', '--facts', TWICE], { stdin: 'regatta-boats-2025\nno such regatta thing\n' });
    expect(batch.stdout).toBe(VERSIONS + '\n\n');
  });
});
