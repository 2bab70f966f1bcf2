/**
 * The shipped fact base, as people ask for it: realistic queries (typos
 * included) must answer with the intended fact. These pairs were checked by
 * hand against the articles; they test the data, so they live apart from the
 * fixture-based tests of the code.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';

const SHIPPED = path.resolve(__dirname, '../../facts');

const QUERIES: [string, string][] = [
  ['rnd-2024', 'rnd-2024'],
  ['rnd 2O24', 'rnd-2024'],
  ['R&D spending 2024', 'rnd-2024'],
  ['R&D spnding 2024', 'rnd-2024'],
  ['R&D spending in dollars', 'rnd-2024-usd'],
  ['R&D growth 2024', 'rnd-2024-growth'],
  ['how many robots at the forum', 'zgc-2025-robots'],
  ['how many robts', 'zgc-2025-robots'],
  ['ZGC forum 2025 theme', 'zgc-2025-theme'],
  ['zhongguancun forum theme', 'zgc-2025-theme'],
  ['GII rank', 'global-innovation-index-rank-2024'],
  ['how many guests at the ZGC Forum', 'zgc-2025-guests'],
  ['how many events ZGC Forum 2025', 'zgc-2025-events'],
  ['when is the ZGC Forum 2025', 'zgc-2025-dates'],
  ['when was the ZGC Forum established', 'zgc-forum-founded'],
  ['Beijing national high-tech enterprises 2024', 'beijing-high-tech-enterprises-2024'],
  ['retail sales growth 2024', 'retail-sales-2024-growth'],
  ['how many skilled workers in China', 'skilled-workers'],
  ['valid invention patents', 'valid-invention-patents'],
  ['ZGC Forum 2023 theme', 'zgc-2023-theme'],
  ['how many agreements signed', 'zgc-2025-cooperation-agreements'],
  ['AstraZeneca investment Beijing', 'astrazeneca-beijing-investment'],
  ['PCT applications growth', 'pct-applications-growth'],
];

describe('the shipped facts', () => {
  it('answer the queries people type with the intended fact', async () => {
    const r = await runZgc(['stat', '-', '--field', 'id', '--facts', SHIPPED], { stdin: QUERIES.map(([q]) => q).join('\n') + '\n' });
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(QUERIES.map(([, id]) => id));
    expect(r.code).toBe(0);
  });

  it('give China’s 2024 R&D expenditure as the articles do, with both currency conversions shown', async () => {
    const rnd = JSON.parse((await runZgc(['stat', 'rnd-2024', '--json', '--facts', SHIPPED])).stdout);
    expect(rnd.fact).toMatchObject({ value: 3.6e12, unit: 'CNY', display: '3.6 trillion yuan', period: '2024', disputed: false });
    expect(rnd.fact.sources.length).toBeGreaterThanOrEqual(2);
    const usd = JSON.parse((await runZgc(['stat', 'rnd-2024-usd', '--json', '--facts', SHIPPED])).stdout);
    expect(usd.fact.disputed).toBe(true);
    expect(usd.fact.sources.map((s: { value: number }) => s.value).sort()).toEqual([494.69e9, 502e9]);
  });

  it('pass lint with no errors and no warnings', async () => {
    const r = await runZgc(['lint', '--facts', SHIPPED]);
    expect(r.stdout).toBe('no problems found\n');
    expect(r.code).toBe(0);
  });
});
