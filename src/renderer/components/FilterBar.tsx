import { useEffect, useRef } from 'react';
import { formatCount } from '../lib/format';
import { actions, store, useFerry } from '../state';

/** Focus the list (after Esc, or Down from the filter), where the arrow keys and Enter act on the rows. */
function focusList(): void {
  document.querySelector<HTMLElement>('[role="grid"][aria-label="Files"]')?.focus();
}

/**
 * The folder's name filter (Ctrl/Cmd+F): shown above the list while the filter is open. Typing narrows
 * the rows at once; Esc clears and closes it; Down or Enter goes to the rows, the first one selected.
 */
export function FilterBar() {
  const filter = useFerry((s) => s.filter);
  const shown = useFerry((s) => s.visible.length);
  const all = useFerry((s) => s.sorted.length);
  const input = useRef<HTMLInputElement>(null);
  const open = filter !== null;

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  if (!open) return null;

  function close() {
    actions.setFilter(null);
    focusList();
  }

  return (
    <div className="filter-bar">
      <input ref={input} type="search" aria-label="Filter" placeholder="Filter by name" value={filter}
        spellCheck={false} autoComplete="off"
        onChange={(e) => actions.setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            const s = store.getState();
            if (s.visiblePaths.length > 0 && s.focus === null) s.click(s.visiblePaths, 0, 'replace');
            focusList();
          }
        }} />
      <span className="filter-count" role="status">
        {filter.trim() === '' ? '' : `${formatCount(shown)} of ${formatCount(all)}`}
      </span>
      <button type="button" aria-label="Close filter" title="Close filter (Esc)" onClick={close}>×</button>
    </div>
  );
}
