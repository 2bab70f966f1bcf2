/**
 * Builds the CLI: dist/zgc.cjs, one CommonJS bundle that bin/zgc runs (a
 * single CommonJS file starts faster than ES modules), plus the heavy
 * libraries that only some commands need (yaml, ajv, cli-table3, the citation
 * styles), each bundled on its own under dist/lazy/ and required only by the
 * dynamic import() that wants it. Startup then compiles ~0.3 MB, not 1.2 MB.
 *
 * Also keeps two modules off the start-up path that nothing at start needs:
 * commander's child_process (used only for executable subcommands, which zgc
 * has none of) is required on first use, and chalk's terminal detection
 * (which loads node:tty and node:net) is replaced by "no colour": zgc decides
 * colour itself (src/output/style.ts) and never uses chalk's default instance.
 *
 * The schema validator is compiled here, once, with ajv's standalone code:
 * `import('ajv')` in the bundle gets an Ajv whose compile() hands back that
 * validator when given the options and schema it was made from, and loads
 * the real compiler (dist/lazy/ajv-compiler.cjs) for anything else. A run
 * that parses a facts file then skips loading ajv and compiling the schema.
 *
 * ZGC_BUILD_ID, a hash of the sources that decide what the cache holds (the
 * loader, parser, validator and schema, the search index, check's word
 * index, the error messages), tells the cache (src/facts/cache.ts) which build made a cached
 * parse: another build never trusts it, and a build that changed nothing of
 * those keeps the cache of the one before.
 *
 *   node src/build.mjs     (npm run build)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const lazyDir = path.join(dist, 'lazy');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Packages resolved at run time from node_modules (runtime dependencies), never bundled. */
const external = Object.keys(pkg.dependencies ?? {});

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

