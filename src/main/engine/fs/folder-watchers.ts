import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { FerryError, toErrorValue } from '../../../shared/errors';
import type { ListedEntry } from '../../../shared/types';
import { decodeName, fsPath } from './byte-names';
import { delayBeforeSending, PendingChanges } from './folder-changes';
import { describeName } from './list-folder';

/** What changed in a watched folder: entries added or changed, names gone; or "read it again" (`reread`). */
export interface FolderChange {
  path: string;
  reread: boolean;
  entries: ListedEntry[];
  removed: string[];
}
export type ChangeListener = (change: FolderChange) => void;

/**
 * One fs.watch on one folder, shared by every window showing it. On Linux it is inotify on that folder
 * alone (not recursive), which is what a listing shows: a change deep below changes no row. Names arrive
 * as bytes and are decoded exactly (byte-names.ts), so a file with an odd name updates its own row.
 */
class WatchedFolder {
  readonly listeners = new Set<ChangeListener>();
  private watcher: fs.FSWatcher | null;
  private readonly pending = new PendingChanges();
  private timer: NodeJS.Timeout | null = null;
  private lastRereadAt: number | null = null;

  constructor(readonly dir: string, private readonly now: () => number) {
    // Persistent: a window waiting for changes is work in progress (the engine's close ends every watch).
    this.watcher = fs.watch(fsPath(dir), { encoding: 'buffer', persistent: true }, (_type, name) => {
      this.changed(name ? decodeName(name) : null);
    });
    // The folder went away or the watch broke: the windows read it again (and say what is wrong).
    this.watcher.on('error', () => {
      this.stopWatching();
      this.changed(null);
    });
  }

  close(): void {
    this.stopWatching();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  private changed(name: string | null): void {
    this.pending.add(name);
    // The first change of a burst sets the time; later ones join it (never postponing it, so a folder that
    // changes without pause still updates about once a second).
    if (this.timer) return;
    this.timer = setTimeout(() => this.send(), delayBeforeSending(this.now(), this.lastRereadAt));
    this.timer.unref();
  }

  private send(): void {
    this.timer = null;
    if (this.pending.empty) return;
    const batch = this.pending.take();
    let change: FolderChange;
    if (batch.reread) {
      this.lastRereadAt = this.now();
      change = { path: this.dir, reread: true, entries: [], removed: [] };
    } else {
      const entries: ListedEntry[] = [];
      const removed: string[] = [];
      for (const name of batch.names) {
        // Each name as it is now: a file created and deleted within one batch is simply gone.
        const entry = describeName(this.dir, name);
        if (entry) entries.push(entry);
        else removed.push(name);
      }
      change = { path: this.dir, reread: false, entries, removed };
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch { /* one window's failure is not another's */ }
    }
  }
}

/**
 * The watched folders, reference-counted: the first window on a folder starts its watch, the last one to
 * leave stops it. Windows themselves are tracked by `WindowWatches` below.
 */
export class FolderWatchers {
  private readonly folders = new Map<string, WatchedFolder>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Calls `listener` with the folder's changes until the returned function is called. */
  subscribe(folder: string, listener: ChangeListener): () => void {
    if (!path.isAbsolute(folder)) throw new FerryError('INVALID_INPUT', `Not an absolute path: ${folder}`, folder);
    const dir = path.resolve(folder);
    let watched = this.folders.get(dir);
    if (!watched) {
      try {
        watched = new WatchedFolder(dir, this.now);
      } catch (err) {
        const value = toErrorValue(err, dir);
        throw new FerryError(value.code, value.message, dir);
      }
      this.folders.set(dir, watched);
    }
    const own: ChangeListener = (change) => listener(change); // its own identity: one function may subscribe twice
    watched.listeners.add(own);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      watched.listeners.delete(own);
      if (watched.listeners.size === 0 && this.folders.get(dir) === watched) {
        watched.close();
        this.folders.delete(dir);
      }
    };
  }

  /** How many folders are watched now. */
  get size(): number {
    return this.folders.size;
  }

  close(): void {
    for (const watched of this.folders.values()) watched.close();
    this.folders.clear();
  }
}

/**
 * Which folder each window watches: a window (an Electron webContents, a browser host connection) shows one
 * folder, so watching another replaces its watch, and a window that goes away (`release`) drops it.
 */
export class WindowWatches {
  private readonly byWindow = new Map<string, { watchId: string; stop(): void }>();

  constructor(private readonly watchers: FolderWatchers) {}

  /** Starts delivering `folder`'s changes to the window; returns the watch's id (carried by each change). */
  watch(windowId: string, folder: string, deliver: (change: FolderChange & { watchId: string }) => void): string {
    const watchId = randomUUID();
    const stop = this.watchers.subscribe(folder, (change) => deliver({ ...change, watchId }));
    this.release(windowId);
    this.byWindow.set(windowId, { watchId, stop });
    return watchId;
  }

  /** The window watches nothing any more (it closed, or it shows no folder). */
  release(windowId: string): void {
    const current = this.byWindow.get(windowId);
    if (!current) return;
    this.byWindow.delete(windowId);
    current.stop();
  }

  get windows(): number {
    return this.byWindow.size;
  }

  /** Drops every window's watch and stops watching. */
  close(): void {
    for (const id of [...this.byWindow.keys()]) this.release(id);
    this.watchers.close();
  }
}
