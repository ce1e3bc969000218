import { useEffect } from 'react';
import { api } from '../api';
import { useShortcuts } from '../hooks/useShortcuts';
import { Toolbar } from './Toolbar';
import { Sidebar } from './Sidebar';
import { FileList } from './FileList';
import { FilterBar } from './FilterBar';
import { ContextMenu } from './ContextMenu';
import { DeleteConfirm } from './DeleteConfirm';
import { CopyDialogs } from './CopyDialog';
import { ConflictModal } from './ConflictModal';
import { JobsPanel } from './JobsPanel';
import { StatusBar } from './StatusBar';
import { QuickLook } from './QuickLook';
import { InfoDialog } from './InfoDialog';
import { folderToHash, hashToFolder } from '../lib/location-hash';
import { actions, see, store, useFerry } from '../state';
import { displayName } from '../../shared/display-name';

/** A window opens at the folder in its URL's hash (so "New Window" opens where you are), else at home. */
function initialPath(): string | null {
  const hash = window.location.hash.slice(1);
  if (!hash) return null;
  return hashToFolder(hash);
}

export function App() {
  const showJobs = useFerry((s) => s.showJobs);
  useShortcuts();
  useEffect(() => see.watch(), []);

  useEffect(() => {
    const start = initialPath();
    if (start) void actions.navigate(start);
    else api.places({}).then((p) => actions.navigate(p.home), () => undefined);
    void store.getState().refreshJobs();
    // Keep the current folder in the URL (reloads and new windows open there) and in the title.
    return store.subscribe((s, prev) => {
      if (!s.path || s.path === prev.path) return;
      history.replaceState(null, '', folderToHash(s.path));
      document.title = `${displayName(s.path)} — Ferry`;
    });
  }, []);

  return (
    <div className="app">
      <Toolbar />
      <div className="body">
        <Sidebar />
        <main className="content"><FilterBar /><FileList /></main>
        {showJobs && <JobsPanel />}
      </div>
      <StatusBar />
      <CopyDialogs />
      <ConflictModal />
      <ContextMenu />
      <QuickLook />
      <InfoDialog />
      <DeleteConfirm />
    </div>
  );
}