function buildId() {
  const h = createHash('sha256');
  h.update(pkg.version ?? '');
  // zgc check's cached word index is made by these two; the rest of src/check reads it, and may change without a rebuild.
  const checkIndex = ['terms.ts', 'word-index.ts'].map((f) => path.join(root, 'src', 'check', 'align', f));
  const sources = [...filesUnder(path.join(root, 'src', 'facts')), ...filesUnder(path.join(root, 'src', 'search')), ...checkIndex, path.join(root, 'src', 'errors.ts'), ...filesUnder(path.join(root, 'schema'))];
  for (const f of sources.sort()) {
    h.update(path.relative(root, f));
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

/** The options src/facts/parse.ts gives Ajv: the precompiled validator is used only when they are these. */
const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false };

/** The lazy module standing in for ajv: the validator compiled from the schema now, the real compiler otherwise. */
function ajvStandIn() {
  const require = createRequire(path.join(root, 'package.json'));
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const schemaText = readFileSync(path.join(root, 'schema', 'facts.schema.json'), 'utf8');
  const schema = JSON.parse(schemaText);
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validatorCode = standaloneCode(ajv, ajv.compile(schema));
  return `
const OPTIONS = ${JSON.stringify(JSON.stringify(AJV_OPTIONS))};
const SCHEMA = ${JSON.stringify(JSON.stringify(schema))};
const precompiled = (() => {
  const module = { exports: {} };
  (function (module, exports) {
${validatorCode}
  })(module, module.exports);
  return module.exports;
})();
class Ajv {
  constructor(options) {
    this.options = options;
  }
  compile(schema) {
    if (JSON.stringify(this.options) === OPTIONS && JSON.stringify(schema) === SCHEMA) return precompiled;
    const Real = require('./ajv-compiler.cjs');
    return new (Real.default || Real)(this.options).compile(schema);
  }
}
module.exports = Ajv;
module.exports.default = Ajv;
`;
}

const lazyName = (spec) => spec.replace(/^\.+\/?/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** A local module may be split out only when it imports nothing: a module with state must exist once. */
const importsNothing = (file) => !/^\s*(import\s|export\s[^;]*\sfrom\s)|\brequire\(/m.test(readFileSync(file, 'utf8'));

const lazyEntries = new Map();

const startupPlugin = {
  name: 'zgc-startup',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      // Built-in modules and runtime dependencies: require()d when first imported, without the ES module loader.
      if (args.path.startsWith('node:') || external.includes(args.path)) return { path: args.path, namespace: 'zgc-require' };
      const bare = !args.path.startsWith('.') && !path.isAbsolute(args.path);
      let entry;
      if (bare) {
        entry = args.path;
      } else {
        const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
        if (resolved.errors.length || !importsNothing(resolved.path)) return undefined;
        entry = resolved.path;
      }
      const name = lazyName(bare ? args.path : path.relative(path.join(root, 'src'), entry).replace(/\.[jt]s$/, ''));
      lazyEntries.set(name, { entry, bare });
      // A stub in the bundle that require()s the split file: a real import() would go through the slower ES module loader.
      return { path: name, namespace: 'zgc-lazy' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zgc-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js', resolveDir: root }));
    build.onResolve({ filter: /.*/, namespace: 'zgc-require' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'zgc-lazy' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`./lazy/${args.path}.cjs`)});`, loader: 'js', resolveDir: root }));
    build.onResolve({ filter: /^\.\/lazy\//, namespace: 'zgc-lazy' }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'zgc-lazy-child-process' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zgc-lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/** chalk's terminal detection loads node:tty and node:net; zgc decides colour itself and never uses chalk's default instance. */
const noSupportsColorPlugin = {
  name: 'zgc-no-supports-color',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'zgc-no-supports-color' }));
    build.onLoad({ filter: /.*/, namespace: 'zgc-no-supports-color' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

mkdirSync(lazyDir, { recursive: true });

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', legalComments: 'none', logLevel: 'warning', external, write: false, plugins: [noSupportsColorPlugin] };
const written = new Set();

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular
 * expressions and comments. One such character makes V8 hold the whole bundle
 * as a two-byte string, which costs every start about a millisecond to read
 * and another to compile; escaped, the bundle is ASCII and means the same.
 */
function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Each output replaces its file whole (a temporary file, then a rename): a zgc running meanwhile sees the old build or the new. */
function install(result) {
  for (const out of result.outputFiles) {
    const tmp = `${out.path}.${process.pid}.tmp`;
    writeFileSync(tmp, asciiOnly(out.text));
    renameSync(tmp, out.path);
    written.add(out.path);
  }
}

install(await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'src', 'main.ts')],
  outfile: path.join(dist, 'zgc.cjs'),
  define: {
    // Worked out only when asked for: pathToFileURL costs start-up half a millisecond.
    'import.meta': '__zgc_import_meta',
    ZGC_BUNDLED: 'true',
    ZGC_VERSION: JSON.stringify(pkg.version),
    ZGC_BUILD_ID: JSON.stringify(buildId()),
  },
  banner: { js: "const __zgc_import_meta = { get url() { return require('url').pathToFileURL(__filename).href; } };" },
  plugins: [startupPlugin, noSupportsColorPlugin],
}));

// ajv: the stand-in, and the real compiler it falls back on.
if (lazyEntries.has('ajv')) lazyEntries.set('ajv-compiler', { entry: 'ajv', bare: true });

// Each lazy module on its own: a package with its dependencies, or a local module that imports nothing.
for (const [name, { entry, bare }] of lazyEntries) {
  if (name === 'ajv') {
    install(await esbuild.build({ ...common, stdin: { contents: ajvStandIn(), resolveDir: root, loader: 'js' }, outfile: path.join(lazyDir, 'ajv.cjs'), external: [...external, './ajv-compiler.cjs'] }));
    continue;
  }
  install(
    await esbuild.build({
      ...common,
      ...(bare ? { stdin: { contents: `module.exports = require(${JSON.stringify(entry)});`, resolveDir: root, loader: 'js' } } : { entryPoints: [entry] }),
      outfile: path.join(lazyDir, `${name}.cjs`),
    }),
  );
}
// Split files no longer imported go.
for (const name of readdirSync(lazyDir)) if (!written.has(path.join(lazyDir, name))) rmSync(path.join(lazyDir, name), { force: true });

const size = (f) => (statSync(f).size / 1024).toFixed(0) + ' KiB';
if (process.argv.includes('--verbose')) {
  console.log(`dist/zgc.cjs ${size(path.join(dist, 'zgc.cjs'))}`);
  for (const name of lazyEntries.keys()) console.log(`dist/lazy/${name}.cjs ${size(path.join(lazyDir, `${name}.cjs`))}`);
}
