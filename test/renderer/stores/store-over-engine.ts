import * as path from 'node:path';
import { createFerryEngine } from '../../../src/main/engine/ferry-engine';
import { createClient } from '../../../src/renderer/api/client';
import { createActions } from '../../../src/renderer/stores/actions';
import { createFerryStore, type FerryState } from '../../../src/renderer/stores/store';
import { dispatchCall } from '../../../src/shared/dispatch';
import type { Caller } from '../../../src/shared/api';
import type { FerryEvent, FolderChangedEvent } from '../../../src/shared/events';
import { tempDir } from '../../helpers/tree';

/**
 * The renderer's store and actions as a window builds them, over the real client and a real engine (the
 * transport clones results as JSON, as IPC and the WebSocket do). `connect` routes the engine's events
 * into the store as the window does; without it, events are missed, as while disconnected.
 */
let windows = 0;

export function storeOverEngine() {
  const dbFile = path.join(tempDir(), 'library.db');
  const engine = createFerryEngine({ dbFile });
  // This window, as a host sees it: its watched folder's changes come back to it alone.
  const folderListeners = new Set<(event: FolderChangedEvent) => void>();
  const caller: Caller = {
    id: `test-window-${++windows}`,
    sendFolderChange: (event) => { for (const l of folderListeners) l(JSON.parse(JSON.stringify(event)) as FolderChangedEvent); },
  };
  const api = createClient({
    call: async (method, input) => JSON.parse(JSON.stringify(await dispatchCall(engine, method, input, caller))),
    onEvent: (listener) => engine.onEvent((event) => listener(JSON.parse(JSON.stringify(event)) as FerryEvent)),
    onFolderChange: (listener) => { folderListeners.add(listener); return () => folderListeners.delete(listener); },
  });
  const store = createFerryStore({ api });
  const actions = createActions(store, api);
  return {
    engine, api, store, actions, dbFile,
    connect: () => {
      const offFolder = api.onFolderChange(actions.handleFolderChange);
      const offJobs = api.onEvent(actions.handleEvent);
      return () => { offFolder(); offJobs(); };
    },
    /** Resolves once the state satisfies `ready` (checked on every change). */
    until(ready: (s: FerryState) => boolean): Promise<FerryState> {
      return new Promise((resolve) => {
        if (ready(store.getState())) { resolve(store.getState()); return; }
        const off = store.subscribe((s) => { if (ready(s)) { off(); resolve(s); } });
      });
    },
  };
}

/** Resolves when the engine says the job ended. */
export function engineCompleted(engine: { onEvent(l: (e: FerryEvent) => void): () => void }, jobId: () => string | undefined): Promise<FerryEvent> {
  return new Promise((resolve) => {
    const off = engine.onEvent((e) => { if (e.type === 'completed' && e.jobId === jobId()) { off(); resolve(e); } });
  });
}
