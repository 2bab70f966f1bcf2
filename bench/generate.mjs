/**
 * Generates a synthetic fact base in zgc's schema: files of about 500 facts,
 * each file with the sources its facts cite, plus a shared file of wire
 * sources cited across files. The vocabulary is realistic in size: a few
 * hundred common words, a hundred metrics, and thousands of made-up names
 * and terms, so that words are shared between facts as in a real library.
 *
 * Also written: the same base as one JSON file (for jq), misspelled queries
 * with the fact each one means, and a 2,000-word draft for `zgc check`.
 * Deterministic: the same size and seed give the same bytes.
 *
 *   node bench/generate.mjs DIR [FACTS] [SEED]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const FACTS_PER_FILE = 500;

/** mulberry32: a small seeded generator, so that every run generates the same base. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  return { next, int, pick };
}

const COMMON = `the of and to in a is that for on with as by at from was were has have had been this it its their which
more than about over under new first last year years month city region national local public private total annual
reported according report data figures survey office ministry agency council company group university institute
said says showed shows rose fell grew increased decreased record higher lower share rate number average median
people residents visitors workers students patients households firms projects programme plan budget spending
investment growth output sales exports imports production capacity market services industry sector network
energy water transport housing health education research science technology innovation trade tourism culture`.split(/\s+/);

const METRICS = [
  ['visitors', 'count', 'visitors'], ['exhibitors', 'count', 'exhibitors'], ['revenue', 'USD', 'dollars'], ['exports', 'USD', 'dollars'],
  ['imports', 'EUR', 'euros'], ['research spending', 'CNY', 'yuan'], ['patent applications', 'count', 'applications'], ['employees', 'count', 'employees'],
  ['startups founded', 'count', 'startups'], ['students enrolled', 'count', 'students'], ['hospital beds', 'count', 'beds'], ['traffic deaths', 'count', 'deaths'],
  ['annual rainfall', 'millimetre', 'millimetres'], ['unemployment rate', 'percent', 'percent'], ['inflation rate', 'percent', 'percent'], ['population', 'count', 'people'],
  ['housing starts', 'count', 'homes'], ['electricity output', 'gigawatt-hour', 'gigawatt-hours'], ['solar capacity', 'megawatt', 'megawatts'], ['venture funding', 'USD', 'dollars'],
  ['tourist arrivals', 'count', 'arrivals'], ['hotel occupancy', 'percent', 'percent'], ['broadband subscribers', 'count', 'subscribers'], ['vehicle registrations', 'count', 'vehicles'],
  ['air passengers', 'count', 'passengers'], ['container throughput', 'teu', 'containers'], ['crop yield', 'tonne', 'tonnes'], ['water consumption', 'cubic-metre', 'cubic metres'],
  ['carbon emissions', 'tonne', 'tonnes'], ['forest cover', 'percent', 'percent'], ['graduates', 'count', 'graduates'], ['research papers', 'count', 'papers'],
  ['clinical trials', 'count', 'trials'], ['doctors per thousand', 'count', 'doctors'], ['museum attendance', 'count', 'visitors'], ['library loans', 'count', 'loans'],
  ['public debt', 'USD', 'dollars'], ['tax revenue', 'EUR', 'euros'], ['average wage', 'USD', 'dollars'], ['retail sales', 'USD', 'dollars'],
  ['factory output', 'percent', 'percent'], ['robot installations', 'count', 'robots'], ['data centres', 'count', 'data centres'], ['charging stations', 'count', 'stations'],
  ['bike lanes', 'kilometre', 'kilometres'], ['metro ridership', 'count', 'riders'], ['recycling rate', 'percent', 'percent'], ['noise complaints', 'count', 'complaints'],
  ['film releases', 'count', 'films'], ['book titles published', 'count', 'titles'], ['sports venues', 'count', 'venues'], ['conference delegates', 'count', 'delegates'],
  ['foreign investment', 'USD', 'dollars'], ['trade surplus', 'USD', 'dollars'], ['grain reserves', 'tonne', 'tonnes'], ['vaccination rate', 'percent', 'percent'],
  ['life expectancy', 'year', 'years'], ['literacy rate', 'percent', 'percent'], ['internet users', 'count', 'users'], ['mobile payments', 'USD', 'dollars'],
  ['satellite launches', 'count', 'launches'], ['semiconductor output', 'count', 'chips'], ['wind capacity', 'megawatt', 'megawatts'], ['nuclear output', 'gigawatt-hour', 'gigawatt-hours'],
  ['shipbuilding orders', 'count', 'ships'], ['railway length', 'kilometre', 'kilometres'], ['highway length', 'kilometre', 'kilometres'], ['port calls', 'count', 'calls'],
  ['pharmacy sales', 'USD', 'dollars'], ['insurance premiums', 'EUR', 'euros'], ['bank lending', 'CNY', 'yuan'], ['bond issuance', 'CNY', 'yuan'],
  ['scholarships awarded', 'count', 'scholarships'], ['exchange students', 'count', 'students'], ['science parks', 'count', 'parks'], ['incubators', 'count', 'incubators'],
  ['unicorn companies', 'count', 'companies'], ['listed companies', 'count', 'companies'], ['trademark filings', 'count', 'filings'], ['software exports', 'USD', 'dollars'],
  ['game revenue', 'USD', 'dollars'], ['streaming subscribers', 'count', 'subscribers'], ['festival attendance', 'count', 'visitors'], ['marathon runners', 'count', 'runners'],
  ['parking spaces', 'count', 'spaces'], ['green space', 'hectare', 'hectares'], ['new buildings', 'count', 'buildings'], ['affordable homes', 'count', 'homes'],
  ['school places', 'count', 'places'], ['nursery places', 'count', 'places'], ['elderly care beds', 'count', 'beds'], ['ambulance calls', 'count', 'calls'],
];

const KINDS = ['Expo', 'Forum', 'Institute', 'University', 'Port', 'City', 'Province', 'District', 'Group', 'Park', 'Academy', 'Authority', 'Festival', 'Summit', 'Hospital', 'Airport'];
const CONNECT = ['of', 'at', 'in', 'for'];
const BOUNDS = ['exact', 'about', 'more-than', 'at-least', 'nearly'];
const BOUND_WORDS = { exact: '', about: 'about ', 'more-than': 'more than ', 'at-least': 'at least ', nearly: 'nearly ' };
const PUBLISHERS = ['Harbor Daily', 'Valley Wire', 'Metro Ledger', 'Coastal Times', 'Northern Post', 'Capital Review', 'Evening Standard-Bearer', 'Tech Observer'];
const SOURCE_KINDS = ['news', 'news', 'news', 'official-data', 'press-release', 'commentary', 'republication'];

const SYL = ['ka', 'ri', 'to', 'nel', 'var', 'mo', 'sa', 'lin', 'dor', 'ben', 'tal', 'qui', 'zen', 'fa', 'lo', 'mer', 'sk', 'un', 'bra', 'vi', 'che', 'ost', 'pa', 'ru', 'den', 'hal', 'ko', 'mi', 'nor', 'el', 'gra', 'tu', 'wen', 'yo', 'xi', 'jar', 'pol', 'sev', 'an', 'dru'];

/**
 * Made-up words, distinct, of `fewest` to `fewest + spread - 1` syllables and at least `shortest` letters (this
 * corpus: 2 to 4 syllables from SYL, 4 letters; generate-long.mjs asks for longer ones from its own syllables).
 */
