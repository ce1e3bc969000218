import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useMenu, type MenuRequest } from '../stores/menu';
import { useClipboard } from '../stores/clipboard';
import { useSelection } from '../stores/selection';
import { useJobs } from '../stores/jobs';
import { copySelection, openNewWindow, pasteInto } from '../stores/actions';
import { openEntry } from './FileList';
import { displayName } from '../../shared/display-name';

interface Item { label: string; shortcut?: string; keys?: string; disabled?: boolean; run(): void }

function itemsFor(menu: MenuRequest, canCopy: boolean, canPaste: boolean): Item[] {
  const items: Item[] = [];
  const entry = menu.entry;
  if (entry) items.push({ label: 'Open', shortcut: 'Enter', keys: 'Enter', run: () => openEntry(entry) });
  items.push({ label: 'Copy', shortcut: 'Ctrl+C', keys: 'Control+C Meta+C', disabled: !canCopy, run: copySelection });
  items.push({ label: 'Paste', shortcut: 'Ctrl+V', keys: 'Control+V Meta+V', disabled: !canPaste, run: () => pasteInto() });
  if (entry?.kind === 'dir') items.push({ label: 'Paste Into Folder', disabled: !canPaste, run: () => pasteInto(entry.path) });
  items.push({ label: 'New Window', shortcut: 'Ctrl+N', keys: 'Control+N Meta+N', run: openNewWindow });
  items.push({ label: 'Show Jobs', run: () => useJobs.getState().setShowList(true) });
  return items;
}

/** The right-click menu: keyboard navigable, closes on Escape, on a click elsewhere, or after a choice. */
export function ContextMenu() {
  const menu = useMenu((s) => s.menu);
  const canCopy = useSelection((s) => s.selected.size > 0);
  const canPaste = useClipboard((s) => s.paths.length > 0);
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
    const close = (e: Event) => { if (!ref.current?.contains(e.target as Node)) useMenu.getState().close(); };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('blur', useMenu.getState().close);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('blur', useMenu.getState().close);
    };
  }, [menu]);

  if (!menu) return null;
  const items = itemsFor(menu, canCopy, canPaste);

  function onKeyDown(e: React.KeyboardEvent) {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') { e.preventDefault(); useMenu.getState().close(); }
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
            useMenu.getState().close();
            item.run();
          }}>
          <span>{item.label}</span>
          {item.shortcut && <kbd aria-hidden="true">{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
