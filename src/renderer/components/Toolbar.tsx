import { actions, store, useFerry } from '../state';
import { PathBar } from './PathBar';
import { LibrarySearch } from './LibrarySearch';
import { EditMenu } from './EditMenu';

/** Back, Forward, Up, the editable path bar, the library search, "Show hidden" and the jobs toggle. */
export function Toolbar() {
  const canGoBack = useFerry((s) => s.history.length > 0);
  const canGoForward = useFerry((s) => s.forward.length > 0);
  const canGoUp = useFerry((s) => Boolean(s.listing?.parent));
  const showHidden = useFerry((s) => s.showHidden);
  const showList = useFerry((s) => s.showJobs);

  return (
    <header className="toolbar">
      <button type="button" aria-label="Back" title="Back (Alt+Left)" disabled={!canGoBack}
        onClick={() => actions.back()}>‹</button>
      <button type="button" aria-label="Forward" title="Forward (Alt+Right)" disabled={!canGoForward}
        onClick={() => actions.forward()}>›</button>
      <button type="button" aria-label="Up" title="Enclosing folder (Alt+Up)" disabled={!canGoUp}
        onClick={() => actions.up()}>↑</button>
      <EditMenu />
      <PathBar />
      <LibrarySearch />
      <label className="toggle">
        <input type="checkbox" checked={showHidden} onChange={(e) => store.getState().setShowHidden(e.target.checked)} />
        Hidden files
      </label>
      <button type="button" aria-pressed={showList} onClick={() => store.getState().setShowJobs(!showList)}>Jobs</button>
    </header>
  );
}
