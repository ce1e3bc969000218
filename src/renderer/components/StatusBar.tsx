import { useEffect, useState } from 'react';
import { connectionState, onConnectionState } from '../api';
import { useBrowsing } from '../stores/browsing';
import { useSelection } from '../stores/selection';
import { useNotices } from '../stores/notices';
import { plural } from '../lib/format';

/** Item counts, the connection state (browser host) and short notices. */
export function StatusBar() {
  const count = useBrowsing((s) => s.visible.length);
  const selected = useSelection((s) => s.selected.size);
  const notices = useNotices((s) => s.notices);
  const [connection, setConnection] = useState(connectionState());
  useEffect(() => {
    const unsubscribe = onConnectionState(setConnection);
    setConnection(connectionState()); // it may have changed between render and subscription
    return unsubscribe;
  }, []);

  return (
    <footer className="status-bar">
      <span>{plural(count, 'item')}{selected > 0 ? `, ${formatSelected(selected)}` : ''}</span>
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
