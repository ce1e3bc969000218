import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary, type Db } from '../../src/main/engine/db/library';
import { JobManager } from '../../src/main/engine/jobs/job-manager';
import { CopyService, type CopyHandle, type CopyRequest } from '../../src/main/engine/copy/copy-service';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { tempDir } from '../helpers/tree';

/** A library file, a job manager and a copy service over real temp folders. */
export interface Lab { root: string; dbFile: string; db: Db; jobs: JobManager; service: CopyService; close(): void }

export function lab(): Lab {
  const root = tempDir('ferry-copy-');
  const dbFile = path.join(root, 'library.db');
  const db = openLibrary(dbFile);
  const jobs = new JobManager(db);
  const service = new CopyService({ db, dbFile, jobs });
  return { root, dbFile, db, jobs, service, close: () => { jobs.close(); db.close(); } };
}

export interface Run { handle: CopyHandle; events: FerryEvent[]; completed: EventOf<'completed'> }

/** Starts a copy, records every event from the first, and waits for the end. */
export async function copy(l: Lab, req: Omit<CopyRequest, 'onEvent'>, onEvent?: (e: FerryEvent, h: () => CopyHandle) => void): Promise<Run> {
  const events: FerryEvent[] = [];
  let handle: CopyHandle | undefined;
  // eslint-disable-next-line prefer-const -- onEvent may run before start() returns: a const would still be in its temporal dead zone and throw
  handle = await l.service.start({ ...req, onEvent: (e) => { events.push(e); onEvent?.(e, () => handle!); } });
  const completed = await handle.done;
  return { handle, events, completed };
}

export function ofType<T extends FerryEvent['type']>(events: FerryEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** Files whose name marks a copy in progress. */
export function tempLeftovers(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.ferry-')) out.push(path.join(d, e.name));
      if (e.isDirectory()) walk(path.join(d, e.name));
    }
  };
  walk(dir);
  return out;
}
