/**
 * Parses many facts files at once, on worker threads: the first run over a
 * large base (or the first after an upgrade of zgc) spends nearly all its time
 * in the YAML parser, one file after another, on one core. Each worker takes
 * a file, parses and validates it, writes its shard to the cache and hands
 * back the file's summary; the catalog is then built from the summaries as
 * when parsing in-process. A job a worker could not finish (it crashed, or
 * could not start) comes back null, and the loader parses that file itself.
 *
 * Workers run the bundle (dist/zgc.cjs) with ZGC_PARSE_WORKER=1 in their
 * environment; run from the sources (tests), everything is parsed in-process.
 */
import { summarize, type FileSummary } from './codec.js';
import { KIND_SHARD, writeContainer } from './cache.js';
import { loadParseTools, parseFactFile } from './parse.js';
import { shardSections } from './catalog.js';

declare const ZGC_BUNDLED: boolean | undefined;

export interface ParseJob {
  /** The file's name as shown in messages. */
  shown: string;
  /** Its bytes, as hashed: the shard must hold what the hash names. */
  bytes: Uint8Array;
  hash: string;
  /** Where its shard goes. */
  shardPath: string;
}

export interface ParseDone {
  summary: FileSummary;
  /** Whether its shard was written. */
  stored: boolean;
}

export const WORKER_FLAG = 'ZGC_PARSE_WORKER';
/** Below this much YAML, starting workers (a Node start and a load of the parser each) costs more than it saves. */
const MIN_BYTES = 1 << 20;
const MAX_WORKERS = 8;
/**
 * Each worker's heap: the parser's garbage is collected within it rather than
 * piling up (at 100,000 facts the first run peaks near 350 MB with workers,
 * 640 MB without). A file too large for it (a worker out of memory) is parsed
 * by the loader itself.
 */
const WORKER_HEAP_MB = 256;

/**
 * How many workers these jobs could use (parseInWorkers starts no more than
 * there are cores): none when parsing in-process is as quick, that is when
 * there is little to parse besides the largest file (one 8 MB file alone: a
 * first run takes 2.7 s parsing it in-process, 2.9 s in a worker).
 */
export function workerCount(jobs: readonly ParseJob[]): number {
  if (typeof ZGC_BUNDLED !== 'boolean' || jobs.length < 2) return 0;
  const sizes = jobs.map((j) => j.bytes.length);
  const rest = sizes.reduce((n, b) => n + b, 0) - Math.max(...sizes);
  if (rest < MIN_BYTES / 2) return 0;
  return Math.min(jobs.length, MAX_WORKERS);
}

/** Parses one file and stores its shard: what a worker does with each job. */
async function parseJob(job: ParseJob): Promise<ParseDone> {
  const parsed = parseFactFile(job.bytes, job.shown, await loadParseTools());
  const summary = summarize(parsed);
  return { summary, stored: writeContainer(job.shardPath, KIND_SHARD, shardSections(parsed, summary, job.hash)) };
}

/**
 * Runs the jobs on `workers` threads, each taking the next job when done; a
 * result is null where a worker failed. `entry` is the bundle the workers run.
 */
export async function parseInWorkers(jobs: readonly ParseJob[], workers: number, entry: string = __filename): Promise<(ParseDone | null)[]> {
  // Loaded here, not at start-up: node:os alone costs every lookup a millisecond.
  const [{ Worker }, { availableParallelism }] = await Promise.all([import('node:worker_threads'), import('node:os')]);
  const results: (ParseDone | null)[] = jobs.map(() => null);
  let next = 0;
  const work = () =>
    new Promise<void>((resolve) => {
      let worker: InstanceType<typeof Worker>;
      try {
        // stdout and stderr are the worker's own streams, never the process's: a worker prints nothing.
        worker = new Worker(entry, { env: { ...process.env, [WORKER_FLAG]: '1' }, stdout: true, stderr: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      } catch {
        resolve();
        return;
      }
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (done: ParseDone) => {
        results[current] = done;
        feed();
      });
      // The job it held stays null and is parsed in-process; the other workers take the rest.
      worker.on('error', () => {});
      worker.on('exit', () => resolve());
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(workers, availableParallelism()) }, work));
  return results;
}

/**
 * In a worker started by parseInWorkers, answers jobs until told to stop, and
 * returns true. Anywhere else (ZGC_PARSE_WORKER set by hand) it returns false
 * and the CLI runs as usual.
 */
export async function serveParseJobs(): Promise<boolean> {
  const { isMainThread, parentPort } = await import('node:worker_threads');
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  port.on('message', (job: ParseJob) => {
    void parseJob(job).then((done) => port.postMessage(done));
  });
  return true;
}
