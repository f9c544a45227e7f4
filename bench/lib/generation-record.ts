// What `npm run bench:data` did, kept beside the data (bench/.data/) so that the benchmark report
// can say how the data set was made and how long that took.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { BENCH_DATA_DIR } from './postgres.ts';

export interface GenerationRecord {
  database: string;
  finishedAt: string;
  cases: number;
  days: number;
  backlog: number;
  seed: number;
  minutes: number;
  seconds: { generate: number; indexes: number; analyze: number };
  databaseSize: string;
  /** 1-minute load average at the start and the end (other work on the machine slows generation) */
  loadAverage: { start: number; end: number };
  /** set when the data set was grown from a generated one by copying its cases (bench/data/replicate.ts) */
  grownFrom?: { database: string; cases: number; copies: number };
}

const fileFor = (database: string) =>
  path.join(BENCH_DATA_DIR, `generation-${database.replace(/[^a-zA-Z0-9_-]/g, '_')}.json`);

export async function saveGenerationRecord(r: GenerationRecord): Promise<void> {
  await fs.mkdir(BENCH_DATA_DIR, { recursive: true });
  await fs.writeFile(fileFor(r.database), JSON.stringify(r, null, 2));
}

export async function readGenerationRecord(database: string): Promise<GenerationRecord | null> {
  const file = fileFor(database);
  return existsSync(file) ? (JSON.parse(await fs.readFile(file, 'utf8')) as GenerationRecord) : null;
}