export function makeWords(r, n, seen = new Set(), { syllables = SYL, fewest = 2, spread = 3, shortest = 4 } = {}) {
  const out = [];
  while (out.length < n) {
    const k = fewest + r.int(spread);
    let w = '';
    for (let i = 0; i < k; i++) w += r.pick(syllables);
    if (w.length < shortest || seen.has(w)) continue;
    seen.add(w);
    out.push(w);
  }
  return out;
}

export const cap = (s) => s[0].toUpperCase() + s.slice(1);
export const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** YAML double-quoted scalar. */
export const q = (s) => JSON.stringify(s);

function figure(r, unit, noun) {
  if (unit === 'percent') {
    const v = Math.round(r.next() * 9000) / 100;
    return { value: v, display: `${v}%` };
  }
  if (unit === 'year') {
    const v = 60 + Math.round(r.next() * 250) / 10;
    return { value: v, display: `${v} years` };
  }
  const mag = r.pick([1e3, 1e4, 1e5, 1e6, 1e7, 1e9]);
  const base = Math.round((1 + r.next() * 9) * 10) / 10;
  const v = Math.round(base * mag);
  const words = mag >= 1e9 ? `${base} billion` : mag >= 1e6 ? `${Math.round(v / 1e5) / 10} million` : v.toLocaleString('en-US');
  return { value: v, display: `${words} ${noun}` };
}

/**
 * Builds the base in memory: files (relative path -> YAML text), the JSON
 * equivalent, queries and a draft.
 */
