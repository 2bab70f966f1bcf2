// The bundle's entry: bin/zgc runs the built file (dist/zgc.cjs), which runs this.
import { run } from './cli.js';
import { serveParseJobs, WORKER_FLAG } from './facts/parse-pool.js';

// For bin/zgc, which keeps compiled code only from runs that parsed no facts files.
export { factsFilesParsed } from './facts/load.js';

// A worker the loader started to parse facts files (src/facts/parse-pool.ts), or else a run of the CLI.
if (process.env[WORKER_FLAG] === '1') void serveParseJobs().then((served) => (served ? undefined : run()));
else void run();
