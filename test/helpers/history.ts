import { CopyService } from '../../src/main/engine/copy/copy-service';
import type { Db } from '../../src/main/engine/db/library';
import { engineActions } from '../../src/main/engine/history/engine-actions';
import { History } from '../../src/main/engine/history/history';
import { JobManager } from '../../src/main/engine/jobs/job-manager';

/**
 * The engine's undo history over a library, with the engine's real operations behind it (what the facade
 * builds): for tests that record an operation as another process would, or undo without a whole engine.
 */
export function historyOn(db: Db, dbFile: string): History {
  const copies = new CopyService({ db, dbFile, jobs: new JobManager(db) });
  return new History(db, engineActions({ db, copies: () => copies }));
}
