import { useEffect, useRef, useState } from 'react';
import { actions, useFerry } from '../state';
import { redoLabel, undoLabel } from '../stores/history';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * The toolbar's Edit menu: Undo and Redo saying what they do ("Undo Move of 3 Items", "Redo Rename"). The
 * browser host has no application menu; in the Electron app the menu bar has the same items.
 */
export function EditMenu() {
  const nextUndo = useFerry((s) => s.nextUndo);
  const nextRedo = useFerry((s) => s.nextRedo);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const close = (e: Event) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    // On the window: with both items disabled nothing in the menu has the focus to hear the key.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
      ref.current?.querySelector<HTMLElement>('button[aria-haspopup]')?.focus();
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const items = [
    { label: undoLabel(nextUndo), shortcut: isMac ? '⌘Z' : 'Ctrl+Z', keys: 'Control+Z Meta+Z', disabled: !nextUndo, run: actions.undo },
    { label: redoLabel(nextRedo), shortcut: isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z', keys: 'Control+Shift+Z Meta+Shift+Z', disabled: !nextRedo, run: actions.redo },
  ];

  return (
    <div className="edit-menu" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>Edit</button>
      {open && (
        <div role="menu" aria-label="Edit" className="context-menu edit-menu-items">
          {items.map((item) => (
            <button key={item.keys} type="button" role="menuitem" tabIndex={-1} aria-disabled={item.disabled || undefined}
              aria-keyshortcuts={item.keys}
              onClick={() => {
                if (item.disabled) return;
                setOpen(false);
                void item.run();
              }}>
              <span>{item.label}</span>
              <kbd aria-hidden="true">{item.shortcut}</kbd>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
