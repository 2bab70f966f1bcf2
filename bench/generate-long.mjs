/**
 * A second synthetic fact base, of another vocabulary shape than
 * generate.mjs's, so that one corpus cannot flatter the benchmark's figures:
 *
 * - longer made-up words (3 to 6 syllables of 2 to 4 letters: 8 to 20
 *   letters, where generate.mjs makes 4 to 12), so that a typo is looked for
 *   two edits away and over more words of each length;
 * - a larger lexicon (20,000 words) and subjects named by two made-up words
 *   and a kind ("Velmoraskin Dravostelin Cooperative");
 * - titles of 9 to 14 words: a qualifier, a measure of two or three words, a
 *   subject and a district, and a period; facts of one subject differ by
 *   their qualifier or their period alone ("Gross ..." and "Net ...");
 * - other field distributions: a year for 60% of facts, a month for 25%, a
 *   quarter (an interval) for 15%; a subject for 80%; 0 to 3 aliases; 2 to 5
 *   tags; statements of 15 to 35 words.
 *
 * Misspelled queries are a fact's title (half of them with the period
 * written as "Q3 2014" or "March 2014" differently from the title) or its
 * subject, measure and period, with one to three typos in long words.
 * Deterministic: the same size and seed give the same bytes.
 *
 *   node bench/generate-long.mjs DIR [FACTS] [SEED]
 */
import { pathToFileURL } from 'node:url';
import { cap, FACTS_PER_FILE, makeWords, q, rng, slug, typo, writeGenerated, yamlFacts, yamlSources } from './generate.mjs';

const COMMON = `the of and to in a is that for on with as by at from was were has have had been this it its their which
more than about over under new first year month district region national municipal provincial cooperative registered
reported according bulletin dataset survey directorate commission authority consortium federation chamber
estimated provisional revised adjusted seasonally preliminary final cumulative quarterly monthly annual
throughput consignments tonnage licences permits inspections enrolments admissions dispatches installations`.split(/\s+/);

