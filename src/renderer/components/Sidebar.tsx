import { useEffect, useState, type FormEvent } from 'react';
import type { Location, Place } from '../../shared/types';
import { api } from '../api';
import { errorMessage } from '../api/client';
import { formatCount } from '../lib/format';
import { actions, store, useFerry } from '../state';
import { TrashPlace } from './TrashPlace';

/** Places (home, Documents…) and indexed locations, with "Add location…". */
export function Sidebar() {
  const current = useFerry((s) => s.path);
  const [places, setPlaces] = useState<Place[]>([]);
  const [locations, setLocations] = useState<Location[]>([]);
  const [adding, setAdding] = useState(false);

  async function loadLocations() {
    try { setLocations(await api.listLocations({})); } catch { /* shown empty; retried on next add */ }
  }

  useEffect(() => {
    api.places({}).then((r) => setPlaces(r.places), () => setPlaces([]));
    void loadLocations();
  }, []);

  return (
    <nav className="sidebar" aria-label="Sidebar">
      <h2>Places</h2>
      <ul>
        {places.map((p) => <SidebarItem key={p.path} name={p.name} path={p.path} current={current} />)}
        <TrashPlace />
      </ul>
      <h2>Locations</h2>
      <ul aria-label="Locations">
        {locations.map((l) => (
          <SidebarItem key={l.id} name={l.name} path={l.path} current={current}
            title={`${l.path} — ${formatCount(l.fileCount)} files indexed`} />
        ))}
      </ul>
      {adding
        ? <AddLocationForm onDone={() => { setAdding(false); void loadLocations(); }} />
        : <button type="button" className="link" onClick={() => setAdding(true)}>Add location…</button>}
    </nav>
  );
}

function SidebarItem(props: { name: string; path: string; current: string | null; title?: string }) {
  const active = props.current === props.path && !store.getState().trashOpen;
  return (
    <li>
      <button type="button" className={active ? 'place active' : 'place'} aria-current={active ? 'location' : undefined}
        title={props.title ?? props.path} onClick={() => { store.getState().closeTrash(); void actions.navigate(props.path); }}>
        {props.name}
      </button>
    </li>
  );
}

function AddLocationForm({ onDone }: { onDone: () => void }) {
  const [path, setPath] = useState(store.getState().path ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.addLocation({ path: path.trim() });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className="add-location" onSubmit={submit} aria-label="Add location">
      <input aria-label="Location path" value={path} autoFocus onChange={(e) => setPath(e.target.value)} disabled={busy} />
      <div className="row">
        <button type="submit" disabled={busy || !path.trim()}>{busy ? 'Indexing…' : 'Add'}</button>
        <button type="button" onClick={onDone} disabled={busy}>Cancel</button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
