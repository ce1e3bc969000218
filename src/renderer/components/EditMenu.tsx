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
    window.addEventListener('mousedown', close, true);
    return () => window.removeEventListener('mousedown', close, true);
  }, [open]);

  const items = [
    { label: undoLabel(nextUndo), shortcut: isMac ? '⌘Z' : 'Ctrl+Z', keys: 'Control+Z Meta+Z', disabled: !nextUndo, run: actions.undo },
    { label: redoLabel(nextRedo), shortcut: isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z', keys: 'Control+Shift+Z Meta+Shift+Z', disabled: !nextRedo, run: actions.redo },
  ];

  return (
    <div className="edit-menu" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>Edit</button>
      {open && (
        <div role="menu" aria-label="Edit" className="context-menu edit-menu-items"
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); setOpen(false); } }}>
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
