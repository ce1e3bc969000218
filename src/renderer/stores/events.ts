import { api, onConnectionState } from '../api';
import { useBrowsing } from './browsing';
import { useConflicts } from './conflicts';
import { useJobs } from './jobs';

const LIST_REFRESH_MS = 400;
const FOLDER_REFRESH_MS = 1_500;
/** Above this many entries a re-list costs more than watching files arrive is worth. */
const LIVE_REFRESH_MAX_ENTRIES = 5_000;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let folderTimer: ReturnType<typeof setTimeout> | null = null;

/** While a copy lands in the folder on screen, its files appear (re-listed at most every 1.5 s). */
function scheduleFolderRefresh(jobId: string): void {
  if (folderTimer) return;
  const browsing = useBrowsing.getState();
  const destination = useJobs.getState().byId[jobId]?.destination;
  if (!destination || destination !== browsing.path || (browsing.listing?.entries.length ?? 0) > LIVE_REFRESH_MAX_ENTRIES) return;
  folderTimer = setTimeout(() => {
    folderTimer = null;
    void useBrowsing.getState().refresh();
  }, FOLDER_REFRESH_MS);
}

/** The jobs list follows the engine, at most a few times a second. */
function scheduleListRefresh(): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void useJobs.getState().refreshList();
  }, LIST_REFRESH_MS);
}

/** Routes the engine's event stream into the stores (once, at start). */
export function connectEvents(): void {
  api.onEvent((event) => {
    useJobs.getState().apply(event);
    if (event.type === 'conflict') useConflicts.getState().push(event);
    if (event.type === 'progress' && event.copiedFiles > 0) scheduleFolderRefresh(event.jobId);
    if (event.type === 'completed') {
      useConflicts.getState().dropJob(event.jobId);
      // The folder on screen may be the destination (or hold it): show what arrived.
      void useBrowsing.getState().refresh();
    }
    if (event.type !== 'progress' && event.type !== 'filesDiscovered' && event.type !== 'filesSkipped') scheduleListRefresh();
  });
  // Events missed while disconnected: the list is re-read on reconnect.
  let wasOpen = false;
  onConnectionState((s) => {
    if (s !== 'open') return;
    if (wasOpen) void useJobs.getState().refreshList({ afterReconnect: true });
    else scheduleListRefresh();
    wasOpen = true;
  });
}