export function generate(total, seed = 7) {
  const r = rng(seed);
  const seen = new Set(COMMON);
  const names = makeWords(r, Math.max(400, Math.round(total / 12)), seen).map(cap);
  const lexicon = makeWords(r, 6000, seen);
  const entities = names.map((n) => `${n} ${r.pick(KINDS)}`);
  const files = {};
  const json = { sources: [], facts: [] };
  const facts = [];
  const usedIds = new Set();
  const usedTitles = new Set();

  // Wire sources: one shared file, cited from every file.
  const wire = [];
  for (let i = 0; i < 1000; i++) {
    const id = `wire-${slug(r.pick(lexicon))}-${i}`;
    wire.push({ id, title: `${cap(r.pick(lexicon))} ${r.pick(COMMON)} ${r.pick(lexicon)} ${r.pick(['update', 'brief', 'report', 'digest'])}`, publisher: 'Global Wire Service', published: `20${10 + r.int(15)}-0${1 + r.int(9)}-1${r.int(9)}`, kind: 'news' });
  }
  files['sources/wire.yaml'] = yamlSources(wire);
  json.sources.push(...wire);

  const nFiles = Math.ceil(total / FACTS_PER_FILE);
  let made = 0;
  for (let fi = 0; fi < nFiles; fi++) {
    const count = Math.min(FACTS_PER_FILE, total - made);
    const sources = [];
    for (let i = 0; i < Math.ceil(count / 4); i++) {
      const pub = r.pick(PUBLISHERS);
      const src = {
        id: `${slug(pub)}-${fi}-${i}`,
        title: `${cap(r.pick(lexicon))} ${r.pick(['sees', 'reports', 'plans', 'reviews', 'opens'])} ${r.pick(COMMON)} ${r.pick(lexicon)} ${r.pick(['growth', 'record', 'decline', 'figures'])}`,
        publisher: pub,
        author: [`${cap(r.pick(lexicon))} ${cap(r.pick(lexicon))}`],
        published: `20${10 + r.int(15)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
        url: `https://${slug(pub)}.example/${fi}/${i}`,
        kind: r.pick(SOURCE_KINDS),
      };
      if (src.kind === 'republication') src.via = `${pub} aggregator page`;
      sources.push(src);
    }
    const fileFacts = [];
    while (fileFacts.length < count) {
      const entity = r.pick(entities);
      const [metric, unit, noun] = r.pick(METRICS);
      const year = 2005 + r.int(21);
      // One fact per entity, metric and year: a query naming them names one fact.
      const key = `${entity}|${metric}|${year}`;
      if (usedTitles.has(key)) continue;
      usedTitles.add(key);
      const title = `${cap(metric)} ${r.pick(CONNECT)} ${entity} in ${year}`;
      let id = `${slug(entity)}-${slug(metric)}-${year}`;
      if (usedIds.has(id)) id += `-${fileFacts.length}`;
      usedIds.add(id);
      const { value, display } = figure(r, unit, noun);
      const bound = r.pick(BOUNDS);
      const extra = Array.from({ length: 4 + r.int(5) }, () => (r.next() < 0.5 ? r.pick(lexicon) : r.pick(COMMON))).join(' ');
      const statement = `${entity} recorded ${BOUND_WORDS[bound]}${display} in ${year}, ${extra}.`;
      const cites = [];
      const nCites = 1 + (r.next() < 0.3 ? 1 : 0);
      for (let c = 0; c < nCites; c++) {
        const s = r.next() < 0.1 ? r.pick(wire) : r.pick(sources);
        if (cites.some((x) => x.source === s.id)) continue;
        cites.push({ source: s.id, quote: `${entity} said ${BOUND_WORDS[bound]}${display} were counted in ${year}, ${r.pick(lexicon)} ${r.pick(COMMON)} ${r.pick(lexicon)}.` });
      }
      const tags = [slug(metric.split(' ')[0]), slug(entity.split(' ')[1]), ...(r.next() < 0.5 ? [slug(r.pick(lexicon))] : [])];
      const fact = {
        id,
        title,
        statement,
        value,
        unit,
        display,
        bound,
        period: year,
        subject: entity,
        aliases: [`${entity} ${metric} ${year}`, ...(r.next() < 0.4 ? [`${r.pick(lexicon)} ${metric}`] : [])],
        tags: [...new Set(tags)],
        sources: cites,
      };
      fileFacts.push(fact);
      facts.push(fact);
    }
    made += count;
    const name = `facts/part-${String(fi).padStart(4, '0')}.yaml`;
    files[name] = yamlSources(sources) + yamlFacts(fileFacts);
    json.sources.push(...sources);
    json.facts.push(...fileFacts);
  }

  // Misspelled queries: a fact's title or its key words, with one or two typos in longer words.
  const queries = [];
  for (let i = 0; i < 200 && facts.length; i++) {
    const f = facts[r.int(facts.length)];
    const [metric] = f.aliases[0].replace(f.subject + ' ', '').split(/ \d{4}$/);
    const words = (r.next() < 0.5 ? f.title : `${f.subject} ${metric} ${f.period}`).split(' ');
    const long = words.map((w, k) => [w, k]).filter(([w]) => w.length >= 5 && !/\d/.test(w));
    const typos = Math.min(long.length, 1 + (words.length > 5 && r.next() < 0.5 ? 1 : 0));
    for (let t = 0; t < typos; t++) {
      const [w, k] = long.splice(r.int(long.length), 1)[0];
      words[k] = typo(r, w);
    }
    queries.push({ query: words.join(' '), id: f.id });
  }

  // A 2,000-word draft: sentences quoting facts, some with a changed figure, and filler.
  const draft = [];
  let words = 0;
  while (words < 2000 && facts.length) {
    const f = facts[r.int(facts.length)];
    const s = r.next() < 0.6 ? `${f.subject} recorded ${f.display} in ${f.period}.` : `${Array.from({ length: 12 + r.int(10) }, () => r.pick(COMMON)).join(' ')}.`;
    draft.push(cap(s));
    words += s.split(' ').length;
  }

  return { files, json, queries, ids: facts.map((f) => f.id), draft: draft.join(' ') + '\n' };
}

