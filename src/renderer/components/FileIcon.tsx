import type { ReactNode } from 'react';
import { canThumbnail, fileKind, KIND_NAMES, type FileKind } from '../../shared/file-kind';
import type { FolderEntry } from '../../shared/types';
import { useThumbnail } from '../hooks/useThumbnail';

/**
 * Icons by kind, drawn here as inline SVG (no icon font or download; CSP allows no remote images anyway).
 * Files share one page shape with a folded corner; the kind is its colour and a glyph on it, so icons read
 * at 16 px and stay distinct for people who do not tell colours apart. Each carries its kind as an
 * accessible label.
 */
const PAGE = 'M3.5 1.5h6l3.5 3.5v9.5h-9.5z';
const FOLD = 'M9.5 1.5v3.5h3.5';

interface Look { color: string; glyph: ReactNode }

const LOOKS: Record<Exclude<FileKind, 'folder'>, Look> = {
  image: { color: '#2f9e5b', glyph: <><circle cx="6.3" cy="7.3" r="1.1" /><path d="M4.5 13l2.6-3 1.6 1.7 1.5-1.9 2 3.2z" /></> },
  audio: { color: '#8e44ad', glyph: <path d="M9.8 6.5v4.6a1.3 1.3 0 1 1-.9-1.2V7.6l-2.6.6v3.7a1.3 1.3 0 1 1-.9-1.2V7.4z" /> },
  video: { color: '#d0392b', glyph: <path d="M6.2 7.2v5l4-2.5z" /> },
  archive: { color: '#a0692d', glyph: <path d="M7.6 2h1v1h-1zm-1 1h1v1h-1zm1 1h1v1h-1zm-1 1h1v1h-1zm1 1h1v1h-1zm-1.1 1.4h2.2v2.8h-2.2z" /> },
  document: { color: '#2a6fd6', glyph: <path d="M5.3 7h5.4v1H5.3zm0 2h5.4v1H5.3zm0 2h3.6v1H5.3z" /> },
  code: { color: '#d9730d', glyph: <path d="M6.4 7.4L4.9 9.5l1.5 2.1.7-.5-1.1-1.6 1.1-1.6zm3.2 0l-.7.5 1.1 1.6-1.1 1.6.7.5 1.5-2.1z" /> },
  text: { color: '#6e6e73', glyph: <path d="M5.3 6h5.4v.9H5.3zm0 1.8h5.4v.9H5.3zm0 1.8h5.4v.9H5.3zm0 1.8h3.4v.9H5.3z" /> },
  executable: { color: '#3b4a5a', glyph: <path d="M5 7.3l2 1.6-2 1.6-.5-.6 1.3-1-1.3-1zm2.8 3h3v.9h-3z" /> },
  link: { color: '#138a8a', glyph: <path d="M6 12.2l3.3-3.3v1.8h1V7.2H6.8v1h1.8L5.3 11.5z" /> },
  file: { color: '#8a8a90', glyph: null },
};

export function FileIcon({ kind, size = 18 }: { kind: FileKind; size?: number }) {
  const label = KIND_NAMES[kind];
  if (kind === 'folder') {
    return (
      <svg className="file-icon" role="img" aria-label={label} width={size} height={size} viewBox="0 0 16 16">
        <path d="M1 3.5A1 1 0 0 1 2 2.5h4l1.5 1.5H14a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1z" fill="#4f9bf0" />
        <path d="M1 6h14v7a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1z" fill="#6cb0f7" />
      </svg>
    );
  }
  const look = LOOKS[kind];
  return (
    <svg className="file-icon" role="img" aria-label={label} width={size} height={size} viewBox="0 0 16 16">
      <path d={PAGE} fill="var(--bg)" stroke={look.color} strokeWidth="1" strokeLinejoin="round" />
      <path d={FOLD} fill="none" stroke={look.color} strokeWidth="1" strokeLinejoin="round" />
      <g fill={look.color}>{look.glyph}</g>
    </svg>
  );
}

/** Rows ask for thumbnails this big: sharp at 20 px on a 2× screen, and shared by every row of a folder. */
const ROW_THUMBNAIL_EDGE = 64;

/** A row's icon: an image's thumbnail once the engine has made it, else (and until then) its kind's icon. */
export function EntryIcon({ entry, size = 18 }: { entry: FolderEntry; size?: number }) {
  const kind = fileKind({ name: entry.name, entryKind: entry.kind, executable: entry.executable });
  const wantsThumbnail = kind === 'image' && canThumbnail(entry.name);
  const url = useThumbnail(wantsThumbnail ? { path: entry.path, size: entry.size, mtimeMs: entry.mtimeMs, edge: ROW_THUMBNAIL_EDGE } : null);
  if (url) return <img className="file-thumb" src={url} alt={KIND_NAMES[kind]} width={size} height={size} />;
  return <FileIcon kind={kind} size={size} />;
}
