import { useMemo } from 'react';
import { formatBytes, formatCount, plural } from '../lib/format';
import { useFerry } from '../state';
import { selectedFileBytes } from '../stores/see-actions';

/** Item counts (the folder's, or the Trash's while it is shown), the connection state (browser host) and short notices. */
export function StatusBar() {
  const trashOpen = useFerry((s) => s.trashOpen);
  const trashCount = useFerry((s) => s.trash.length);
  const trashSelected = useFerry((s) => s.trashSelected);
  const trash = useFerry((s) => s.trash);
  const trashBytes = useMemo(() => trash.reduce((sum, t) => sum + (trashSelected.has(t.id) ? t.size ?? 0 : 0), 0), [trash, trashSelected]);
  const count = useFerry((s) => s.visible.length);
  // While a big folder's pages arrive: how far along, never "N items" (that is the final count).
  const loaded = useFerry((s) => (s.listing && !s.listing.complete ? s.listing.entries.length : null));
  const total = useFerry((s) => s.listing?.total ?? 0);
  const selectedPaths = useFerry((s) => s.selected);
  const visible = useFerry((s) => s.visible);
  const folderBytes = useMemo(() => selectedFileBytes(visible, selectedPaths), [visible, selectedPaths]);
  // The Trash is no folder of this window: its own counts, and no free space (its items span file systems).
  const selected = trashOpen ? trashSelected.size : selectedPaths.size;
  const selectedBytes = trashOpen ? trashBytes : folderBytes;
  const freeSpace = useFerry((s) => (s.freeSpace && s.freeSpace.folder === s.path ? s.freeSpace.free : null));
  const notices = useFerry((s) => s.notices);
  const connection = useFerry((s) => s.connection);

  return (
    <footer className="status-bar">
      <span>
        {trashOpen ? plural(trashCount, 'item')
          : loaded !== null ? `Listing… ${formatCount(loaded)} of ${formatCount(total)}` : plural(count, 'item')}
        {selected > 0 ? `, ${formatSelected(selected)}` : ''}
        {selectedBytes > 0 ? `, ${formatBytes(selectedBytes)}` : ''}
      </span>
      {freeSpace !== null && !trashOpen && <span className="free-space" aria-label="Free space">{formatBytes(freeSpace)} free</span>}
      {connection !== 'open' && (
        <span role="status" className="connection">{connection === 'connecting' ? 'Connecting…' : 'Connection lost — reconnecting…'}</span>
      )}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => <span key={n.id} className={`notice ${n.tone}`}>{n.text}</span>)}
      </div>
    </footer>
  );
}

function formatSelected(n: number): string {
  return `${plural(n, 'item').replace(/ items?$/, '')} selected`;
}
