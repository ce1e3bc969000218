import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { displayName } from '../../shared/display-name';
import { actions, fileOps, see, store, trashActions, useFerry } from '../state';
import { selectedInOrder } from '../stores/selection';
import type { MenuRequest } from '../stores/pointer';
import { openNewWindow } from '../dom/new-window';
import { platform } from '../dom/platform';
import { copyPaths } from '../dom/copy-paths';

interface Item { label: string; shortcut?: string; keys?: string; disabled?: boolean; run(): void }

function itemsFor(menu: MenuRequest, canCopy: boolean, canPaste: boolean, moveHere: string | null): Item[] {
  const items: Item[] = [];
  const entry = menu.entry;
  if (entry) items.push({ label: 'Open', shortcut: 'Enter', keys: 'Enter', run: () => actions.openEntry(entry) });
  items.push({ label: 'Cut', shortcut: 'Ctrl+X', keys: 'Control+X Meta+X', disabled: !canCopy, run: actions.cutSelection });
  items.push({ label: 'Copy', shortcut: 'Ctrl+C', keys: 'Control+C Meta+C', disabled: !canCopy, run: actions.copySelection });
  items.push({ label: 'Paste', shortcut: 'Ctrl+V', keys: 'Control+V Meta+V', disabled: !canPaste, run: () => actions.pasteInto() });
  if (moveHere) items.push({ label: moveHere, shortcut: '⌥⌘V', keys: 'Meta+Alt+V', run: () => actions.moveClipboardInto() });
  if (entry?.kind === 'dir') items.push({ label: 'Paste Into Folder', disabled: !canPaste, run: () => actions.pasteInto(entry.path) });
  if (entry) {
    // GNOME Files' "Move to…" and "Copy to…": to a folder typed, for when no second window is open on it.
    items.push({ label: 'Move to…', run: () => store.getState().askTransferTo('move', selectedInOrder(store.getState())) });
    items.push({ label: 'Copy to…', run: () => store.getState().askTransferTo('copy', selectedInOrder(store.getState())) });
  }
  if (entry) items.push({ label: 'Quick Look', shortcut: 'Space', keys: 'Space', run: see.toggleQuickLook });
  items.push({ label: 'Get Info', shortcut: 'Ctrl+I', keys: 'Control+I Meta+I', run: () => see.showInfo(entry?.path) });
  items.push({ label: entry ? 'Copy Path' : 'Copy Folder Path', shortcut: 'Ctrl+Alt+C', keys: 'Control+Alt+C Meta+Alt+C', run: () => void copyPaths() });
  if (entry) {
    items.push({ label: 'Rename…', shortcut: 'F2', keys: 'F2', run: () => fileOps.renameSelection() });
    items.push({ label: 'Move to Trash', shortcut: 'Delete', keys: 'Delete Control+Backspace Meta+Backspace',
      run: () => void trashActions.moveToTrash(selectedInOrder(store.getState())) });
    items.push({ label: 'Delete Permanently…', shortcut: 'Shift+Del', keys: 'Shift+Delete', run: () => fileOps.askDeleteSelection() });
  } else {
    items.push({ label: 'New Folder', shortcut: 'Ctrl+Shift+N', keys: 'Control+Shift+N Meta+Shift+N', run: () => void fileOps.newFolder() });
  }
  items.push({ label: 'New Window', shortcut: 'Ctrl+N', keys: 'Control+N Meta+N', run: openNewWindow });
  items.push({ label: 'Show Jobs', run: () => store.getState().setShowJobs(true) });
  return items;
}

/** The right-click menu: keyboard navigable, closes on Escape, on a click elsewhere, or after a choice. */
export function ContextMenu() {
  const menu = useFerry((s) => s.menu);
  const canCopy = useFerry((s) => s.selected.size > 0);
  const canPaste = useFerry((s) => s.clipboard.length > 0);
  // Finder's "Move Item Here" (macOS only): moves what was copied.
  const moveHere = useFerry((s) => (platform === 'mac' && s.clipboard.length > 0 && !s.clipboardCut
    ? (s.clipboard.length === 1 ? 'Move Item Here' : 'Move Items Here') : null));
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: 0, top: 0 });

  useLayoutEffect(() => {
    if (!menu || !ref.current) return;
    const { width, height } = ref.current.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - height - 4)),
    });
    ref.current.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const close = (e: Event) => { if (!ref.current?.contains(e.target as Node)) store.getState().closeMenu(); };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('blur', store.getState().closeMenu);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('blur', store.getState().closeMenu);
    };
  }, [menu]);

  if (!menu) return null;
  const items = itemsFor(menu, canCopy, canPaste, moveHere);

  function onKeyDown(e: React.KeyboardEvent) {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') { e.preventDefault(); store.getState().closeMenu(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); buttons[(at + 1) % buttons.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); buttons[(at - 1 + buttons.length) % buttons.length]?.focus(); }
  }

  return (
    <div role="menu" ref={ref} className="context-menu" style={{ left: position.left, top: position.top }}
      aria-label={menu.entry ? `Actions for ${displayName(menu.entry.name)}` : 'Folder actions'} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button key={item.label} type="button" role="menuitem" aria-disabled={item.disabled || undefined} tabIndex={-1}
          aria-keyshortcuts={item.keys}
          onClick={() => {
            if (item.disabled) return;
            store.getState().closeMenu();
            item.run();
          }}>
          <span>{item.label}</span>
          {item.shortcut && <kbd aria-hidden="true">{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