export function typo(r, w) {
  const i = 1 + r.int(w.length - 2);
  switch (r.int(4)) {
    case 0:
      return w.slice(0, i) + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    case 2:
      return w.slice(0, i) + 'aeiourstn'[r.int(9)] + w.slice(i + 1);
    default:
      return w.slice(0, i) + w[i] + w.slice(i);
  }
}

export function yamlSources(sources) {
  if (!sources.length) return '';
  const out = ['sources:'];
  for (const s of sources) {
    out.push(`  - id: ${s.id}`, `    title: ${q(s.title)}`, `    publisher: ${q(s.publisher)}`);
    if (s.author) out.push(`    author: [${s.author.map(q).join(', ')}]`);
    out.push(`    published: ${s.published}`);
    if (s.url) out.push(`    url: ${s.url}`);
    out.push(`    kind: ${s.kind}`);
    if (s.via) out.push(`    via: ${q(s.via)}`);
  }
  return out.join('\n') + '\n';
}

/** A period as YAML: a year as a number, a date as a string, an interval as a flow map. */
function yamlPeriod(p) {
  if (typeof p === 'number') return String(p);
  if (typeof p === 'object') return `{from: ${q(p.from)}, to: ${q(p.to)}}`;
  return q(p);
}

export function yamlFacts(facts) {
  const out = ['facts:'];
  for (const f of facts) {
    out.push(
      `  - id: ${f.id}`,
      `    title: ${q(f.title)}`,
      `    statement: ${q(f.statement)}`,
      `    value: ${f.value}`,
      `    unit: ${f.unit}`,
      `    display: ${q(f.display)}`,
      `    bound: ${f.bound}`,
      `    period: ${yamlPeriod(f.period)}`,
      `    subject: ${q(f.subject)}`,
      `    aliases: [${f.aliases.map(q).join(', ')}]`,
      `    tags: [${f.tags.join(', ')}]`,
      `    sources:`,
    );
    for (const c of f.sources) out.push(`      - source: ${c.source}`, `        quote: ${q(c.quote)}`);
  }
  return out.join('\n') + '\n';
}

/** Writes a generated base under dir: facts/ and sources/ (the facts directory is dir itself), base.json, queries.json, draft.md. */
export function writeBase(dir, total, seed = 7) {
  return writeGenerated(dir, generate(total, seed));
}

/** Writes what a generator made (files, json, queries, ids, draft) under dir. */
export function writeGenerated(dir, g) {
  const factsDir = path.join(dir, 'base');
  for (const [rel, text] of Object.entries(g.files)) {
    const p = path.join(factsDir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  writeFileSync(path.join(dir, 'base.json'), JSON.stringify(g.json));
  writeFileSync(path.join(dir, 'queries.json'), JSON.stringify({ ids: g.ids, misspelled: g.queries }));
  writeFileSync(path.join(dir, 'draft.md'), g.draft);
  return { factsDir, json: path.join(dir, 'base.json'), draft: path.join(dir, 'draft.md'), ids: g.ids, queries: g.queries, files: Object.keys(g.files).map((f) => path.join(factsDir, f)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, n = '1000', seed = '7'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/generate.mjs DIR [FACTS] [SEED]');
    process.exit(2);
  }
  const out = writeBase(dir, Number(n), Number(seed));
  console.log(`${out.ids.length} facts in ${out.files.length} files under ${out.factsDir}`);
}
