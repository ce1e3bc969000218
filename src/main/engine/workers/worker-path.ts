import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { FerryError } from '../../../shared/errors';

/**
 * Worker entry files are transpiled one-to-one next to this module (out/node/src/main/engine/workers/
 * <name>.worker.js), so they are found from __dirname. Running from the TypeScript sources (where only
 * a .ts file would be there) is a build mistake: say so instead of letting the Worker fail obscurely.
 */
export function workerFile(name: string): string {
  const file = path.join(__dirname, `${name}.worker.js`);
  if (!fs.existsSync(file)) {
    throw new FerryError('INTERNAL', `worker entry ${file} is missing: run Ferry from the build (node scripts/build.js node)`);
  }
  return file;
}

export function spawnWorker(name: string, options: WorkerOptions): Worker {
  return new Worker(workerFile(name), options);
}

/**
 * A pause/stop switch shared with a worker that walks synchronously (and so never reads messages
 * mid-walk): the main thread flips it, the worker checks it between directories and sleeps on it
 * with Atomics.wait while paused.
 */
export const RUNNING = 0;
export const PAUSED = 1;
export const STOPPING = 2;

export class WalkControl {
  readonly buffer: SharedArrayBuffer;
  private readonly cell: Int32Array;
  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(4);
    this.cell = new Int32Array(this.buffer);
  }
  set(state: typeof RUNNING | typeof PAUSED | typeof STOPPING): void {
    Atomics.store(this.cell, 0, state);
    Atomics.notify(this.cell, 0);
  }
  get state(): number {
    return Atomics.load(this.cell, 0);
  }
  /** Worker side: blocks while paused; returns false when the walk must stop. */
  waitWhilePaused(beforeSleep?: () => void): boolean {
    if (this.state === PAUSED) beforeSleep?.();
    while (this.state === PAUSED) Atomics.wait(this.cell, 0, PAUSED, 1000);
    return this.state !== STOPPING;
  }
}
