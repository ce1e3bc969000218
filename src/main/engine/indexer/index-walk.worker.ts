import { parentPort, workerData } from 'node:worker_threads';
import * as fs from 'node:fs';
import { toErrorValue } from '../../../shared/errors';
import { kindCode } from '../fs/entry-kind';
import { FLOW, ROW_WIDTH, type IndexWorkerMessage, type WalkMessage, type WalkWorkerInput } from './messages';
import { RuleSet } from './rules';
import { walk, type WalkError, type WalkRow } from './walker';

/**
 * The walk half of an index run (see messages.ts): walks the location and streams its rows, in
 * batches, to the write worker. It waits (Atomics.wait) when the writer falls behind, so memory stays
 * bounded whatever the size of the tree.
 */
const BATCH_ROWS = 1000;
const MAX_BATCHES_IN_FLIGHT = 8;

function run(input: WalkWorkerInput): void {
  const flow = new Int32Array(input.flow);
  const stopped = () => Atomics.load(flow, FLOW.STOP) !== 0;
  const send = (message: WalkMessage) => input.port.postMessage(message);
  // A root gone (or replaced by a file) since the host checked it fails the run rather than emptying it.
  if (!fs.statSync(input.root).isDirectory()) {
    throw Object.assign(new Error(`Not a directory: ${input.root}`), { code: 'ENOTDIR', path: input.root });
  }
  let values: unknown[] = [];
  const flush = () => {
    if (values.length === 0) return;
    waitForWriter(flow, stopped);
    send({ kind: 'rows', values });
    Atomics.add(flow, FLOW.SENT, 1);
    values = [];
  };
  const errors: WalkError[] = [];
  const totals = walk(input.root, new RuleSet(input.rules), {
    row(row: WalkRow) {
      values.push(row.relativePath, row.name, kindCode(row.kind), row.size, row.mtimeMs, row.inode,
        row.aggregateSize, row.fileCount);
      if (values.length >= BATCH_ROWS * ROW_WIDTH) flush();
    },
    error(error) { errors.push(error); },
  }, stopped);
  if (!totals) {
    send({ kind: 'stopped' });
    return;
  }
  flush();
  send({ kind: 'end', totals, errors });
}

function waitForWriter(flow: Int32Array, stopped: () => boolean): void {
  for (;;) {
    const written = Atomics.load(flow, FLOW.WRITTEN);
    if (Atomics.load(flow, FLOW.SENT) - written < MAX_BATCHES_IN_FLIGHT || stopped()) return;
    // Wakes when the writer commits a batch; the timeout re-checks the stop flag.
    Atomics.wait(flow, FLOW.WRITTEN, written, 100);
  }
}

try {
  run(workerData as WalkWorkerInput);
} catch (err) {
  const message: IndexWorkerMessage = { kind: 'failed', error: toErrorValue(err) };
  parentPort!.postMessage(message);
}
