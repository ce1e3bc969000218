import { memo, type DragEvent, type MouseEvent } from 'react';
import type { FolderEntry } from '../../shared/types';
import { formatBytes, formatDate } from '../lib/format';
import { kindLabel } from '../lib/sort';
import { acceptsDrop, dropOnFolder, hoverFolder, leaveFolders } from '../dom/drop-handlers';
import { displayName } from '../../shared/display-name';
import { fileOps, store, useFerry } from '../state';
import { EntryIcon } from './FileIcon';
import { RenameField } from './RenameField';
import { renameOnSecondClick, cancelSecondClick } from '../lib/second-click';

interface Props {
  entry: FolderEntry;
  index: number;
  top: number;
  height: number;
  onClick(index: number, e: MouseEvent): void;
  onOpen(entry: FolderEntry): void;
  onContextMenu(index: number, e: MouseEvent): void;
  onDragStart(index: number, e: DragEvent): void;
}


/**
 * One row of the grid. Subscribes to its own selection and drop state only, so a click re-renders two rows.
 * Rows are recycled while scrolling (FileList keys them by slot): everything shown comes from the props.
 */
export const FileRow = memo(function FileRow({ entry, index, top, height, onClick, onOpen, onContextMenu, onDragStart }: Props) {
  // One subscription for both flags (a number, so unchanged rows compare equal and do not re-render).
  const flags = useFerry((s) => (s.selected.has(entry.path) ? 1 : 0) | (s.focus === index ? 2 : 0) | (s.cutPaths.has(entry.path) ? 4 : 0));
  const selected = (flags & 1) !== 0;
  const focused = (flags & 2) !== 0;
  const cut = (flags & 4) !== 0;
  const isDir = entry.kind === 'dir';
  const dropping = useFerry((s) => isDir && s.dropTarget === entry.path);
  const renaming = useFerry((s) => s.renaming?.path === entry.path);

  function dragOver(e: DragEvent) {
    if (!isDir || !acceptsDrop(e)) return;
    e.preventDefault();
    e.stopPropagation();
    hoverFolder(e, entry.path);
    if (store.getState().dropTarget !== entry.path) store.getState().setDropTarget(entry.path);
  }

  function drop(e: DragEvent) {
    if (!isDir || !acceptsDrop(e)) return;
    e.preventDefault();
    e.stopPropagation();
    dropOnFolder(e, entry.path);
  }

  const className = ['file-row', index % 2 === 1 && 'odd', selected && 'selected', focused && 'focused', dropping && 'drop-target', entry.hidden && 'hidden-entry', cut && 'cut']
    .filter(Boolean).join(' ');

  return (
    <div role="row" aria-label={displayName(entry.name)} aria-selected={selected} aria-rowindex={index + 2} className={className}
      style={{ transform: `translateY(${top}px)`, height }} draggable={!renaming}
      data-kind={entry.kind}
      onClick={(e) => onClick(index, e)} onDoubleClick={() => { cancelSecondClick(); if (!renaming) onOpen(entry); }}
      onContextMenu={(e) => onContextMenu(index, e)} onDragStart={(e) => onDragStart(index, e)}
      onDragEnter={dragOver} onDragOver={dragOver} onDrop={drop}
      onDragLeave={(e) => {
        if (dropping && !e.currentTarget.contains(e.relatedTarget as Node | null)) leaveFolders();
      }}>
      <div role="gridcell" className="cell name"><EntryIcon entry={entry} />
        {renaming ? <RenameField name={entry.name} /> : (
          <span className="name-text" onClick={(e) => renameOnSecondClick(e, selected, () => fileOps.renameSelection())}>{displayName(entry.name)}</span>
        )}
        {entry.noAccess && <span role="img" aria-label="No access" title="You don't have permission to open this folder" className="lock-badge">🔒</span>}
      </div>
      <div role="gridcell" className="cell size">{isDir ? '—' : formatBytes(entry.size)}</div>
      <div role="gridcell" className="cell kind">{kindLabel(entry)}</div>
      <div role="gridcell" className="cell modified">{formatDate(entry.mtimeMs)}</div>
    </div>
  );
});
