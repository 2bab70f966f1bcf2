import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import type { FactBase } from '../../src/facts/types.js';
import { selectSources } from '../../src/cite/select.js';
import { renderCitations } from '../../src/cite/render.js';
import { texEscape, toBibtex } from '../../src/cite/export.js';

let base: FactBase;
beforeAll(async () => {
  base = await loadFacts(path.resolve(__dirname, '../fixtures/cite'));
});
const sourcesOf = (ids: string[]) => selectSources(base, ids).sources;

describe('BibTeX', () => {
  it('writes newspaper articles as @article entries, sorted, with biblatex dates', async () => {
    expect(await renderCitations(sourcesOf(['orchard-harvest', 'ledger-mill', 'coastline-ferry']), 'bibtex', 'text')).toBe(`@article{coastline-ferry,
  title   = {{Ferry crossings double as bridge stays shut}},
  journal = {Coastline Times},
  year    = {2024},
  month   = nov,
  date    = {2024-11},
  url     = {https://coastline.example/ferry}
}

@article{ledger-mill,
  author  = {Ortiz, Ana and Howard, Ben},
  title   = {{Mill town reopens its riverside ledger hall}},
  journal = {The Riverside Ledger},
  year    = {2025},
  month   = mar,
  date    = {2025-03-21},
  url     = {https://ledger.example/mill},
  urldate = {2025-04-02}
}

@article{orchard-harvest,
  author  = {Zhou, Lanfang},
  title   = {{Orchard growers count a record harvest}},
  journal = {Orchard Daily}
}
`);
  });

  it('escapes TeX specials once and keeps organisations whole', () => {
    expect(texEscape('R&D 50% up_#1 {x} ~ ^ \\')).toBe('R\\&D 50\\% up\\_\\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    expect(
      toBibtex({ id: 'pr', type: 'report', title: 'Budget', publisher: 'Science and Technology Council', genre: 'Press release', author: [{ literal: 'Science and Technology Council' }] }),
    ).toBe(`@techreport{pr,
  author      = {{Science and Technology Council}},
  title       = {{Budget}},
  institution = {Science and Technology Council},
  type        = {Press release}
}
`);
  });
});

describe('RIS', () => {
  it('writes NEWS records with slash dates and an ER line each', async () => {
    expect(await renderCitations(sourcesOf(['ledger-mill', 'coastline-ferry']), 'ris', 'text')).toBe(`TY  - NEWS
TI  - Ferry crossings double as bridge stays shut
T2  - Coastline Times
PY  - 2024
DA  - 2024/11//
UR  - https://coastline.example/ferry
ID  - coastline-ferry
ER  - 

TY  - NEWS
AU  - Ortiz, Ana
AU  - Howard, Ben
TI  - Mill town reopens its riverside ledger hall
T2  - The Riverside Ledger
PY  - 2025
DA  - 2025/03/21/
UR  - https://ledger.example/mill
Y2  - 2025/04/02/
ID  - ledger-mill
ER  - 
`);
  });
});

describe('CSL-JSON', () => {
  it('is an array of items, even for one source', async () => {
    const out = JSON.parse(await renderCitations(sourcesOf(['orchard-harvest']), 'csl-json', 'text'));
    expect(out).toEqual([
      { id: 'orchard-harvest', type: 'article-newspaper', title: 'Orchard growers count a record harvest', 'container-title': 'Orchard Daily', author: [{ family: 'Zhou', given: 'Lanfang' }] },
    ]);
  });
});
