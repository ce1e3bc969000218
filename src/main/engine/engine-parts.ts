/* eslint-disable @typescript-eslint/no-require-imports -- each part loads on first use (ferry-engine.ts says why) */
import type { CopyService } from './copy/copy-service';
import type { Db } from './db/library';
import type { FerryEngineOptions } from './ferry-engine';
import type { WindowWatches } from './fs/folder-watchers';
import type { ListingWorker } from './fs/listing-worker';
import type { History } from './history/history';
import type { LibraryIndexer } from './indexer/library-indexer';
import type { JobManager } from './jobs/job-manager';
import type { FolderSizes } from './preview/folder-size';
import type { Thumbnails } from './preview/thumbnails';
import type { LibrarySearchIndex } from './search/library-search-index';

/** The engine's heavier parts, each loaded and created on first use. */
export function lazyParts(db: Db, options: FerryEngineOptions, jobs: JobManager) {
  let copies: CopyService | undefined;
  let indexer: LibraryIndexer | undefined;
  let listings: ListingWorker | undefined;
  let watches: WindowWatches | undefined;
  let thumbnails: Thumbnails | undefined;
  let folderSizes: FolderSizes | undefined;
  let searchIndex: LibrarySearchIndex | undefined;
  let history: History | undefined;
  return {
    searchIndex(): LibrarySearchIndex {
      const { LibrarySearchIndex: Index } = require('./search/library-search-index') as typeof import('./search/library-search-index');
      return (searchIndex ??= new Index(db));
    },
    ops(): typeof import('./ops/file-ops') {
      return require('./ops/file-ops') as typeof import('./ops/file-ops');
    },
    copies(): CopyService {
      const { CopyService: Service } = require('./copy/copy-service') as typeof import('./copy/copy-service');
      return (copies ??= new Service({ db, dbFile: options.dbFile, jobs, defaultRateLimit: options.defaultRateLimit }));
    },
    indexer(): LibraryIndexer {
      const { LibraryIndexer: Indexer } = require('./indexer/library-indexer') as typeof import('./indexer/library-indexer');
      return (indexer ??= new Indexer(db, options.dbFile, { scheduler: jobs.scheduler }));
    },
    listings(): ListingWorker {
      const { ListingWorker: Worker } = require('./fs/listing-worker') as typeof import('./fs/listing-worker');
      return (listings ??= new Worker());
    },
    history(): History {
      const { History: HistoryOf } = require('./history/history') as typeof import('./history/history');
      const { engineActions } = require('./history/engine-actions') as typeof import('./history/engine-actions');
      return (history ??= new HistoryOf(db, engineActions({ db, copies: () => this.copies() })));
    },
    thumbnails(): Thumbnails {
      const { Thumbnails: Made, thumbnailCacheDir } = require('./preview/thumbnails') as typeof import('./preview/thumbnails');
      return (thumbnails ??= new Made(thumbnailCacheDir(options.dbFile)));
    },
    folderSizes(): FolderSizes {
      const { FolderSizes: Sizes } = require('./preview/folder-size') as typeof import('./preview/folder-size');
      return (folderSizes ??= new Sizes());
    },
    /** The folders windows watch (live folders), started by the first window that asks. */
    watches(): WindowWatches {
      const { FolderWatchers, WindowWatches: Watches } = require('./fs/folder-watchers') as typeof import('./fs/folder-watchers');
      return (watches ??= new Watches(new FolderWatchers()));
    },
    watchesIfStarted: (): WindowWatches | undefined => watches,
    close(): void {
      listings?.close();
      watches?.close();
      thumbnails?.close();
      folderSizes?.cancelAll();
    },
  };
}
