import { useRef, useState, type KeyboardEvent } from 'react';
import type { MethodOutput } from '../../shared/api';
import { api } from '../api';
import { errorMessage } from '../api/client';
import { formatCount, plural } from '../lib/format';
import { actions } from '../state';
import { displayName } from '../../shared/display-name';
import { fileKind } from '../../shared/file-kind';
import { FileIcon } from './FileIcon';

type Found = MethodOutput<'findInLibrary'>;

const LIMIT = 50;

/**
 * The library search (Ctrl/Cmd+Shift+F): finds by name across every location from the index as it is
 * typed, best first, each result with its folder. Enter or a click opens the folder with the item
 * selected. Answers that arrive after a newer keystroke's are dropped.
 */
export function LibrarySearch() {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  function search(value: string) {
    setText(value);
    setOpen(true);
    const n = ++seq.current;
    if (value.trim() === '') {
      setFound(null);
      setError(null);
      return;
    }
    api.findInLibrary({ text: value, limit: LIMIT }).then((r) => {
      if (n !== seq.current) return;
      setFound(r);
      setError(null);
      setActive(0);
    }, (err: unknown) => {
      if (n === seq.current) setError(errorMessage(err));
    });
  }

  function openMatch(index: number) {
    const m = found?.matches[index];
    if (!m) return;
    setOpen(false);
    void actions.reveal(m.folder, m.name).then((ok) => {
      if (ok) document.querySelector<HTMLElement>('[role="grid"][aria-label="Files"]')?.focus();
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const count = found?.matches.length ?? 0;
    if (e.key === 'Escape') {
      e.preventDefault();
      if (open && text !== '') { search(''); setOpen(false); } else input.current?.blur();
    } else if (e.key === 'ArrowDown' && count > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(count - 1, a + 1));
    } else if (e.key === 'ArrowUp' && count > 0) {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && count > 0) {
      e.preventDefault();
      openMatch(active);
    }
  }

  const showPanel = open && text.trim() !== '' && (found !== null || error !== null);
  return (
    <div className="library-search"
      onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false); }}>
      <input ref={input} type="search" aria-label="Search library" placeholder="Search library" value={text}
        spellCheck={false} autoComplete="off" aria-controls="library-results"
        aria-activedescendant={showPanel && found?.matches.length ? `library-result-${active}` : undefined}
        onFocus={() => {
          setOpen(true);
          // Reads the index's rows now, so that the first letter typed is answered as fast as the rest.
          if (text === '') api.findInLibrary({ text: '' }).catch(() => undefined);
        }}
        onChange={(e) => search(e.target.value)} onKeyDown={onKeyDown} />
      {showPanel && (
        <div className="library-results" id="library-results-panel">
          {error !== null && <p className="error" role="alert">{error}</p>}
          {found !== null && (
            <>
              <div role="listbox" id="library-results" aria-label="Library results">
                {found.matches.map((m, i) => (
                  <div key={m.path} id={`library-result-${i}`} role="option" aria-selected={i === active}
                    className={i === active ? 'result active' : 'result'} title={m.path}
                    onMouseDown={(e) => e.preventDefault()} onMouseEnter={() => setActive(i)} onClick={() => openMatch(i)}>
                    <span className="result-name"><FileIcon kind={fileKind({ name: m.name, entryKind: m.kind })} size={16} />{displayName(m.name)}</span>
                    <span className="result-folder">{displayName(m.folder)}{m.folderChanged ? ' · changed since indexed' : ''}</span>
                  </div>
                ))}
              </div>
              <p className="results-summary" role="status">{summary(found)}</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function summary(found: Found): string {
  const parts: string[] = [];
  if (found.matches.length === 0) parts.push('Nothing found in the library');
  else if (found.total > found.matches.length) parts.push(`Best ${formatCount(found.matches.length)} of ${formatCount(found.total)}`);
  else parts.push(plural(found.total, 'result'));
  parts[0] += ` · ${found.tookMs < 1 ? '<1' : Math.round(found.tookMs)} ms`;
  if (found.changedFolders > 0) parts.push(`not yet indexed: ${plural(found.changedFolders, 'folder')} changed since`);
  if (found.unindexedLocations > 0) parts.push(`${plural(found.unindexedLocations, 'location')} still being indexed`);
  return parts.join(' — ');
}
