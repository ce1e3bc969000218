import { useEffect, useRef, useState } from 'react';
import { displayName } from '../../shared/display-name';
import { KIND_NAMES } from '../../shared/file-kind';
import type { FileInfo, FolderSize } from '../../shared/file-info';
import { api } from '../api';
import { errorMessage } from '../api/client';
import { formatBytes, formatDate, plural } from '../lib/format';
import { store, useFerry } from '../state';
import { FileIcon } from './FileIcon';

/** A folder count's id: unique per dialog, so closing it cancels only its own count. */
function newRequestId(): string {
  return `info-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Get Info (Ctrl/Cmd+I): kind, size, where, dates, permissions, owner and group, a link's target. A folder's
 * size shows the library index's totals at once when it knows them, and is counted on disk in the
 * background; closing the dialog cancels the count.
 */
export function InfoDialog() {
  const path = useFerry((s) => s.infoPath);
  if (!path) return null;
  return <InfoPanel key={path} path={path} />;
}

function InfoPanel({ path }: { path: string }) {
  const [info, setInfo] = useState<FileInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [counted, setCounted] = useState<FolderSize | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const name = displayName(path.split('/').filter(Boolean).pop() ?? path);

  useEffect(() => {
    panel.current?.focus();
    let live = true;
    let requestId: string | null = null;
    api.getInfo({ path }).then((i) => {
      if (!live) return;
      setInfo(i);
      if (i.entryKind !== 'dir') return;
      requestId = newRequestId();
      api.folderSize({ path, requestId }).then((size) => { if (live) setCounted(size); }, () => undefined);
    }, (e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => {
      live = false;
      if (requestId) void api.cancelFolderSize({ requestId }).catch(() => undefined);
      document.querySelector<HTMLElement>('[role="grid"]')?.focus();
    };
  }, [path]);

  const close = () => store.getState().closeInfo();
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) close(); }}>
      <div role="dialog" aria-modal="true" aria-label={`${name} Info`} className="info-dialog" ref={panel} tabIndex={-1}
        onKeyDown={(e) => {
          // Modal: the window's shortcuts (Space for Quick Look, Backspace for Back…) wait until it closes.
          e.stopPropagation();
          if (e.key === 'Escape' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'i')) {
            e.preventDefault();
            close();
          }
        }}>
        <header>
          {info && <FileIcon kind={info.kind} size={40} />}
          <h2>{name}</h2>
        </header>
        {error && <p role="alert">{error}</p>}
        {!info && !error && <p className="preview-loading">Loading…</p>}
        {info && <Facts info={info} counted={counted} />}
        <div className="buttons"><button type="button" onClick={close}>Close</button></div>
      </div>
    </div>
  );
}

function Facts({ info, counted }: { info: FileInfo; counted: FolderSize | null }) {
  const rows: [string, string][] = [
    ['Kind', KIND_NAMES[info.kind]],
    ['Size', sizeText(info, counted)],
    ['Where', info.path],
  ];
  if (info.symlinkTarget !== null) {
    rows.push(['Link target', info.targetKind === 'missing' ? `${info.symlinkTarget} (missing)` : info.symlinkTarget]);
  }
  if (info.createdMs !== null) rows.push(['Created', formatDate(info.createdMs)]);
  rows.push(['Modified', formatDate(info.modifiedMs)], ['Accessed', formatDate(info.accessedMs)]);
  rows.push(['Permissions', `${info.permissions} (${info.octal})`]);
  rows.push(['Owner', info.owner.name ?? String(info.owner.id)], ['Group', info.group.name ?? String(info.group.id)]);
  return (
    <dl className="info-facts">
      {rows.map(([term, value]) => (
        <div key={term} className="info-row"><dt>{term}</dt><dd aria-label={term}>{value}</dd></div>
      ))}
    </dl>
  );
}

/** "12.4 MB (12,400,000 bytes)"; a folder: the count on disk once done, the index's totals meanwhile. */
function sizeText(info: FileInfo, counted: FolderSize | null): string {
  if (info.entryKind !== 'dir') return info.size < 1000 ? formatBytes(info.size) : `${formatBytes(info.size)} (${plural(info.size, 'byte')})`;
  if (counted) {
    const unread = counted.unreadable > 0 ? `, ${plural(counted.unreadable, 'folder')} could not be read` : '';
    return `${formatBytes(counted.bytes)} in ${plural(counted.files, 'file')}${unread}`;
  }
  if (info.indexTotals) return `${formatBytes(info.indexTotals.bytes)} in ${plural(info.indexTotals.files, 'file')} (from the index; counting…)`;
  return 'Counting…';
}
