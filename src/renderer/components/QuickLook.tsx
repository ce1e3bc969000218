import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { displayName } from '../../shared/display-name';
import { fileKind, KIND_NAMES } from '../../shared/file-kind';
import { fileUrl } from '../../shared/file-url';
import type { FileInfo } from '../../shared/file-info';
import type { FolderEntry } from '../../shared/types';
import { api } from '../api';
import { formatBytes, formatCount, formatDate } from '../lib/format';
import { baseName } from '../lib/paths';
import { decodeTextPreview, previewMode, TEXT_PREVIEW_BYTES, type BrowserViewers } from '../lib/preview-kind';
import { actions, see, store, useFerry } from '../state';
import { FileIcon } from './FileIcon';

/** The page's token, when its address carries one (the development proxy needs it on /file too). */
function pageToken(): string | null {
  return new URLSearchParams(window.location.search).get('token');
}

function urlOf(path: string): string {
  return fileUrl(path, { token: pageToken() });
}

/**
 * Quick Look: Space shows the selected item in a panel named after it: images, text and code (the first
 * 256 KB), PDF (where the window has a viewer), audio and video through the browser's own elements, from the
 * host's file route; anything else as its icon and facts (a PDF with no viewer: those and an Open button). Arrows step through the selection (or the folder, when one item is selected);
 * Space or Escape closes it, giving the focus back to the list.
 */
export function QuickLook() {
  const look = useFerry((s) => s.quickLook);
  const panel = useRef<HTMLDivElement>(null);
  const path = look ? look.paths[look.index] : undefined;

  useEffect(() => {
    if (!look) return;
    panel.current?.focus();
    return () => document.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [look !== null]); // focus moves on open and close only

  if (!look || path === undefined) return null;
  const entry = see.entryAt(path);
  const name = displayName(baseName(path) || path);

  function onKeyDown(e: KeyboardEvent) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (e.key === ' ' || e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      store.getState().closeQuickLook();
    } else if (step !== undefined && !(e.target instanceof HTMLMediaElement)) {
      e.preventDefault();
      e.stopPropagation();
      see.stepQuickLook(step);
    }
  }

  return (
    <div className="quick-look-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) store.getState().closeQuickLook(); }}>
      <div role="dialog" aria-label={name} className="quick-look" ref={panel} tabIndex={-1} onKeyDown={onKeyDown}>
        <header>
          <h2>{name}</h2>
          {!look.followsFocus && look.paths.length > 1 && <span className="position">{formatCount(look.index + 1)} of {formatCount(look.paths.length)}</span>}
          <button type="button" aria-label="Close" onClick={() => store.getState().closeQuickLook()}>×</button>
        </header>
        <div className="quick-look-body">
          <PreviewBody key={path} path={path} name={name} entry={entry} />
        </div>
      </div>
    </div>
  );
}

/** Whether this window frames a PDF (false: Chromium set to download PDFs; Electron without its viewer). */
function viewers(): BrowserViewers {
  return { pdf: navigator.pdfViewerEnabled !== false };
}

function PreviewBody({ path, name, entry }: { path: string; name: string; entry: FolderEntry | undefined }) {
  const mode = previewMode(baseName(path), entry?.kind ?? 'file', viewers());
  const [failed, setFailed] = useState(false);
  if (failed || mode === 'facts') return <Facts path={path} />;
  if (mode === 'facts-open') {
    return (
      <>
        <Facts path={path} />
        <p className="preview-note">This window has no viewer for it.{' '}
          {entry && <button type="button" onClick={() => actions.openEntry(entry)}>Open</button>}
        </p>
      </>
    );
  }
  switch (mode) {
    case 'image': return <img className="preview-image" src={urlOf(path)} alt={name} onError={() => setFailed(true)} />;
    case 'audio': return <audio controls src={urlOf(path)} aria-label={name} onError={() => setFailed(true)} />;
    case 'video': return <video controls src={urlOf(path)} aria-label={name} onError={() => setFailed(true)} />;
    case 'pdf': return <iframe className="preview-pdf" src={urlOf(path)} title={name} />;
    case 'text': return <TextPreview path={path} onNotText={() => setFailed(true)} />;
  }
}

function TextPreview({ path, onNotText }: { path: string; onNotText(): void }) {
  const [text, setText] = useState<{ body: string; truncated: boolean } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      // One byte more than shown tells whether there is more.
      const response = await fetch(urlOf(path), { headers: { Range: `bytes=0-${TEXT_PREVIEW_BYTES}` }, signal: abort.signal });
      if (!response.ok) throw new Error(String(response.status));
      const bytes = new Uint8Array(await response.arrayBuffer());
      const truncated = bytes.length > TEXT_PREVIEW_BYTES;
      const body = decodeTextPreview(truncated ? bytes.subarray(0, TEXT_PREVIEW_BYTES) : bytes, truncated);
      if (body === null) onNotText();
      else setText({ body, truncated });
    })().catch(() => { if (!abort.signal.aborted) onNotText(); });
    return () => abort.abort();
  }, [path]); // one read per path
  if (!text) return <p className="preview-loading">Loading…</p>;
  return (
    <>
      <pre className="preview-text" aria-label="Text preview">{text.body}</pre>
      {text.truncated && <p className="preview-note">Showing the first {formatBytes(TEXT_PREVIEW_BYTES)}</p>}
    </>
  );
}

/** What is shown for items the browser cannot display: the icon, kind, size and dates. */
function Facts({ path }: { path: string }) {
  const [info, setInfo] = useState<FileInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getInfo({ path }).then((i) => { if (live) setInfo(i); }, (e: unknown) => { if (live) setError(String((e as Error).message ?? e)); });
    return () => { live = false; };
  }, [path]);
  if (error) return <p className="preview-note" role="alert">{error}</p>;
  if (!info) return <p className="preview-loading">Loading…</p>;
  const kind = fileKind({ name: info.name, entryKind: info.entryKind, mode: info.mode });
  const size = info.entryKind === 'dir'
    ? info.indexTotals ? `${formatBytes(info.indexTotals.bytes)} in ${formatCount(info.indexTotals.files)} files` : null
    : formatBytes(info.size);
  return (
    <div className="preview-facts">
      <FileIcon kind={kind} size={96} />
      <dl>
        <dt>Kind</dt><dd>{KIND_NAMES[kind]}</dd>
        {size && <><dt>Size</dt><dd>{size}</dd></>}
        {info.createdMs !== null && <><dt>Created</dt><dd>{formatDate(info.createdMs)}</dd></>}
        <dt>Modified</dt><dd>{formatDate(info.modifiedMs)}</dd>
      </dl>
    </div>
  );
}
