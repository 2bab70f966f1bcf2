// The bundle's entry: bin/zgc requires the built file, which runs this.
import { run } from './cli.js';
import { serveParseJobs, WORKER_FLAG } from './facts/parse-pool.js';

// A worker the loader started to parse facts files (src/facts/parse-pool.ts), or else a run of the CLI.
if (process.env[WORKER_FLAG] === '1') void serveParseJobs().then((served) => (served ? undefined : run()));
else void run();
