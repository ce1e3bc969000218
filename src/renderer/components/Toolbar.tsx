import { useEffect, useRef, useState, type FormEvent } from 'react';
import { actions, store, useFerry } from '../state';
import { LibrarySearch } from './LibrarySearch';

/** Back, Up, the editable path bar, the library search, "Show hidden" and the jobs toggle. */
export function Toolbar() {
  const path = useFerry((s) => s.path);
  const canGoBack = useFerry((s) => s.history.length > 0);
  const canGoUp = useFerry((s) => Boolean(s.listing?.parent));
  const showHidden = useFerry((s) => s.showHidden);
  const showList = useFerry((s) => s.showJobs);
  const [draft, setDraft] = useState(path ?? '');
  // Typed and not yet submitted while the field has focus: a listing that lands meanwhile (a big folder
  // still loading) must not wipe what is being typed. Anywhere else, the field follows the folder shown.
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setDraft(path ?? '');
  }, [path]);

  function submit(e: FormEvent) {
    e.preventDefault();
    typing.current = false;
    const target = draft.trim();
    if (target) void actions.navigate(target);
  }

  return (
    <header className="toolbar">
      <button type="button" aria-label="Back" title="Back (Alt+Left)" disabled={!canGoBack}
        onClick={() => actions.back()}>‹</button>
      <button type="button" aria-label="Up" title="Enclosing folder" disabled={!canGoUp}
        onClick={() => actions.up()}>↑</button>
      <form className="path-bar" onSubmit={submit} role="search">
        <input aria-label="Path" value={draft} spellCheck={false} autoComplete="off"
          onChange={(e) => { typing.current = true; setDraft(e.target.value); }}
          onBlur={() => { typing.current = false; }}
          onKeyDown={(e) => { if (e.key === 'Escape') { typing.current = false; setDraft(path ?? ''); e.currentTarget.blur(); } }} />
      </form>
      <LibrarySearch />
      <label className="toggle">
        <input type="checkbox" checked={showHidden} onChange={(e) => store.getState().setShowHidden(e.target.checked)} />
        Hidden files
      </label>
      <button type="button" aria-pressed={showList} onClick={() => store.getState().setShowJobs(!showList)}>Jobs</button>
    </header>
  );
}