const QUALIFIERS = ['Gross', 'Net', 'Registered', 'Provisional', 'Seasonally adjusted', 'Cumulative', 'Audited', 'Estimated'];
const MEASURES = [
  ['freight consignment tonnage', 'tonne', 'tonnes'], ['licensed cooperative memberships', 'count', 'members'], ['apprenticeship enrolment intake', 'count', 'apprentices'],
  ['geothermal heating capacity', 'megawatt', 'megawatts'], ['desalination plant output', 'cubic-metre', 'cubic metres'], ['orchard irrigation allocations', 'cubic-metre', 'cubic metres'],
  ['textile export receipts', 'EUR', 'euros'], ['ferry passenger crossings', 'count', 'crossings'], ['veterinary clinic inspections', 'count', 'inspections'],
  ['municipal bond redemptions', 'USD', 'dollars'], ['archive digitisation throughput', 'count', 'pages'], ['seismic monitoring stations', 'count', 'stations'],
  ['wetland restoration area', 'hectare', 'hectares'], ['microgrid battery installations', 'count', 'installations'], ['pharmaceutical dispatch volumes', 'count', 'parcels'],
  ['tidal turbine generation', 'gigawatt-hour', 'gigawatt-hours'], ['cadastral survey completions', 'count', 'surveys'], ['fisheries quota utilisation', 'percent', 'percent'],
  ['workshop occupancy rate', 'percent', 'percent'], ['tram network ridership', 'count', 'riders'], ['observatory visitor admissions', 'count', 'visitors'],
  ['cold storage warehouse capacity', 'cubic-metre', 'cubic metres'], ['broadband fibre connections', 'count', 'connections'], ['vocational certificate awards', 'count', 'certificates'],
  ['household composting participation', 'percent', 'percent'], ['hydrological gauge readings', 'count', 'readings'], ['customs clearance delays', 'count', 'delays'],
  ['reforestation seedling plantings', 'count', 'seedlings'], ['ambulance dispatch response', 'count', 'dispatches'], ['heritage building renovations', 'count', 'buildings'],
  ['semiconductor wafer starts', 'count', 'wafers'], ['rooftop photovoltaic permits', 'count', 'permits'], ['sovereign fund disbursements', 'CNY', 'yuan'],
  ['maritime pilotage movements', 'count', 'movements'], ['laboratory accreditation renewals', 'count', 'renewals'], ['dairy cooperative collections', 'tonne', 'tonnes'],
  ['district heating connections', 'count', 'connections'], ['glacier monitoring expeditions', 'count', 'expeditions'], ['translation bureau commissions', 'count', 'commissions'],
  ['rail freight interchange volumes', 'teu', 'containers'], ['public library digitisation grants', 'EUR', 'euros'], ['hydrogen refuelling station openings', 'count', 'stations'],
];
const KINDS = ['Cooperative', 'Directorate', 'Consortium', 'Federation', 'Observatory', 'Conservatory', 'Polytechnic', 'Commission', 'Syndicate', 'Municipality', 'Prefecture', 'Chamber'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const QUARTER_WORDS = ['first', 'second', 'third', 'fourth'];
const BOUNDS = ['exact', 'about', 'more-than', 'at-least', 'nearly', 'at-most'];
const BOUND_WORDS = { exact: '', about: 'about ', 'more-than': 'more than ', 'at-least': 'at least ', nearly: 'nearly ', 'at-most': 'at most ' };
const PUBLISHERS = ['Meridian Gazette', 'Continental Dispatch', 'Lowland Courier', 'Plateau Herald', 'Statistical Bulletin Weekly', 'Estuary Chronicle'];
const SOURCE_KINDS = ['news', 'news', 'official-data', 'official-data', 'press-release', 'commentary', 'republication'];

const SYL = ['vel', 'mora', 'skin', 'dra', 'vos', 'tel', 'quin', 'tal', 'bren', 'dor', 'ast', 'elu', 'mir', 'kov', 'sha', 'pel', 'trin', 'gar', 'ond', 'ulv', 'feth', 'ris', 'nam', 'cor', 'bel', 'lith', 'aro', 'vin', 'stel', 'hask', 'mun', 'ide', 'ker', 'oth', 'zar', 'ple', 'gwen', 'tho', 'rav', 'esk'];

/** Made-up words, distinct, of 3 to 6 syllables and at least 8 letters. */
const longWords = (r, n, seen) => makeWords(r, n, seen, { syllables: SYL, fewest: 3, spread: 4, shortest: 8 });

function figure(r, unit, noun) {
  if (unit === 'percent') {
    const v = Math.round(r.next() * 10000) / 100;
    return { value: v, display: `${v}%` };
  }
  const mag = r.pick([1e2, 1e3, 1e4, 1e5, 1e6, 1e8]);
  const v = Math.round((1 + r.next() * 9) * mag);
  return { value: v, display: `${v >= 1e6 ? `${Math.round(v / 1e5) / 10} million` : v.toLocaleString('en-US')} ${noun}` };
}

/** A period: a year (60%), a month (25%) or a quarter (15%), with how a title writes it and how a query may write it otherwise. */
function period(r) {
  const year = 2001 + r.int(25);
  const x = r.next();
  if (x < 0.6) return { value: year, key: String(year), title: `in ${year}`, query: String(year) };
  if (x < 0.85) {
    const m = r.int(12);
    const mm = String(m + 1).padStart(2, '0');
    return { value: `${year}-${mm}`, key: `${year}-${mm}`, title: `in ${MONTH_NAMES[m]} ${year}`, query: r.next() < 0.5 ? `${MONTH_NAMES[m]} ${year}` : `${year}-${mm}` };
  }
  const k = r.int(4);
  const from = String(3 * k + 1).padStart(2, '0');
  const to = String(3 * k + 3).padStart(2, '0');
  return { value: { from: `${year}-${from}`, to: `${year}-${to}` }, key: `${year}-q${k + 1}`, title: `in the ${QUARTER_WORDS[k]} quarter of ${year}`, query: `Q${k + 1} ${year}` };
}

/** Builds the base in memory, as generate.mjs's generate() does. */
export function generate(total, seed = 11) {
  const r = rng(seed);
  const seen = new Set(COMMON);
  const names = longWords(r, Math.max(600, Math.round(total / 8)), seen).map(cap);
  const lexicon = longWords(r, 20000, seen);
  const districts = longWords(r, 300, seen).map(cap);
  // Subjects: two made-up words and a kind; a few hundred facts share each name word.
  const entities = Array.from({ length: Math.max(300, Math.round(total / 20)) }, () => `${r.pick(names)} ${r.pick(names)} ${r.pick(KINDS)}`);
  const files = {};
  const json = { sources: [], facts: [] };
  const facts = [];
  const usedIds = new Set();
  const usedKeys = new Set();
  const words = (n) => Array.from({ length: n }, () => (r.next() < 0.6 ? r.pick(lexicon) : r.pick(COMMON))).join(' ');

  const nFiles = Math.ceil(total / FACTS_PER_FILE);
  let made = 0;
  for (let fi = 0; fi < nFiles; fi++) {
    const count = Math.min(FACTS_PER_FILE, total - made);
    const sources = [];
    for (let i = 0; i < Math.ceil(count / 6); i++) {
      const pub = r.pick(PUBLISHERS);
      const src = {
        id: `${slug(pub)}-${fi}-${i}`,
        title: cap(words(6 + r.int(6))),
        publisher: pub,
        author: Array.from({ length: 1 + r.int(3) }, () => `${cap(r.pick(lexicon))} ${r.pick(names)}`),
        published: `20${10 + r.int(15)}-${String(1 + r.int(12)).padStart(2, '0')}`,
        url: `https://${slug(pub)}.example/${fi}/${i}`,
        kind: r.pick(SOURCE_KINDS),
      };
      if (src.kind === 'republication') src.via = `${pub} syndication`;
      sources.push(src);
    }
    const fileFacts = [];
    while (fileFacts.length < count) {
      const entity = r.pick(entities);
      const district = r.pick(districts);
      const [measure, unit, noun] = r.pick(MEASURES);
      const qualifier = r.pick(QUALIFIERS);
      const p = period(r);
      const key = `${entity}|${district}|${qualifier}|${measure}|${p.key}`;
      if (usedKeys.has(key)) continue;
      usedKeys.add(key);
      const title = `${qualifier} ${measure} of the ${entity} at ${district} ${p.title}`;
      let id = `${slug(entity.split(' ').slice(0, 2).join(' '))}-${slug(qualifier)}-${slug(measure.split(' ').slice(0, 2).join(' '))}-${slug(p.key)}`;
      if (usedIds.has(id)) id += `-${slug(district)}`;
      if (usedIds.has(id)) id += `-${fileFacts.length}`;
      usedIds.add(id);
      const { value, display } = figure(r, unit, noun);
      const bound = r.pick(BOUNDS);
      const statement = `The ${entity} reported ${BOUND_WORDS[bound]}${display} of ${qualifier.toLowerCase()} ${measure} at ${district} ${p.title}, ${words(8 + r.int(18))}.`;
      const cites = [];
      for (let c = 0; c < 1 + (r.next() < 0.4 ? 1 : 0) + (r.next() < 0.1 ? 1 : 0); c++) {
        const s = r.pick(sources);
        if (cites.some((x) => x.source === s.id)) continue;
        cites.push({ source: s.id, quote: `${words(4 + r.int(6))} ${BOUND_WORDS[bound]}${display} ${words(3 + r.int(8))}.` });
      }
      const aliases = [];
      for (let a = r.int(4); a > 0; a--) aliases.push(`${r.pick(lexicon)} ${measure.split(' ')[r.int(measure.split(' ').length)]} ${p.key}`);
      const tags = new Set([slug(measure.split(' ')[0]), slug(entity.split(' ')[2])]);
      for (let t = r.int(4); t > 0; t--) tags.add(slug(r.pick(lexicon)));
      const fact = {
        id,
        title,
        statement,
        value,
        unit,
        display,
        bound,
        period: p.value,
        ...(r.next() < 0.8 && { subject: `${entity} of ${district}` }),
        aliases: [...new Set(aliases)],
        tags: [...tags],
        sources: cites,
        _query: { entity, district, qualifier, measure, period: p },
      };
      fileFacts.push(fact);
      facts.push(fact);
    }
    made += count;
    const name = `records/${String(fi % 10)}/batch-${String(fi).padStart(4, '0')}.yaml`;
    files[name] = yamlSources(sources) + yamlFacts(fileFacts);
    json.sources.push(...sources);
    json.facts.push(...fileFacts.map(({ _query, ...f }) => ({ ...f, period: typeof f.period === 'object' ? `${f.period.from}/${f.period.to}` : f.period })));
  }

  // Misspelled queries: the title (the period as the title writes it or otherwise), or
  // qualifier, measure, subject and period; one to three typos in words of 5+ letters.
  const queries = [];
  for (let i = 0; i < 200 && facts.length; i++) {
    const f = facts[r.int(facts.length)];
    const { entity, district, qualifier, measure, period: p } = f._query;
    const x = r.next();
    const text = x < 0.35 ? f.title : x < 0.7 ? `${qualifier} ${measure} of the ${entity} at ${district} ${p.query}` : `${entity} ${district} ${qualifier.toLowerCase()} ${measure} ${p.query}`;
    const ws = text.split(' ');
    const long = ws.map((w, k) => [w, k]).filter(([w]) => w.length >= 5 && !/\d/.test(w) && !MONTH_NAMES.includes(w));
    const typos = Math.min(long.length, 1 + r.int(3));
    for (let t = 0; t < typos; t++) {
      const [w, k] = long.splice(r.int(long.length), 1)[0];
      ws[k] = typo(r, w);
    }
    queries.push({ query: ws.join(' '), id: f.id });
  }
  for (const f of facts) delete f._query;

  // A 2,000-word draft: sentences quoting facts, and filler.
  const draft = [];
  let n = 0;
  while (n < 2000 && facts.length) {
    const f = facts[r.int(facts.length)];
    const s = r.next() < 0.6 ? `${f.title} reached ${f.display}.` : `${cap(words(12 + r.int(12)))}.`;
    draft.push(s);
    n += s.split(' ').length;
  }
  return { files, json, queries, ids: facts.map((f) => f.id), draft: draft.join(' ') + '\n' };
}

/** Writes a generated base under dir, as generate.mjs's writeBase does. */
export function writeBase(dir, total, seed = 11) {
  return writeGenerated(dir, generate(total, seed));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, n = '1000', seed = '11'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/generate-long.mjs DIR [FACTS] [SEED]');
    process.exit(2);
  }
  const out = writeBase(dir, Number(n), Number(seed));
  console.log(`${out.ids.length} facts in ${out.files.length} files under ${out.factsDir}`);
}
