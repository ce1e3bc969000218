import { parentPort, workerData } from 'node:worker_threads';
import { toErrorValue } from '../../../shared/errors';
import { openLibrary } from '../db/library';
import { EntryWriter } from './entry-writer';
import { kindOfCode } from '../fs/entry-kind';
import { FLOW, ROW_WIDTH, type IndexWorkerMessage, type WalkMessage, type WriteWorkerInput } from './messages';
import type { WalkRow } from './walker';

/**
 * The write half of an index run (see messages.ts): upserts the walk worker's rows through its own
 * connection to the library (WAL: other connections keep reading meanwhile), then completes the run
 * (stale rows deleted, location totals) and tells the host.
 */
const PROGRESS_EVERY_MS = 100;

const input = workerData as WriteWorkerInput;
const flow = new Int32Array(input.flow);
const db = openLibrary(input.dbFile);
const writer = new EntryWriter(db, input.locationId, input.scanId);
const counts = { entries: 0, files: 0, bytes: 0 };
let lastProgress = 0;

function tell(message: IndexWorkerMessage): void {
  parentPort!.postMessage(message);
}

function finish(message: IndexWorkerMessage): void {
  input.port.close();
  db.close();
  tell(message);
}

function writeRows(values: unknown[]): void {
  for (let i = 0; i < values.length; i += ROW_WIDTH) {
    const row: WalkRow = {
      relativePath: values[i] as string,
      name: values[i + 1] as string,
      kind: kindOfCode(values[i + 2] as number),
      size: values[i + 3] as number,
      mtimeMs: values[i + 4] as number,
      inode: values[i + 5] as number,
      aggregateSize: values[i + 6] as number | null,
      fileCount: values[i + 7] as number | null,
    };
    writer.add(row);
    counts.entries++;
    if (row.kind === 'file') { counts.files++; counts.bytes += row.size; }
  }
}

input.port.on('message', (message: WalkMessage) => {
  try {
    switch (message.kind) {
      case 'rows': {
        writeRows(message.values);
        Atomics.add(flow, FLOW.WRITTEN, 1);
        Atomics.notify(flow, FLOW.WRITTEN);
        const now = Date.now();
        if (now - lastProgress >= PROGRESS_EVERY_MS) { lastProgress = now; tell({ kind: 'progress', ...counts }); }
        return;
      }
      case 'end':
        writer.finish(message.totals, message.errors);
        return finish({ kind: 'done', ...message.totals, unreadable: message.errors.length });
      case 'stopped':
        writer.flush();
        return finish({ kind: 'stopped' });
    }
  } catch (err) {
    finish({ kind: 'failed', error: toErrorValue(err) });
  }
});
