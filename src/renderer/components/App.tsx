import { useEffect } from 'react';
import { api } from '../api';
import { useShortcuts } from '../hooks/useShortcuts';
import { useHistory } from '../hooks/useHistory';
import { Toolbar } from './Toolbar';
import { Sidebar } from './Sidebar';
import { FileList } from './FileList';
import { FilterBar } from './FilterBar';
import { ContextMenu } from './ContextMenu';
import { DeleteConfirm } from './DeleteConfirm';
import { TransferToDialog } from './TransferToDialog';
import { CopyDialogs } from './CopyDialog';
import { ConflictModal } from './ConflictModal';
import { JobsPanel } from './JobsPanel';
import { StatusBar } from './StatusBar';
import { TrashView } from './TrashView';
import { DropHint } from './DropHint';
import { QuickLook } from './QuickLook';
import { InfoDialog } from './InfoDialog';
import { hashToFolder } from '../lib/location-hash';
import { followWindowHistory } from '../dom/window-history';
import { actions, see, store, useFerry } from '../state';

/** A window opens at the folder in its URL's hash (so "New Window" opens where you are), else at home. */
function initialPath(): string | null {
  const hash = window.location.hash.slice(1);
  if (!hash) return null;
  return hashToFolder(hash);
}

export function App() {
  const showJobs = useFerry((s) => s.showJobs);
  const trashOpen = useFerry((s) => s.trashOpen);
  useShortcuts();
  useHistory();
  useEffect(() => see.watch(), []);

  useEffect(() => {
    const start = initialPath();
    if (start) void actions.navigate(start);
    api.places({}).then((p) => {
      store.getState().setHome(p.home);
      if (!start) void actions.navigate(p.home);
    }, () => undefined);
    void store.getState().refreshJobs();
    // Keep the current folder in the URL (reloads and new windows open there), the window's history and the title.
    const offHistory = followWindowHistory(store, actions);
    // Going to another folder (Back, Up, the path bar) leaves the Trash view.
    const offTrash = store.subscribe((s, prev) => { if (s.path !== prev.path && s.trashOpen) s.closeTrash(); });
    return () => { offHistory(); offTrash(); };
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <div className="body">
        <Sidebar />
        <main className="content">{trashOpen ? <TrashView /> : <><FilterBar /><FileList /></>}</main>
        {showJobs && <JobsPanel />}
      </div>
      <StatusBar />
      <DropHint />
      <CopyDialogs />
      <ConflictModal />
      <ContextMenu />
      <QuickLook />
      <InfoDialog />
      <DeleteConfirm />
      <TransferToDialog />
    </div>
  );
}
