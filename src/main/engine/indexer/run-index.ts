import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { FerryError, type FerryErrorValue } from '../../../shared/errors';
import type { IndexRules } from '../../../shared/types';
import { FLOW, type IndexCounts, type IndexWorkerMessage, type WalkWorkerInput, type WriteWorkerInput } from './messages';

export interface IndexRunRequest {
  dbFile: string;
  locationId: number;
  root: string;
  rules: IndexRules;
  scanId: number;
  onCounts?: (counts: IndexCounts) => void;
  signal?: AbortSignal;
}

export type IndexRunOutcome =
  | ({ kind: 'done'; unreadable: number } & IndexCounts)
  | { kind: 'stopped' };

/**
 * Runs one index walk in two worker threads (index-walk.worker.js and index-write.worker.js, next to
 * this module in the build) joined by a MessageChannel, and resolves with the outcome. An abort sets
 * the shared stop flag: the walker stops at its next entry, the writer commits what it received, and
 * the outcome is `stopped`. A failure in either worker stops the other and rejects with a FerryError.
 */
export function runIndexWorker(request: IndexRunRequest): Promise<IndexRunOutcome> {
  const flowBuffer = new SharedArrayBuffer(FLOW.SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const flow = new Int32Array(flowBuffer);
  const stop = () => Atomics.store(flow, FLOW.STOP, 1);
  const { port1, port2 } = new MessageChannel();
  const writeInput: WriteWorkerInput = {
    dbFile: request.dbFile, locationId: request.locationId, scanId: request.scanId, flow: flowBuffer, port: port2,
  };
  const walkInput: WalkWorkerInput = { root: request.root, rules: request.rules, flow: flowBuffer, port: port1 };

  return new Promise((resolve, reject) => {
    const writer = new Worker(path.join(__dirname, 'index-write.worker.js'), { workerData: writeInput, transferList: [port2] });
    const walker = new Worker(path.join(__dirname, 'index-walk.worker.js'), { workerData: walkInput, transferList: [port1] });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      request.signal?.removeEventListener('abort', stop);
      fn();
    };
    const fail = (err: FerryError) => settle(() => {
      stop();
      void walker.terminate();
      void writer.terminate();
      reject(err);
    });
    request.signal?.addEventListener('abort', stop, { once: true });

    const onMessage = (message: IndexWorkerMessage) => {
      switch (message.kind) {
        case 'progress': request.onCounts?.(message); return;
        case 'done':
        case 'stopped': return settle(() => resolve(message));
        case 'failed': return fail(fromValue(message.error));
      }
    };
    writer.on('message', onMessage);
    walker.on('message', onMessage);
    for (const [name, worker] of [['walk', walker], ['write', writer]] as const) {
      worker.on('error', (err) => fail(new FerryError('INTERNAL', `The index ${name} worker failed: ${err.message}`)));
    }
    // The writer is the one that finishes a run: exiting without saying how means it crashed.
    writer.on('exit', (code) => fail(new FerryError('INTERNAL', `The index write worker exited (code ${code}) before finishing`)));
  });
}

function fromValue(value: FerryErrorValue): FerryError {
  return new FerryError(value.code, value.message, value.path);
}
